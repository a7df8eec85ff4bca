import * as v from 'valibot';
import { CategorySchema, StageSchema, TargetSchema } from '@norishiro/data';

const compiles = (source: string) => {
  try {
    new RegExp(source, 'u');
    return true;
  } catch {
    return false;
  }
};

/** A test on one column, named as in the file's header (e.g. 「名称」「実施サービス」). */
export const MatchSchema = v.pipe(
  v.object({
    field: v.pipe(v.string(), v.minLength(1, 'match.field is the column name to test')),
    includes: v.optional(v.string()),
    equals: v.optional(v.string()),
    /** A JavaScript regular expression (u flag). */
    pattern: v.optional(v.pipe(v.string(), v.check(compiles, 'match.pattern is not a valid regular expression'))),
  }),
  v.check(
    (m) => m.includes !== undefined || m.equals !== undefined || m.pattern !== undefined,
    'match needs includes, equals or pattern',
  ),
);

/** What a matched row is: the codes the CSV cannot say. */
const ClassificationSchema = v.object({
  categories: v.pipe(v.array(CategorySchema), v.minLength(1, 'categories must not be empty')),
  targets: v.pipe(v.array(TargetSchema), v.minLength(1, 'targets must not be empty')),
  stages: v.pipe(v.array(StageSchema), v.minLength(1, 'stages must not be empty')),
});

export const MappingRuleSchema = v.object({ match: MatchSchema, ...ClassificationSchema.entries });

/** Rules are tried in order and the first match wins; rows no rule matches take the default. */
export const MappingSchema = v.object({
  rules: v.optional(v.array(MappingRuleSchema), []),
  default: v.optional(ClassificationSchema),
});

export type Mapping = v.InferOutput<typeof MappingSchema>;
export type MappingInput = v.InferInput<typeof MappingSchema>;
export type Classification = v.InferOutput<typeof ClassificationSchema>;
export type Match = v.InferOutput<typeof MatchSchema>;

/** Validates a user-written mapping (parsed JSON); throws one error listing every problem. */
export function parseMapping(data: unknown): Mapping {
  const result = v.safeParse(MappingSchema, data);
  if (result.success) return result.output;
  const problems = result.issues.map((i) => `${v.getDotPath(i) ?? '(root)'}: ${i.message}`);
  throw new Error(`Invalid mapping:\n${problems.join('\n')}`);
}

/** Value lookup by header name; undefined when the file has no such column. */
export type RowLookup = (column: string) => string | undefined;

function matches(m: Match, get: RowLookup): boolean {
  const value = get(m.field);
  if (value === undefined) return false;
  return (
    (m.includes === undefined || value.includes(m.includes)) &&
    (m.equals === undefined || value === m.equals) &&
    (m.pattern === undefined || new RegExp(m.pattern, 'u').test(value))
  );
}

/** The first matching rule's classification, else the default, else undefined. */
export function classify(mapping: Mapping, get: RowLookup): Classification | undefined {
  const rule = mapping.rules.find((r) => matches(r.match, get));
  if (rule) return { categories: rule.categories, targets: rule.targets, stages: rule.stages };
  return mapping.default;
}
