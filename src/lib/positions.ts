/**
 * Where an entry sits in an ordered list, through an id index built once per list (the
 * snapshot's lists never change), instead of a scan per page that would cost the square of a
 * section's length over a build.
 */
const indexes = new WeakMap<readonly { id: string }[], Map<string, number>>();

/** Index of the entry with `id` in `ordered`, or -1, like `findIndex`. */
export function positionOf(ordered: readonly { id: string }[], id: string): number {
  let byId = indexes.get(ordered);
  if (!byId) {
    byId = new Map(ordered.map((entry, i) => [entry.id, i]));
    indexes.set(ordered, byId);
  }
  return byId.get(id) ?? -1;
}
