import * as v from 'valibot';

/** Where an entry comes from: every shipped resource cites its plan. */
export const SourceSchema = v.object({
  file: v.pipe(v.string(), v.minLength(1, '出典ファイル名を書いてください')),
  section: v.pipe(v.string(), v.minLength(1, '出典の見出しを書いてください')),
  /** The plan's own words for the entry. */
  quote: v.pipe(v.string(), v.minLength(1, '計画の記述をそのまま引用してください')),
  /** Set on generated data (benchmarks); such data never enters the real index. */
  synthetic: v.optional(v.boolean()),
});

export type Source = v.InferOutput<typeof SourceSchema>;
