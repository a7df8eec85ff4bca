import * as v from 'valibot';
import {
  CategorySchema,
  DaySchema,
  FeatureSchema,
  KindSchema,
  StageSchema,
  StatusSchema,
  TargetSchema,
  categoryLabels,
  type Category,
} from '../taxonomy/codes.ts';
import { locationPoint, OutsideSchema, PrecisionSchema } from '../location/schema.ts';
import type { Municipality } from '../municipality/schema.ts';
import type { Resource } from '../resource/schema.ts';
import { describeSchedule, scheduleDays } from '../schedule/describe.ts';
import { toMinutes } from '../schedule/schema.ts';
import { SessionSchema, sessionsOf } from '../schedule/sessions.ts';
import { normalizeText, toHiragana, toKatakana } from '../text/kana.ts';
import { variantsIn } from './synonyms.ts';

/** How category names are read, so a kana query finds them (いばしょ → 居場所). */
export const categoryReadings: Record<Category, string> = {
  ibasho: 'いばしょ',
  salon: 'さろん かよいのば',
  work_experience: 'しゅうろう たいけん',
  volunteer_experience: 'ぼらんてぃあ たいけん',
  employment_support: 'しゅうろう しえん',
  consultation: 'そうだん まどぐち',
  childcare_hub: 'こそだて しえん',
  activity_center: 'ちいき かつどう しえん せんたー',
  learning_support: 'がくしゅう しえん',
  care_prevention: 'かいご よぼう かよいのば',
  life_support: 'せいかつ しえん',
  outreach: 'あうとりーち',
  coordination: 'たきかん きょうどう',
};

/**
 * The public, derived view of a resource held in Meilisearch. Participant data never
 * appears here: it is built from the resource and its municipality alone.
 */
export const SearchDocumentSchema = v.object({
  id: v.string(),
  municipality: v.string(),
  municipalityName: v.string(),
  prefecture: v.string(),
  name: v.string(),
  kind: KindSchema,
  reading: v.optional(v.string()),
  /** Hiragana and katakana words of the name and categories. */
  readings: v.array(v.string()),
  /** Other spellings of words the resource uses (子供 for 子ども…), see synonyms.ts. */
  variants: v.array(v.string()),
  aliases: v.array(v.string()),
  categories: v.array(CategorySchema),
  categoryLabels: v.array(v.string()),
  targets: v.array(TargetSchema),
  stages: v.array(StageSchema),
  description: v.optional(v.string()),
  operator: v.optional(v.string()),
  tags: v.array(v.string()),
  district: v.optional(v.string()),
  days: v.array(DaySchema),
  /** `mon-10` means open at some time between 10:00 and 10:59 on Mondays. */
  openHours: v.array(v.string()),
  scheduleKnown: v.boolean(),
  scheduleSummary: v.string(),
  /** Each weekday it runs, with hours where known (cards: 「火曜 10:00–15:00」, 「いま開いています」). */
  sessions: v.array(SessionSchema),
  cost: v.picklist(['free', 'paid', 'unknown'] as const),
  status: StatusSchema,
  precision: PrecisionSchema,
  pointOf: v.string(),
  /** Absent when the place is not known (precision 'unknown'): never drawn, never near anything. */
  _geo: v.optional(v.object({ lat: v.number(), lng: v.number() })),
  /** Set for places outside the city whose plan names them. */
  outside: v.optional(OutsideSchema),
  count: v.optional(v.number()),
  ageMin: v.optional(v.number()),
  ageMax: v.optional(v.number()),
  features: v.array(FeatureSchema),
  synthetic: v.boolean(),
});

export type SearchDocument = v.InferOutput<typeof SearchDocumentSchema>;

/** Hours a weekly slot touches, as `day-HH` keys for the "open at" filter. */
export function openHourKeys(resource: Resource): string[] {
  const s = resource.schedule;
  const slots =
    s.kind === 'weekly' ? s.slots : s.kind === 'monthly' ? s.rules.map((r) => ({ ...r, days: [r.day] })) : [];
  const keys = new Set<string>();
  for (const slot of slots) {
    if (!slot.open || !slot.close) continue;
    const from = Math.floor(toMinutes(slot.open) / 60);
    const to = Math.ceil(toMinutes(slot.close) / 60);
    for (const day of slot.days) for (let h = from; h < to; h++) keys.add(`${day}-${String(h).padStart(2, '0')}`);
  }
  return [...keys].sort();
}

const words = (s: string) =>
  normalizeText(s)
    .split(/[\s・]+/)
    .filter(Boolean);

export function toSearchDocument(r: Resource, m: Municipality): SearchDocument {
  const point = locationPoint(r.location);
  const nameReading = r.reading ? words(r.reading) : [];
  const categoryWords = r.categories.flatMap((c) => words(categoryReadings[c]));
  // みやた finds 宮田地区's entries: the district's reading, as typed, with its 地区/町 suffix dropped.
  const districtReading = m.districts.find((d) => d.name === r.district)?.reading;
  const districtWords = districtReading ? words(districtReading.replace(/(ちく|ちょう|まち)$/, '')) : [];
  const readings = [
    ...new Set([
      ...nameReading.map(toHiragana),
      ...nameReading.map(toKatakana),
      ...categoryWords,
      ...categoryWords.map(toKatakana),
      ...districtWords,
    ]),
  ];
  const text = normalizeText([r.name, ...r.aliases, r.description ?? '', ...r.tags].join(' '));
  return {
    id: r.id,
    municipality: r.municipality,
    municipalityName: m.name,
    prefecture: m.prefecture,
    name: normalizeText(r.name),
    kind: r.kind,
    reading: r.reading,
    readings,
    variants: variantsIn(`${text} ${r.categories.map((c) => categoryLabels[c].ja).join(' ')}`),
    aliases: r.aliases.map(normalizeText),
    categories: r.categories,
    categoryLabels: r.categories.map((c) => categoryLabels[c].ja),
    targets: r.targets,
    stages: r.stages,
    description: r.description && normalizeText(r.description),
    operator: r.operator,
    tags: r.tags.map(normalizeText),
    district: r.district,
    days: scheduleDays(r.schedule),
    openHours: openHourKeys(r),
    scheduleKnown: r.schedule.kind !== 'unknown',
    scheduleSummary: describeSchedule(r.schedule),
    sessions: sessionsOf(r.schedule),
    cost: r.cost.kind,
    status: r.status,
    precision: r.location.precision,
    pointOf: r.location.pointOf,
    ...(point && { _geo: point }),
    ...(r.location.outside && { outside: r.location.outside }),
    count: r.count,
    ageMin: r.ageMin,
    ageMax: r.ageMax,
    features: r.features,
    synthetic: r.source.synthetic === true,
  };
}
