import {
  normalizeText,
  toHiragana,
  type Municipality,
  type NeedsProfile,
  type Point,
  type Target,
} from '@norishiro/data';

export interface MatchContext {
  profile: NeedsProfile;
  origin: Point;
  /** How exact the origin is, for the distance reason. */
  originLabel: string;
  situations: Target[];
  /** `day-HH` keys of every hour the person is free. */
  freeHours: Set<string>;
  interests: string[];
}

/** Age implies situations: 65+ is elderly, 15–39 is youth. */
export function situationsOf(profile: NeedsProfile): Target[] {
  const s = new Set<Target>(profile.situations);
  if (profile.age !== undefined && profile.age >= 65) s.add('elderly');
  if (profile.age !== undefined && profile.age >= 15 && profile.age <= 39) s.add('youth');
  if (profile.age !== undefined && profile.age < 15) s.add('children');
  return [...s];
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

/** Where the person starts: their point, else their district's, else the city hall. */
export function originOf(profile: NeedsProfile, m: Municipality): { origin: Point; label: string } {
  if (profile.home) return { origin: profile.home, label: '指定した地点' };
  const district = m.districts.find((d) => d.name === profile.district);
  if (district?.point) return { origin: district.point, label: `${district.name}の代表点` };
  return { origin: m.cityHall, label: `${m.name}役所` };
}

export function buildContext(profile: NeedsProfile, m: Municipality): MatchContext {
  const { origin, label } = originOf(profile, m);
  return {
    profile,
    origin,
    originLabel: label,
    situations: situationsOf(profile),
    freeHours: freeHourKeys(profile),
    interests: profile.interests.map((w) => toHiragana(normalizeText(w).trim())).filter(Boolean),
  };
}
