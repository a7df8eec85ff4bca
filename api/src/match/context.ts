import {
  CATEGORIES,
  DAYS,
  TARGETS,
  interestMatcher,
  resolveDistrict,
  type InterestText,
  type District,
  type Municipality,
  type NeedsProfile,
  type Point,
  type Target,
} from '@norishiro/data';

export interface MatchContext {
  profile: NeedsProfile;
  municipality: Municipality;
  /** Where distances are measured from; undefined when no home and no located district was given. */
  origin?: Point;
  /** What the origin is, for reasons (「土肥地区の代表点」), or why there is none. */
  originLabel: string;
  /** The district the person named, resolved from what was typed. */
  district?: District;
  /** The person's own situations, stated or implied by age. */
  situations: Target[];
  /** Situations of someone the person looks after: what serves them serves the carer too. */
  caredFor: Target[];
  /** Every target a resource may have to be worth scoring for this person. */
  reach: Target[];
  /** `day-HH` keys of every hour the person is free. */
  freeHours: Set<string>;
  /** The days of those hours. */
  freeDays: Set<string>;
  /** What was typed (trimmed), for reasons. */
  interests: string[];
  /** The interests a resource offers, prepared once per request. */
  interestsIn: (text: InterestText) => string[];
}

/** Age implies situations: under 15 a child, 15–39 young, 65 and over elderly. */
export function situationsOf(profile: NeedsProfile): Target[] {
  const s = new Set<Target>(profile.situations);
  if (profile.age !== undefined && profile.age >= 65) s.add('elderly');
  if (profile.age !== undefined && profile.age >= 15 && profile.age <= 39) s.add('youth');
  if (profile.age !== undefined && profile.age < 15) s.add('children');
  return [...s];
}

/**
 * Whom a carer looks after. Stated explicitly, or, for a family carer who said nothing more,
 * the older person or person with dementia most family carers look after.
 */
export function caredForOf(profile: NeedsProfile): Target[] {
  const s = new Set<Target>(profile.caresFor);
  if (profile.situations.includes('caregiver') && s.size === 0)
    ['elderly', 'dementia'].forEach((t) => s.add(t as Target));
  // Dementia is served by the older people's centres (地域包括支援センター): a family asking
  // about dementia reaches them even when the person they ask about is not said to be old.
  if (s.has('dementia')) s.add('elderly');
  return [...s].filter((t) => !profile.situations.includes(t));
}

export function freeHourKeys(profile: NeedsProfile): Set<string> {
  const keys = new Set<string>();
  for (const slot of profile.availability) {
    const from = Number(slot.from.slice(0, 2));
    const to = Math.ceil((Number(slot.to.slice(0, 2)) * 60 + Number(slot.to.slice(3))) / 60);
    for (let h = from; h < to; h++) keys.add(`${slot.day}-${String(h).padStart(2, '0')}`);
  }
  return keys;
}

/**
 * Where the person starts: their point, else their district's. Without either there is no
 * origin: distance is then left out, never measured from the city hall.
 */
export function originOf(profile: NeedsProfile, district: District | undefined): { origin?: Point; label: string } {
  if (profile.home) return { origin: profile.home, label: '指定した地点' };
  if (district?.point) return { origin: district.point, label: `${district.name}の代表点` };
  if (district) return { label: `${district.name}（地区の位置が分からないため距離は比べていません）` };
  return { label: '住まいの場所の指定がない' };
}

/** The order things were typed in never matters: every list is put in the taxonomy's order. */
export function canonical(profile: NeedsProfile): NeedsProfile {
  const byList =
    <T>(list: readonly T[]) =>
    (a: T, b: T) =>
      list.indexOf(a) - list.indexOf(b);
  return {
    ...profile,
    situations: [...new Set(profile.situations)].sort(byList(TARGETS)),
    caresFor: [...new Set(profile.caresFor)].sort(byList(TARGETS)),
    wants: [...new Set(profile.wants)].sort(byList(CATEGORIES)),
    availability: [...profile.availability].sort(
      (a, b) => DAYS.indexOf(a.day) - DAYS.indexOf(b.day) || a.from.localeCompare(b.from) || a.to.localeCompare(b.to),
    ),
  };
}

export function buildContext(input: NeedsProfile, m: Municipality): MatchContext {
  const profile = canonical(input);
  const district = profile.district ? resolveDistrict(m, profile.district).district : undefined;
  const { origin, label } = originOf(profile, district);
  const freeHours = freeHourKeys(profile);
  const interests = [...new Set(profile.interests.map((w) => w.normalize('NFKC').trim()).filter(Boolean))].sort();
  const situations = situationsOf(profile);
  if (situations.includes('dementia') && !situations.includes('elderly')) situations.push('elderly');
  const caredFor = caredForOf(profile).filter((t) => !situations.includes(t));
  return {
    profile,
    municipality: m,
    origin,
    originLabel: label,
    district,
    situations,
    caredFor,
    reach: [...new Set([...situations, ...caredFor])].sort((a, b) => TARGETS.indexOf(a) - TARGETS.indexOf(b)),
    freeHours,
    freeDays: new Set([...freeHours].map((k) => k.slice(0, 3))),
    interests,
    interestsIn: interestMatcher(interests),
  };
}
