/**
 * The order of the guide as a book, shared by its two editions: the print page (/book/) and
 * the EPUB written from it after the build (config/epub/). Pure: no Astro calls.
 */
import { COLLECTIONS, type CollectionName } from '../../schemas';
import { keyOf, type EntryKey } from '../graph';
import { routeOf, type PathRecord } from '../learning-path';

/** One part of the book: a stage of the learning path, or a section's remaining entries. */
export interface BookPart<T extends EntryKey> {
  title: string;
  chapters: T[];
}

/**
 * The book's parts, in reading order: the stages of `path` (every topic, optional ones too,
 * each entry once, where it first appears), then the entries the path leaves out, section by
 * section in collection order. Without a path the parts are the sections. Entries the path
 * names but that are not in `entries` (drafts) are skipped; empty parts are left out.
 */
export function bookOutline<T extends EntryKey>(
  entries: readonly T[],
  path: Pick<PathRecord, 'data'> | undefined,
  sectionLabel: (collection: CollectionName) => string,
): BookPart<T>[] {
  const byKey = new Map(entries.map((entry) => [keyOf(entry), entry]));
  const placed = new Set<string>();
  const parts: BookPart<T>[] = [];
  if (path) {
    const route = routeOf(path);
    path.data.stages.forEach((stage, index) => {
      const chapters: T[] = [];
      for (const topic of route.filter((t) => t.stage === index + 1)) {
        const entry = byKey.get(topic.key);
        if (!entry || placed.has(topic.key)) continue;
        placed.add(topic.key);
        chapters.push(entry);
      }
      parts.push({ title: `Stage ${index + 1}: ${stage.title}`, chapters });
    });
  }
  for (const collection of COLLECTIONS) {
    const rest = entries.filter((entry) => entry.collection === collection && !placed.has(keyOf(entry)));
    parts.push({ title: sectionLabel(collection), chapters: rest });
  }
  return parts.filter((part) => part.chapters.length > 0);
}
