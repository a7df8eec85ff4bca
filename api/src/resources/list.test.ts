import { describe, expect, it } from 'vitest';
import { pageSlices } from './list.ts';

describe('pageSlices', () => {
  it('splits one page over the tiers, in order, without gaps or repeats', () => {
    expect(pageSlices([3, 5], 0, 4)).toEqual([
      { tier: 0, offset: 0, limit: 3 },
      { tier: 1, offset: 0, limit: 1 },
    ]);
    expect(pageSlices([3, 5], 4, 4)).toEqual([{ tier: 1, offset: 1, limit: 4 }]);
    expect(pageSlices([0, 2], 0, 10)).toEqual([{ tier: 1, offset: 0, limit: 2 }]);
    expect(pageSlices([3, 5], 8, 4)).toEqual([]);
  });
});
