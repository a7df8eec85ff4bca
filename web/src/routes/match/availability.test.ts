import { describe, expect, it } from 'vitest';
import { emptyGrid, gridToSlots, slotsToGrid } from './availability.ts';

describe('availability grid', () => {
  it('a case member’s slots come back as the cells the coordinator would have ticked', () => {
    const grid = slotsToGrid([
      { day: 'tue', from: '10:00', to: '15:00' },
      { day: 'sat', from: '18:00', to: '20:00' },
    ]);
    expect(grid.tue).toEqual({ am: true, pm: true, ev: false });
    expect(grid.sat).toEqual({ am: false, pm: false, ev: true });
    expect(grid.mon).toEqual(emptyGrid().mon);
  });

  it('ticked cells survive the round trip through slots', () => {
    const grid = emptyGrid();
    grid.wed.am = grid.wed.pm = grid.fri.ev = true;
    expect(slotsToGrid(gridToSlots(grid))).toEqual(grid);
  });
});
