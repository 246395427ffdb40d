/**
 * How much of its section the sidebar beside an entry lists. A short section is listed whole;
 * a long one only around the entry being read, so an entry page stays the same size however
 * many entries its section holds. The section's index page is where every entry is listed.
 */
import { positionOf } from './positions';

/** The most entries the section sidebar lists; the largest section of the guide today has 22. */
export const SECTION_NAV_LIMIT = 30;

/** A titled group of entries in the sidebar (the tools come in categories). */
export interface NavGroup<T extends { id: string }> {
  id: string;
  label?: string;
  entries: readonly T[];
}

/** At most `limit` entries of an ordered list, centred on `id` where the ends allow (the first ones when `id` is absent). */
export function windowAround<T extends { id: string }>(entries: readonly T[], id: string, limit: number): readonly T[] {
  if (entries.length <= limit) return entries;
  const index = Math.max(0, positionOf(entries, id));
  const start = Math.min(Math.max(0, index - Math.floor((limit - 1) / 2)), entries.length - limit);
  return entries.slice(start, start + limit);
}

/**
 * The groups the sidebar lists: all of them when the section has at most `limit` entries;
 * otherwise only the group that holds entry `id`, cut to `limit` entries around it, and
 * `partial` says so.
 */
export function sectionNavGroups<T extends { id: string }>(
  groups: readonly NavGroup<T>[],
  id: string,
  limit = SECTION_NAV_LIMIT,
): { groups: NavGroup<T>[]; partial: boolean } {
  const total = groups.reduce((sum, group) => sum + group.entries.length, 0);
  if (total <= limit) return { groups: [...groups], partial: false };
  const current = groups.find((group) => positionOf(group.entries, id) >= 0) ?? groups[0];
  if (!current) return { groups: [], partial: false };
  return { groups: [{ ...current, entries: windowAround(current.entries, id, limit) }], partial: true };
}
