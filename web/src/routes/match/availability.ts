import { DAYS, type AvailabilitySlot, type Day } from '@norishiro/data';

export const BLOCKS = [
  { key: 'am', label: '午前', from: '09:00', to: '12:00' },
  { key: 'pm', label: '午後', from: '12:00', to: '17:00' },
  { key: 'ev', label: '夜', from: '17:00', to: '21:00' },
] as const;

export type BlockKey = (typeof BLOCKS)[number]['key'];
export type Grid = Record<Day, Record<BlockKey, boolean>>;

export function emptyGrid(): Grid {
  return Object.fromEntries(DAYS.map((d) => [d, { am: false, pm: false, ev: false }])) as Grid;
}

/** Checked cells → availability slots; neighbouring blocks on a day join into one slot. */
export function gridToSlots(grid: Grid): AvailabilitySlot[] {
  const slots: AvailabilitySlot[] = [];
  for (const day of DAYS) {
    let open: { from: string; to: string } | null = null;
    for (const b of BLOCKS) {
      if (grid[day][b.key]) {
        if (open) open.to = b.to;
        else open = { from: b.from, to: b.to };
      } else if (open) {
        slots.push({ day, ...open });
        open = null;
      }
    }
    if (open) slots.push({ day, ...open });
  }
  return slots;
}

/** 「農作業、手芸 パソコン」 → ['農作業', '手芸', 'パソコン']. */
export function splitInterests(s: string): string[] {
  return [
    ...new Set(
      s
        .split(/[\s、,，・/]+/)
        .map((x) => x.trim())
        .filter(Boolean),
    ),
  ]
    .map((x) => x.slice(0, 40))
    .slice(0, 20);
}

/** Availability slots → checked cells: a block is checked when a slot covers any of it. */
export function slotsToGrid(slots: readonly AvailabilitySlot[]): Grid {
  const grid = emptyGrid();
  for (const s of slots) for (const b of BLOCKS) if (s.from < b.to && b.from < s.to) grid[s.day][b.key] = true;
  return grid;
}
