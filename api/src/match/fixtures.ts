import * as v from 'valibot';
import { NeedsProfileSchema, type Municipality, type NeedsProfileInput } from '@norishiro/data';
import { buildContext, type MatchContext } from './context.ts';
import type { Candidate } from './factors/types.ts';

/** 伊豆市 with one located district and one known only by name (tests only). */
export const IZU: Municipality = {
  code: '222224',
  prefecture: '静岡県',
  name: '伊豆市',
  reading: 'いずし',
  cityHall: { lat: 34.97667, lng: 138.94694 },
  districts: [
    { name: '土肥地区', reading: 'といちく', point: { lat: 34.90241, lng: 138.81499 } },
    { name: '名だけの地区', reading: 'なだけのちく' },
  ],
};

/** Builds match contexts for profiles in one municipality (tests only). */
export const contextIn =
  (m: Municipality) =>
  (p: Partial<NeedsProfileInput> = {}): MatchContext =>
    buildContext(v.parse(NeedsProfileSchema, { municipality: m.code, ...p }), m);

/**
 * Builds candidates as scoring sees them (tests only): by default a 居場所 open to anyone,
 * with an unknown schedule, at the city hall; each test overrides what it is about.
 */
export const candidateIn =
  (m: Municipality, defaults: Partial<Candidate> = {}) =>
  (d: Partial<Candidate> = {}): Candidate => ({
    id: `${m.code}-test`,
    municipality: m.code,
    municipalityName: m.name,
    name: '試しの居場所',
    kind: 'place',
    aliases: [],
    categories: ['ibasho'],
    categoryLabels: ['居場所'],
    targets: ['anyone'],
    stages: [1],
    tags: [],
    days: [],
    openHours: [],
    scheduleKnown: false,
    scheduleSummary: '計画に記載なし',
    cost: 'unknown',
    status: 'active',
    precision: 'municipality',
    _geo: m.cityHall,
    features: [],
    distanceKm: 0,
    ...defaults,
    ...d,
  });
