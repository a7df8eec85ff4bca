import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MatchResponse, NeedsProfileInput, Point } from '@norishiro/data';
import { loadInventories } from '@norishiro/data/inventories';
import { appWithInventories, type TestApp } from '../support/app.ts';
import { coordinatorScenarios } from './coordinator-scenarios.ts';
import { matchProfile } from './run.ts';
import { scenarios as firstScenarios } from './scenarios.ts';

/**
 * What a coordinator must be able to rely on: the order of what they typed does not matter,
 * and a small move of the home changes the top 3 only when the distance says why.
 */
const all = [...firstScenarios, ...coordinatorScenarios];

/** A point `km` kilometres from `p` towards `bearing` (0 = north, 90 = east). */
function moved(p: Point, km: number, bearing: number): Point {
  const rad = (bearing * Math.PI) / 180;
  const dLat = (km * Math.cos(rad)) / 111.32;
  const dLng = (km * Math.sin(rad)) / (111.32 * Math.cos((p.lat * Math.PI) / 180));
  return { lat: p.lat + dLat, lng: p.lng + dLng };
}

const view = (r: MatchResponse) =>
  r.results.map((x) => ({ id: x.resource.id, score: x.score, reasons: x.factors.map((f) => f.reason) }));

const distanceReason = (r: MatchResponse, id: string) =>
  r.results.find((x) => x.resource.id === id)?.factors.find((f) => f.factor === 'distance')?.reason;

/** Scenarios placed at a district's own point, so the home can be moved around it. */
function placed(): { name: string; profile: NeedsProfileInput; home: Point }[] {
  const points = new Map<string, Point>();
  for (const inv of loadInventories().inventories)
    for (const d of inv.municipality.districts) if (d.point) points.set(`${inv.municipality.code}/${d.name}`, d.point);
  return all.flatMap((s) => {
    const home = s.profile.home ?? points.get(`${s.profile.municipality}/${s.profile.district ?? ''}`);
    if (!home) return [];
    const { district: _district, ...rest } = s.profile;
    return [{ name: s.name, profile: { ...rest, home }, home }];
  });
}

describe('matching is stable under changes a coordinator would not expect to matter', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await appWithInventories('pglite');
  });
  afterAll(() => t?.close());

  it('reordering the free days, interests, situations and wants changes nothing', async () => {
    const reorderable = all.filter(
      (s) =>
        (s.profile.availability?.length ?? 0) > 1 ||
        (s.profile.interests?.length ?? 0) > 1 ||
        (s.profile.situations?.length ?? 0) > 1 ||
        (s.profile.wants?.length ?? 0) > 1,
    );
    expect(reorderable.length).toBeGreaterThanOrEqual(8);
    for (const s of reorderable) {
      const p = s.profile;
      const reversed: NeedsProfileInput = {
        ...p,
        availability: [...(p.availability ?? [])].reverse(),
        interests: [...(p.interests ?? [])].reverse(),
        situations: [...(p.situations ?? [])].reverse(),
        wants: [...(p.wants ?? [])].reverse(),
      };
      const a = await matchProfile(t.app, { limit: 20, ...p });
      const b = await matchProfile(t.app, { limit: 20, ...reversed });
      expect(view(b), s.name).toEqual(view(a));
      expect(b.gap, s.name).toEqual(a.gap);
    }
  });

  it('moving the home 1 km changes the top 3 only when a distance reason changes with it', async () => {
    const cases = placed();
    expect(cases.length).toBeGreaterThanOrEqual(8);
    for (const c of cases) {
      const base = await matchProfile(t.app, { limit: 20, ...c.profile });
      for (const bearing of [0, 90, 180, 270]) {
        const other = await matchProfile(t.app, { limit: 20, ...c.profile, home: moved(c.home, 1, bearing) });
        const top = (r: MatchResponse) => r.results.slice(0, 3).map((x) => x.resource.id);
        if (top(base).join() === top(other).join()) continue;
        const changed = [...new Set([...top(base), ...top(other)])].filter(
          (id) => distanceReason(base, id) !== distanceReason(other, id),
        );
        expect(changed.length, `${c.name} moved ${bearing}°: ${top(base)} → ${top(other)}`).toBeGreaterThan(0);
      }
    }
  });

  it('moving the home 200 m never turns the gap signal on or off', async () => {
    for (const c of placed()) {
      const base = await matchProfile(t.app, { limit: 20, ...c.profile });
      for (const bearing of [45, 135, 225, 315]) {
        const other = await matchProfile(t.app, { limit: 20, ...c.profile, home: moved(c.home, 0.2, bearing) });
        expect(other.gap.suspected, `${c.name} moved 200 m towards ${bearing}°`).toBe(base.gap.suspected);
      }
    }
  });
});
