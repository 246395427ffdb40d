import { describe, expect, it } from 'vitest';
import { positionOf } from '../../src/lib/positions';

describe('positionOf', () => {
  it('finds entries by id, and -1 for one that is not there', () => {
    const list = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    expect(['a', 'b', 'c', 'x'].map((id) => positionOf(list, id))).toEqual([0, 1, 2, -1]);
  });

  it('keeps one index per list', () => {
    const first = [{ id: 'a' }, { id: 'b' }];
    const second = [{ id: 'b' }, { id: 'a' }];
    expect([positionOf(first, 'a'), positionOf(second, 'a')]).toEqual([0, 1]);
  });
});
