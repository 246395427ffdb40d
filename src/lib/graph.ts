/**
 * The link graph between entries: what each entry points to (frontmatter
 * references and links in its text) and, inverted once, what points to it.
 */
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

/** The entry a link leads to ("/tools/django/#setup" -> tools/django), if it leads to one. */
export function linkedEntry(url: string, collections: ReadonlySet<string>): EntryKey | undefined {
  if (!url.startsWith('/') || url.startsWith('//')) return undefined;
  const [collection, id, ...rest] = new URL(url, 'https://guide.invalid').pathname.split('/').filter(Boolean);
  return collection && id && rest.length === 0 && collections.has(collection) ? { collection, id } : undefined;
}

/** Entries an entry points to, in first-seen order: references first, then links in its body. */
export function outgoing(
  entry: EntryRecord & { links?: readonly string[] },
  collections: ReadonlySet<string>,
): EntryKey[] {
  const seen = new Map<string, EntryKey>();
  for (const ref of referencesIn(entry.data)) seen.set(keyOf(ref), { collection: ref.collection, id: ref.id });
  for (const url of entry.links ?? []) {
    const target = linkedEntry(url, collections);
    if (target) seen.set(keyOf(target), target);
  }
  seen.delete(keyOf(entry));
  return [...seen.values()];
}

/** What every entry points to and, inverted in the same pass, what points to it. */
export function backlinkIndex(
  entries: readonly (EntryRecord & { links?: readonly string[] })[],
  collections: ReadonlySet<string>,
): { outgoing: Map<string, EntryKey[]>; backlinks: Map<string, EntryKey[]> } {
  const out = new Map<string, EntryKey[]>();
  const backlinks = new Map<string, EntryKey[]>();
  for (const entry of entries) {
    const targets = outgoing(entry, collections);
    out.set(keyOf(entry), targets);
    for (const target of targets) {
      const list = backlinks.get(keyOf(target)) ?? [];
      list.push({ collection: entry.collection, id: entry.id });
      backlinks.set(keyOf(target), list);
    }
  }
  return { outgoing: out, backlinks };
}

/** The entries before and after `id` in an ordered list. */
export function neighbours<T extends { id: string }>(ordered: readonly T[], id: string): { prev?: T; next?: T } {
  const i = positionOf(ordered, id);
  if (i < 0) return {};
  const prev = ordered[i - 1];
  const next = ordered[i + 1];
  return { ...(prev ? { prev } : {}), ...(next ? { next } : {}) };
}
