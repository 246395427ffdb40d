import { describe, expect, it } from 'vitest';
import { sectionNavGroups, windowAround } from '../../src/lib/section-window';

const entries = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => ({ id: `${prefix}${i}` }));
const ids = (list: readonly { id: string }[]) => list.map((e) => e.id);

describe('section sidebar window', () => {
  it('keeps a short list whole', () => {
    const list = entries('e', 5);
    expect(windowAround(list, 'e2', 5)).toBe(list);
  });

  it('centres a long list on the current entry, clamped at both ends', () => {
    const list = entries('e', 20);
    expect(ids(windowAround(list, 'e10', 5))).toEqual(['e8', 'e9', 'e10', 'e11', 'e12']);
    expect(ids(windowAround(list, 'e0', 5))).toEqual(['e0', 'e1', 'e2', 'e3', 'e4']);
    expect(ids(windowAround(list, 'e19', 5))).toEqual(['e15', 'e16', 'e17', 'e18', 'e19']);
    expect(ids(windowAround(list, 'missing', 3))).toEqual(['e0', 'e1', 'e2']);
  });

  it('lists every group of a section within the limit', () => {
    const groups = [
      { id: 'a', label: 'A', entries: entries('a', 3) },
      { id: 'b', label: 'B', entries: entries('b', 3) },
    ];
    expect(sectionNavGroups(groups, 'b1', 6)).toEqual({ groups, partial: false });
  });

  it('lists only the current group, around the current entry, in a larger section', () => {
    const groups = [
      { id: 'a', label: 'A', entries: entries('a', 40) },
      { id: 'b', label: 'B', entries: entries('b', 40) },
    ];
    const result = sectionNavGroups(groups, 'b20', 4);
    expect(result.partial).toBe(true);
    expect(result.groups.map((g) => g.label)).toEqual(['B']);
    expect(ids(result.groups[0]?.entries ?? [])).toEqual(['b19', 'b20', 'b21', 'b22']);
  });

  it('stays the same size however large the section grows', () => {
    const size = (count: number) =>
      sectionNavGroups([{ id: 'all', entries: entries('e', count) }], 'e7').groups[0]?.entries.length;
    expect([size(100), size(1000), size(10000)]).toEqual([30, 30, 30]);
  });
});
