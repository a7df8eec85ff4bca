import { describe, expect, it } from 'vitest';
import { canonical, mergeImport } from './merge.ts';

describe('mergeImport', () => {
  const base = { name: 'すてっぷサロン', description: '誰でも', stages: [1] };

  it('takes the incoming record when staff changed nothing', () => {
    const incoming = { ...base, description: '誰でも参加できます' };
    const r = mergeImport(base, base, incoming);
    expect(r.next).toEqual(incoming);
    expect(r.conflicts).toEqual([]);
    expect(r.changed).toBe(true);
  });

  it('reports nothing changed when the import is the same', () => {
    expect(mergeImport(base, base, { ...base })).toEqual({ next: base, conflicts: [], changed: false });
  });

  it('keeps a staff edit the import does not touch, without a conflict', () => {
    const current = { ...base, description: '職員が直した説明' };
    const r = mergeImport(current, base, base);
    expect(r.next.description).toBe('職員が直した説明');
    expect(r.conflicts).toEqual([]);
    expect(r.changed).toBe(false);
  });

  it('keeps a staff edit the import would overwrite, and reports the conflict', () => {
    const current = { ...base, description: '職員が直した説明' };
    const incoming = { ...base, description: '計画の新しい説明' };
    const r = mergeImport(current, base, incoming);
    expect(r.next.description).toBe('職員が直した説明');
    expect(r.conflicts).toEqual([{ field: 'description', staff: '職員が直した説明', incoming: '計画の新しい説明' }]);
  });

  it('drops a field the import removes when staff never edited it', () => {
    const r = mergeImport(base, base, { name: base.name, stages: [1] } as typeof base);
    expect('description' in r.next).toBe(false);
  });
});

describe('canonical', () => {
  it('ignores key order', () => {
    expect(canonical({ a: 1, b: { d: 2, c: 3 } })).toBe(canonical({ b: { c: 3, d: 2 }, a: 1 }));
  });
});
