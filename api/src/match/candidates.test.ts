import { describe, expect, it } from 'vitest';
import { distanceKm, type Point } from '@norishiro/data';
import { candidateQuery, reachBox, withinReach } from './candidates.ts';
import { candidateIn, contextIn, IZU } from './fixtures.ts';

const TOI = IZU.districts[0]!.point!;
const ctx = contextIn(IZU);
const doc = candidateIn(IZU);

/** The point `km` from `from` on the given bearing (great circle). */
function destination(from: Point, km: number, bearingDeg: number): Point {
  const rad = Math.PI / 180;
  const d = km / 6371;
  const [phi, lambda, theta] = [from.lat * rad, from.lng * rad, bearingDeg * rad];
  const phi2 = Math.asin(Math.sin(phi) * Math.cos(d) + Math.cos(phi) * Math.sin(d) * Math.cos(theta));
  const lambda2 =
    lambda + Math.atan2(Math.sin(theta) * Math.sin(d) * Math.cos(phi), Math.cos(d) - Math.sin(phi) * Math.sin(phi2));
  return { lat: phi2 / rad, lng: lambda2 / rad };
}

function box(filter: string) {
  const m = /_geoBoundingBox\(\[(.+), (.+)\], \[(.+), (.+)\]\)/.exec(filter);
  if (!m) throw new Error(`not a box: ${filter}`);
  const [top, right, bottom, left] = m.slice(1).map(Number) as [number, number, number, number];
  return (p: Point) => p.lat <= top && p.lat >= bottom && p.lng <= right && p.lng >= left;
}

describe('reachBox: the box Meilisearch filters on holds the whole circle', () => {
  it.each([
    [TOI, 10],
    [TOI, 0.5],
    [TOI, 100],
    [{ lat: 45.5, lng: 141.9 }, 50],
    [{ lat: -33.9, lng: 151.2 }, 30],
  ])('from %o, %s km: every point on the circle is inside', (origin, km) => {
    const inBox = box(reachBox(origin, km));
    for (let bearing = 0; bearing < 360; bearing += 5) {
      const p = destination(origin, km, bearing);
      expect(inBox(p), `bearing ${bearing}`).toBe(true);
    }
  });

  it('is hardly wider than the circle, so few corner hits are fetched only to be dropped', () => {
    const inBox = box(reachBox(TOI, 10));
    expect(inBox(destination(TOI, 10.2, 0))).toBe(false);
    expect(inBox(destination(TOI, 10.2, 90))).toBe(false);
  });

  it('falls back to the radius where a box would cross a pole or the antimeridian', () => {
    expect(reachBox({ lat: 89.99, lng: 0 }, 10)).toBe('_geoRadius(89.99, 0, 10000)');
    expect(reachBox({ lat: 0, lng: 179.99 }, 10)).toBe('_geoRadius(0, 179.99, 10000)');
  });
});

describe('withinReach: the circle, not the box', () => {
  const far = destination(TOI, 13, 45);
  const near = destination(TOI, 9, 45);
  it('keeps a neighbouring city’s resource within the travel distance and drops one in a corner', () => {
    const c = ctx({ district: '土肥地区', maxTravelKm: 10 });
    expect(distanceKm(TOI, far)).toBeGreaterThan(10);
    expect(box(candidateQuery(c).filter[1]!)(far)).toBe(true);
    expect(withinReach(doc({ municipality: '222101', _geo: near }), c)).toBe(true);
    expect(withinReach(doc({ municipality: '222101', _geo: far }), c)).toBe(false);
  });
  it('keeps every resource in the person’s own city, however far', () => {
    expect(withinReach(doc({ _geo: destination(TOI, 40, 0) }), ctx({ district: '土肥地区', maxTravelKm: 10 }))).toBe(
      true,
    );
  });
  it('without a known home, the query is the city alone and nothing is dropped', () => {
    const c = ctx();
    expect(candidateQuery(c).filter[1]).toBe('municipality = "222224"');
    expect(candidateQuery(c).sort).toBeUndefined();
    expect(withinReach(doc({ _geo: destination(TOI, 40, 0) }), c)).toBe(true);
  });
});
