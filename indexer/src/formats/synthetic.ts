/**
 * Synthetic resources for benchmarks only: every one says `source.synthetic: true` and
 * never enters the real index. Municipalities and city halls are real (localgovjp.csv).
 */
import {
  CATEGORIES,
  DAYS,
  TARGETS,
  USUAL_KIND,
  type Category,
  type Day,
  type Feature,
  type Operation,
  type Resource,
  type Schedule,
  type Stage,
  type Target,
} from '@norishiro/data';
import { allLocalGovs, japaneseMunicipalities } from './localgov.ts';

/** The municipalities synthetic resources are spread over: every one in Japan. */
export const syntheticMunicipalities = japaneseMunicipalities;

/** mulberry32: tiny, fast and good enough to make benchmark data reproducible. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Word = readonly [text: string, reading: string];

const PREFIXES: readonly Word[] = [
  ['みなと', 'ミナト'],
  ['ひだまり', 'ヒダマリ'],
  ['さくら', 'サクラ'],
  ['かえで', 'カエデ'],
  ['あおぞら', 'アオゾラ'],
  ['ふれあい', 'フレアイ'],
  ['なかよし', 'ナカヨシ'],
  ['こもれび', 'コモレビ'],
  ['ひまわり', 'ヒマワリ'],
  ['つばさ', 'ツバサ'],
  ['やまびこ', 'ヤマビコ'],
  ['ほっと', 'ホット'],
  ['わかば', 'ワカバ'],
  ['もみじ', 'モミジ'],
  ['えがお', 'エガオ'],
];
const NOUNS: readonly Word[] = [
  ['食堂', 'ショクドウ'],
  ['カフェ', 'カフェ'],
  ['広場', 'ヒロバ'],
  ['茶屋', 'チャヤ'],
  ['工房', 'コウボウ'],
  ['農園', 'ノウエン'],
  ['文庫', 'ブンコ'],
  ['縁側', 'エンガワ'],
  ['会館', 'カイカン'],
  ['の家', 'ノ イエ'],
];
const KINDS: Record<Category, Word> = {
  ibasho: ['居場所', 'イバショ'],
  salon: ['サロン', 'サロン'],
  work_experience: ['就労体験', 'シュウロウ タイケン'],
  volunteer_experience: ['ボランティア体験', 'ボランティア タイケン'],
  employment_support: ['就労支援センター', 'シュウロウ シエン センター'],
  consultation: ['相談窓口', 'ソウダン マドグチ'],
  childcare_hub: ['子育てひろば', 'コソダテ ヒロバ'],
  activity_center: ['地域活動支援センター', 'チイキ カツドウ シエン センター'],
  learning_support: ['学習支援教室', 'ガクシュウ シエン キョウシツ'],
  care_prevention: ['通いの場', 'カヨイ ノ バ'],
  life_support: ['生活支援', 'セイカツ シエン'],
  outreach: ['訪問支援', 'ホウモン シエン'],
  coordination: ['支援会議', 'シエン カイギ'],
};
/** The participation stage each kind of place usually offers first. */
const STAGE_OF: Record<Category, Stage> = {
  ibasho: 1,
  salon: 2,
  work_experience: 3,
  volunteer_experience: 3,
  employment_support: 4,
  consultation: 1,
  childcare_hub: 1,
  activity_center: 2,
  learning_support: 2,
  care_prevention: 2,
  life_support: 1,
  outreach: 1,
  coordination: 1,
};
const OPERATIONS: readonly Operation[] = ['direct', 'contracted', 'resident_led', 'provider'];
const FEATURES: readonly Feature[] = ['free', 'wheelchair', 'peer_support', 'small_group', 'child_welcome'];
const TIMES = ['09:00', '09:30', '10:00', '13:00', '13:30'] as const;
const CLOSES = ['12:00', '15:00', '16:00', '17:00'] as const;
/** On the sphere distanceKm uses, so that jittered points stay within JITTER_KM by its measure. */
const KM_PER_DEG_LAT = (Math.PI * 6371) / 180;
const JITTER_KM = 5;

const round5 = (x: number) => Math.round(x * 1e5) / 1e5;

/**
 * `n` plausible resources spread over every municipality in Japan, the same for the same
 * seed. Points lie within 5 km of the city hall; names look like 「みなと食堂 居場所 12」.
 */
export function syntheticResources(n: number, seed = 1): Resource[] {
  const govs = allLocalGovs();
  const random = prng(seed);
  const int = (k: number) => Math.floor(random() * k);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)]!;
  /** One item, or two different ones. */
  const oneOrTwo = <T>(list: readonly T[]): T[] => {
    const a = int(list.length);
    if (random() < 0.5) return [list[a]!];
    return [list[a]!, list[(a + 1 + int(list.length - 1)) % list.length]!];
  };

  const schedule = (): Schedule => {
    const r = random();
    if (r < 0.4) return { kind: 'unknown' };
    if (r < 0.7) {
      const from = int(5);
      const days: Day[] = random() < 0.5 ? DAYS.slice(from, from + 1 + int(3)) : [pick(DAYS)];
      const open = pick(TIMES);
      return { kind: 'weekly', slots: [{ days, open, close: pick(CLOSES.filter((c) => c > open)) }] };
    }
    if (r < 0.85)
      return {
        kind: 'monthly',
        rules: [{ week: pick([1, 2, 3, 4, -1] as const), day: pick(DAYS), open: pick(TIMES) }],
      };
    if (r < 0.95) return { kind: 'interval', everyMonths: 2 + int(3) };
    return { kind: 'irregular', note: pick(['随時', '予約制', '不定期']) };
  };

  const resources: Resource[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const g = pick(govs);
    const categories = oneOrTwo(CATEGORIES);
    const [first] = categories as [Category];
    const prefix = pick(PREFIXES);
    const noun = pick(NOUNS);
    const kind = KINDS[first];
    const name = `${prefix[0]}${noun[0]} ${kind[0]} ${i + 1}`;
    const stage = STAGE_OF[first];
    const stages: Stage[] = random() < 0.3 && stage < 4 ? [stage, (stage + 1) as Stage] : [stage];
    const targets: Target[] = random() < 0.3 ? ['anyone'] : oneOrTwo(TARGETS);
    const atHall = random() < 0.2;
    // Uniform over a disc: radius ∝ √u.
    const km = JITTER_KM * Math.sqrt(random());
    const angle = 2 * Math.PI * random();
    const location = atHall
      ? { lat: g.lat, lng: g.lng, precision: 'municipality' as const, pointOf: `${g.name}の庁舎（合成データ）` }
      : {
          lat: round5(g.lat + (km * Math.cos(angle)) / KM_PER_DEG_LAT),
          lng: round5(g.lng + (km * Math.sin(angle)) / (KM_PER_DEG_LAT * Math.cos((g.lat * Math.PI) / 180))),
          precision: 'address' as const,
          pointOf: '合成データの地点',
        };
    resources[i] = {
      id: `${g.code}-syn-${i + 1}`,
      municipality: g.code,
      name,
      kind: USUAL_KIND[first],
      reading: `${prefix[1]}${noun[1]} ${kind[1]} ${i + 1}`,
      aliases: [],
      categories,
      targets,
      stages,
      operation: pick(OPERATIONS),
      location,
      schedule: schedule(),
      cost: { kind: random() < 0.5 ? 'free' : random() < 0.5 ? 'paid' : 'unknown' },
      status: random() < 0.9 ? 'active' : 'planned',
      usage: [],
      features: random() < 0.5 ? [] : oneOrTwo(FEATURES),
      tags: [],
      source: { file: 'synthetic', section: '合成データ', quote: name, synthetic: true },
      verifiedAt: '2026-01-01',
    };
  }
  return resources;
}
