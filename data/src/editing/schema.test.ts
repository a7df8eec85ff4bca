import { describe, expect, it } from 'vitest';
import { diffResource } from './schema.ts';

describe('diffResource', () => {
  it('lists each changed field with its old and new value, and nothing unchanged', () => {
    expect(
      diffResource(
        { name: 'A', contact: { phone: '1' }, tags: [] },
        { name: 'B', contact: { phone: '1' }, tags: [], notes: 'x' },
      ),
    ).toEqual([
      { field: 'name', old: 'A', new: 'B' },
      { field: 'notes', old: null, new: 'x' },
    ]);
  });

  it('does not count a reordered object as a change', () => {
    expect(diffResource({ location: { lat: 1, lng: 2 } }, { location: { lng: 2, lat: 1 } })).toEqual([]);
  });
});
