/**
 * The link graph between entries: what each entry points to (frontmatter
 * references and links in its text) and, inverted once, what points to it.
 */
import { internalLinks } from './prose';
import { referencesIn, type EntryRecord } from './references';
import { positionOf } from './positions';

/** Identifies an entry across collections. */
export interface EntryKey {
  collection: string;
  id: string;
}

/** "collection/id", a map key for an entry. */
export const keyOf = (entry: EntryKey): string => `${entry.collection}/${entry.id}`;

/** Sorts by `order`, then title, then id, without mutating the input. */
export function sortEntries<T extends { id: string; data: { order: number; title: string } }>(
  entries: readonly T[],
): T[] {
  return [...entries].sort(
    (a, b) => a.data.order - b.data.order || a.data.title.localeCompare(b.data.title, 'en') || a.id.localeCompare(b.id),
  );
}

const PAGE_LINK = /^\/([a-z]+)\/([a-z0-9-]+)\/$/;

/** Entries an entry points to, in first-seen order: references first, then links in its body. */
export function outgoing(
  entry: EntryRecord & { body?: string | undefined },
  collections: ReadonlySet<string>,
): EntryKey[] {
  const seen = new Map<string, EntryKey>();
  for (const ref of referencesIn(entry.data)) seen.set(keyOf(ref), { collection: ref.collection, id: ref.id });
  for (const link of internalLinks(entry.body ?? '')) {
    const match = PAGE_LINK.exec(link);
    if (match?.[1] && match[2] && collections.has(match[1]))
      seen.set(`${match[1]}/${match[2]}`, { collection: match[1], id: match[2] });
  }
  seen.delete(keyOf(entry));
  return [...seen.values()];
}

/** For every entry key, the entries that point to it; one pass over all edges. */
export function backlinkIndex(
  entries: readonly (EntryRecord & { body?: string | undefined })[],
  collections: ReadonlySet<string>,
): Map<string, EntryKey[]> {
  const index = new Map<string, EntryKey[]>();
  for (const entry of entries) {
    for (const target of outgoing(entry, collections)) {
      const list = index.get(keyOf(target)) ?? [];
      list.push({ collection: entry.collection, id: entry.id });
      index.set(keyOf(target), list);
    }
  }
  return index;
}

/** The entries before and after `id` in an ordered list. */
export function neighbours<T extends { id: string }>(ordered: readonly T[], id: string): { prev?: T; next?: T } {
  const i = positionOf(ordered, id);
  if (i < 0) return {};
  const prev = ordered[i - 1];
  const next = ordered[i + 1];
  return { ...(prev ? { prev } : {}), ...(next ? { next } : {}) };
}
