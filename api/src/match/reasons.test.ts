import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import {
  NeedsProfileSchema,
  outsideLabel,
  toSearchDocument,
  type MatchFactorName,
  type Municipality,
  type NeedsProfileInput,
  type SearchDocument,
} from '@norishiro/data';
import { loadInventories } from '@norishiro/data/inventories';
import { buildContext } from './context.ts';
import type { Candidate } from './factors/index.ts';
import { scoreCandidate } from './score.ts';

/** Every reason a coordinator reads, for real resources of the five plans. */
const inventories = loadInventories().inventories;
const docs = new Map<string, { doc: SearchDocument; m: Municipality }>();
for (const inv of inventories)
  for (const r of inv.resources) docs.set(r.id, { doc: toSearchDocument(r, inv.municipality), m: inv.municipality });

function reasonsFor(id: string, p: Partial<NeedsProfileInput>, distanceKm?: number): Record<MatchFactorName, string> {
  const { doc, m } = docs.get(id)!;
  const ctx = buildContext(v.parse(NeedsProfileSchema, { municipality: m.code, ...p }), m);
  const candidate: Candidate = { ...doc, distanceKm };
  return Object.fromEntries(scoreCandidate(candidate, ctx).factors.map((f) => [f.factor, f.reason])) as Record<
    MatchFactorName,
    string
  >;
}

const weekdayEvening = [{ day: 'mon', from: '19:00', to: '21:00' }] as const;

describe('reasons, each against the resource it describes', () => {
  it.each<[string, Partial<NeedsProfileInput>, number | undefined, MatchFactorName, string]>([
    [
      '222224-shuro-keizoku-b-shuzenji',
      { age: 40, situations: ['disability'] },
      undefined,
      'target',
      '障がいのある人を対象にしています',
    ],
    [
      '222054-minami-atami-hokatsu-shien-center',
      { age: 80, situations: ['elderly'] },
      undefined,
      'target',
      '高齢の人を対象にしています',
    ],
    [
      '152056-fureai-room',
      { age: 13, situations: ['school_refusal'] },
      undefined,
      'target',
      '学校に行きづらい子どもを対象にしています',
    ],
    ['212105-enasta', { age: 25 }, undefined, 'target', '年齢や状況から見て、若い人を対象にした場です'],
    [
      '222224-shuzenji-chiku-hokatsu-shien-center',
      { age: 55, situations: ['caregiver'] },
      undefined,
      'target',
      '介護・世話をしている相手（高齢の人）のための場で、家族も相談できます',
    ],
    [
      '222224-locotre-kyoshitsu-toi',
      { age: 16, situations: ['caregiver'] },
      undefined,
      'target',
      '介護・世話をしている相手（高齢の人）が通う場です',
    ],
    [
      '162051-tsusho-kaigo-koreishashienka',
      { age: 70 },
      undefined,
      'target',
      '高齢の人向けのサービスです。利用の条件は要確認です',
    ],
    ['222224-step-salon', { age: 30 }, undefined, 'target', 'どなたでも参加できます（属性を問いません）'],
    ['212105-choibora', { age: 30 }, undefined, 'target', '対象を限らない予定の場です（まだ開いていません）'],
    [
      '212105-tomoniko',
      { availability: [...weekdayEvening] },
      undefined,
      'schedule',
      '開いている時間（毎週月〜金 10:00〜15:00）は空いている時間と重なりません',
    ],
    [
      '212105-tomoniko',
      { availability: [{ day: 'tue', from: '10:00', to: '12:00' }] },
      undefined,
      'schedule',
      '火曜の10～12時に開いていて、空いている時間と重なります',
    ],
    [
      '222054-zokusei-towanai-ibasho',
      { availability: [...weekdayEvening] },
      undefined,
      'schedule',
      '開いている日時は要確認です',
    ],
    [
      '222224-nademo-kandemo-sodankai',
      { availability: [...weekdayEvening] },
      undefined,
      'schedule',
      '計画には「2か月に1回開催」とあり、開いている日時は要確認です',
    ],
    ['222224-step-salon', {}, undefined, 'distance', '住まいの場所が指定されていないため、距離は比べていません'],
    [
      '222224-step-salon',
      { district: '修善寺' },
      0,
      'distance',
      '修善寺地区の代表点から1km 未満（地区の代表点どうしのおおよその距離）',
    ],
    [
      '222224-step-salon',
      { district: '土肥地区', maxTravelKm: 5 },
      9.1,
      'distance',
      '土肥地区の代表点から約9.1km（地区の代表点どうしのおおよその距離）。行ける距離（5km）を超えています',
    ],
    [
      '222224-kororo-sodan-shien-jigyosho',
      { district: '土肥地区' },
      undefined,
      'distance',
      '所在地は計画に書かれていないため（伊豆市内）、距離は比べていません（要確認）',
    ],
    [
      '162051-inazumi-danseikyoten',
      { interests: ['いご'] },
      undefined,
      'interest',
      '興味のある「いご」に関わる活動があります',
    ],
    [
      '162051-homon-kaigo',
      { interests: ['いご'] },
      undefined,
      'interest',
      '興味・関心に当てはまる活動は計画に書かれていません',
    ],
    [
      '222224-shuro-keizoku-a-shuzenji',
      { stage: 3 },
      undefined,
      'stage',
      '今より一歩先の段階「働く」の場で、次の一歩に向いています',
    ],
  ])('%s %j → %s', (id, profile, km, factor, expected) => {
    expect(reasonsFor(id, profile, km)[factor]).toBe(expected);
  });

  const profiles: Partial<NeedsProfileInput>[] = [
    {},
    { age: 80 },
    { age: 14, situations: ['school_refusal'] },
    { age: 30, situations: ['disability', 'hikikomori'], availability: [...weekdayEvening] },
    { age: 50, situations: ['caregiver'], caresFor: ['dementia'], district: '土肥地区' },
  ];
  it('no template doubles a word or says 「どなたでも」 of what is not open to the public', () => {
    for (const [id, { doc }] of docs) {
      for (const p of profiles) {
        if (p.district && doc.municipality !== '222224') continue;
        const reasons = Object.values(reasonsFor(id, p, doc.precision === 'district' ? 3 : undefined));
        for (const r of reasons) {
          expect(r, id).not.toMatch(/の人の人|者の人|子どもの人|若者の人|親子の人|要確認[^。]*要確認/);
          expect(r, id).not.toMatch(/（）|、、|。。/);
        }
        const kind = (doc as SearchDocument & { kind?: string }).kind;
        if (doc.status !== 'active' || kind === 'role' || kind === 'meeting')
          expect(reasons.join(' '), id).not.toContain('どなたでも参加できます');
        if (doc.outside) expect(reasons.join(' '), id).toContain(outsideLabel(doc.outside));
      }
    }
  });
});
