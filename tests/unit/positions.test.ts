import { describe, expect, it } from 'vitest';
import { positionOf } from '../../src/lib/positions';

describe('positionOf', () => {
  it('answers like findIndex, first match included', () => {
    const list = [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'b' }];
    expect(['a', 'b', 'c', 'x'].map((id) => positionOf(list, id))).toEqual([0, 1, 2, -1]);
  });

  it('follows a list that grew or was reordered since it was indexed', () => {
    const list = [{ id: 'a' }, { id: 'b' }];
    expect(positionOf(list, 'c')).toBe(-1);
    list.push({ id: 'c' });
    expect(positionOf(list, 'c')).toBe(2);
    list.reverse();
    expect([positionOf(list, 'a'), positionOf(list, 'c')]).toEqual([2, 0]);
  });
});
