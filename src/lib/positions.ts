/**
 * Where an entry sits in an ordered list, through an index built once per list instead of a
 * scan per page: every entry page asks where it sits in its section, and scanning would cost
 * the square of the section's length over a build.
 */

const indexes = new WeakMap<readonly { id: string }[], { length: number; byId: Map<string, number> }>();

/**
 * Index of the first entry with `id` in `ordered`, or -1, like `findIndex`. The index is
 * rebuilt when the list's length changes or a hit no longer matches, so a list that grows or
 * is reordered is still answered correctly.
 */
export function positionOf(ordered: readonly { id: string }[], id: string): number {
  let index = indexes.get(ordered);
  let i = index?.length === ordered.length ? index.byId.get(id) : undefined;
  if (!index || index.length !== ordered.length || (i !== undefined && ordered[i]?.id !== id)) {
    const byId = new Map<string, number>();
    ordered.forEach((entry, j) => {
      if (!byId.has(entry.id)) byId.set(entry.id, j);
    });
    index = { length: ordered.length, byId };
    indexes.set(ordered, index);
    i = byId.get(id);
  }
  return i ?? -1;
}
