import { error } from '@sveltejs/kit';
import * as v from 'valibot';
import { AuditRowSchema, type AuditRow } from '@norishiro/data';
import type { PageServerLoad } from './$types';

const FILTERS = ['person', 'objectType', 'objectId', 'from', 'to'] as const;

export const load: PageServerLoad = async ({ fetch, url }) => {
  const query = new URLSearchParams();
  for (const f of FILTERS) {
    const value = url.searchParams.get(f);
    if (value) query.set(f, value);
  }
  const res = await fetch(`/api/audit?${query}`);
  if (res.status === 403) error(403, '操作記録を見る権限がありません');
  if (res.status === 400)
    return {
      rows: [] as AuditRow[],
      query: query.toString(),
      problem: '条件の書き方に誤りがあります（日付は YYYY-MM-DD）',
    };
  if (!res.ok) error(502, '操作記録を読み込めませんでした');
  return { rows: v.parse(v.array(AuditRowSchema), await res.json()), query: query.toString(), problem: '' };
};
