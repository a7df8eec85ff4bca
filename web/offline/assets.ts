/**
 * Build-time assets for a map that works without tiles, served from our own origin:
 *  - basemap.json: sea, land and coastline around each served city, clipped from
 *    Natural Earth 1:10m land (public domain) via the `world-atlas` npm package (ISC).
 *  - glyphs/Noto Sans Bold/0-255.pbf: SDF glyphs for the digits of cluster counts, from Noto Sans
 *    (SIL OFL 1.1, `@fontsource/noto-sans`). Japanese labels need no download: MapLibre draws
 *    CJK and kana with the device's font (localIdeographFontFamily).
 * City and district names come from the municipalities at run time.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import opentype, { type PathCommand } from 'opentype.js';
import { feature } from 'topojson-client';
import Pbf from 'pbf';
import { loadInventories } from '@norishiro/data/inventories';

const WEB = fileURLToPath(new URL('..', import.meta.url));
export const OFFLINE_DIR = join(WEB, 'static', 'offline');
export const GLYPH_FONT = 'Noto Sans Bold';
const require = createRequire(join(WEB, 'package.json'));

type Ring = [number, number][];
type Box = [number, number, number, number];

/** Sutherland–Hodgman against an axis-aligned box. */
function clipRing(ring: Ring, [w, s, e, n]: Box): Ring {
  const edges: [(p: [number, number]) => boolean, (a: [number, number], b: [number, number]) => [number, number]][] = [
    [(p) => p[0] >= w, (a, b) => [w, a[1] + ((b[1] - a[1]) * (w - a[0])) / (b[0] - a[0])]],
    [(p) => p[0] <= e, (a, b) => [e, a[1] + ((b[1] - a[1]) * (e - a[0])) / (b[0] - a[0])]],
    [(p) => p[1] >= s, (a, b) => [a[0] + ((b[0] - a[0]) * (s - a[1])) / (b[1] - a[1]), s]],
    [(p) => p[1] <= n, (a, b) => [a[0] + ((b[0] - a[0]) * (n - a[1])) / (b[1] - a[1]), n]],
  ];
  let out = ring;
  for (const [inside, cross] of edges) {
    const input = out;
    out = [];
    for (let i = 0; i < input.length; i++) {
      const cur = input[i]!;
      const prev = input[(i + input.length - 1) % input.length]!;
      if (inside(cur)) {
        if (!inside(prev)) out.push(cross(prev, cur));
        out.push(cur);
      } else if (inside(prev)) out.push(cross(prev, cur));
    }
    if (!out.length) break;
  }
  return out;
}

const round = (x: number) => Math.round(x * 1e4) / 1e4;

/** The area each served city's map shows: its city hall and district points, with a margin. */
function cityBoxes(): Box[] {
  return loadInventories().inventories.map(({ municipality: m }) => {
    const pts = [m.cityHall, ...m.districts.flatMap((d) => (d.point ? [d.point] : []))];
    const lats = pts.map((p) => p.lat);
    const lngs = pts.map((p) => p.lng);
    return [Math.min(...lngs) - 0.45, Math.min(...lats) - 0.35, Math.max(...lngs) + 0.45, Math.max(...lats) + 0.35];
  });
}

export function basemap(): GeoJSON.FeatureCollection {
  const topo = JSON.parse(readFileSync(require.resolve('world-atlas/land-10m.json'), 'utf8')) as {
    objects: { land: unknown };
  };
  const land = feature(topo, topo.objects.land);
  const geoms = 'features' in land ? land.features.map((f) => f.geometry) : [land.geometry];
  const polygons = geoms.flatMap((g) =>
    g.type === 'MultiPolygon' ? g.coordinates : g.type === 'Polygon' ? [g.coordinates] : [],
  ) as Ring[][];
  const features: GeoJSON.Feature[] = [];
  for (const box of cityBoxes()) {
    const [w, s, e, n] = box;
    // The sea is drawn only where we know the coast: outside the boxes the map stays neutral.
    features.push({
      type: 'Feature',
      properties: { kind: 'sea' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [w, s],
            [e, s],
            [e, n],
            [w, n],
            [w, s],
          ],
        ],
      },
    });
    const land: Ring[][] = [];
    const coast: Ring[] = [];
    const inside = ([x, y]: [number, number]) => x >= w && x <= e && y >= s && y <= n;
    for (const poly of polygons) {
      const rings = poly
        .map((r) => clipRing(r.slice(0, -1), box))
        .filter((r) => r.length >= 3)
        .map((r) => [...r, r[0]!].map(([x, y]) => [round(x), round(y)] as [number, number]));
      if (rings.length) land.push(rings);
      // The coastline as lines, so the boxes' edges are never drawn as coast.
      for (const ring of poly) {
        let run: Ring = [];
        for (const p of ring) {
          if (inside(p)) run.push([round(p[0]), round(p[1])]);
          else {
            if (run.length >= 2) coast.push(run);
            run = [];
          }
        }
        if (run.length >= 2) coast.push(run);
      }
    }
    features.push({
      type: 'Feature',
      properties: { kind: 'land' },
      geometry: { type: 'MultiPolygon', coordinates: land },
    });
    features.push({
      type: 'Feature',
      properties: { kind: 'coast' },
      geometry: { type: 'MultiLineString', coordinates: coast },
    });
  }
  return { type: 'FeatureCollection', features };
}

// ---------- glyphs ----------

/** Only what cluster counts need (point_count_abbreviated: 12, 3.4k): a small download. */
const CHARS = ' +,.0123456789k';
const SIZE = 24;
const BUFFER = 3;
const RADIUS = 8;
const CUTOFF = 0.25;

/** Flattens a glyph outline into closed polylines (pixel units, y down, baseline at 0). */
function outline(commands: PathCommand[]): Ring[] {
  const rings: Ring[] = [];
  let cur: Ring = [];
  let x = 0;
  let y = 0;
  const steps = 8;
  for (const c of commands) {
    if (c.type === 'M') {
      if (cur.length) rings.push(cur);
      cur = [[c.x!, c.y!]];
    } else if (c.type === 'L') cur.push([c.x!, c.y!]);
    else if (c.type === 'Q')
      for (let i = 1; i <= steps; i++) {
        const t = i / steps;
        const u = 1 - t;
        cur.push([u * u * x + 2 * u * t * c.x1! + t * t * c.x!, u * u * y + 2 * u * t * c.y1! + t * t * c.y!]);
      }
    else if (c.type === 'C')
      for (let i = 1; i <= steps; i++) {
        const t = i / steps;
        const u = 1 - t;
        cur.push([
          u * u * u * x + 3 * u * u * t * c.x1! + 3 * u * t * t * c.x2! + t * t * t * c.x!,
          u * u * u * y + 3 * u * u * t * c.y1! + 3 * u * t * t * c.y2! + t * t * t * c.y!,
        ]);
      }
    else if (c.type === 'Z') {
      if (cur.length) rings.push(cur);
      cur = [];
    }
    if (c.x !== undefined) [x, y] = [c.x, c.y!];
  }
  if (cur.length) rings.push(cur);
  return rings;
}

function segmentDistance(px: number, py: number, a: [number, number], b: [number, number]): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len = dx * dx + dy * dy;
  const t = len ? Math.max(0, Math.min(1, ((px - a[0]) * dx + (py - a[1]) * dy) / len)) : 0;
  return Math.hypot(px - (a[0] + t * dx), py - (a[1] + t * dy));
}

/** Signed-distance bitmap in MapLibre's encoding (radius 8, cutoff 0.25: the edge is 191). */
function sdf(rings: Ring[], left: number, top: number, w: number, h: number): Uint8Array {
  const out = new Uint8Array(w * h);
  for (let py = 0; py < h; py++)
    for (let px = 0; px < w; px++) {
      const x = left + px + 0.5;
      const y = top + py + 0.5;
      let winding = 0;
      let d = Infinity;
      for (const r of rings)
        for (let i = 0; i < r.length; i++) {
          const a = r[i]!;
          const b = r[(i + 1) % r.length]!;
          d = Math.min(d, segmentDistance(x, y, a, b));
          if (a[1] <= y !== b[1] <= y && x < a[0] + ((y - a[1]) * (b[0] - a[0])) / (b[1] - a[1]))
            winding += a[1] < b[1] ? 1 : -1;
        }
      const signed = winding !== 0 ? -d : d;
      out[py * w + px] = Math.max(0, Math.min(255, Math.round(255 - 255 * (signed / RADIUS + CUTOFF))));
    }
  return out;
}

export function glyphRange(): Uint8Array {
  const file = require.resolve('@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff');
  const buf = readFileSync(file);
  const font = opentype.parse(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
  const pbf = new Pbf();
  pbf.writeMessage(
    1,
    (_: unknown, p: Pbf) => {
      p.writeStringField(1, GLYPH_FONT);
      p.writeStringField(2, '0-255');
      for (const ch of CHARS) {
        const id = ch.charCodeAt(0);
        const g = font.charToGlyph(ch);
        const rings = outline(g.getPath(0, 0, SIZE).commands);
        const xs = rings.flat().map((p) => p[0]);
        const ys = rings.flat().map((p) => p[1]);
        const empty = xs.length === 0;
        const x0 = empty ? 0 : Math.floor(Math.min(...xs));
        const y0 = empty ? 0 : Math.floor(Math.min(...ys));
        const width = empty ? 0 : Math.ceil(Math.max(...xs)) - x0;
        const height = empty ? 0 : Math.ceil(Math.max(...ys)) - y0;
        const bitmap = empty
          ? new Uint8Array(0)
          : sdf(rings, x0 - BUFFER, y0 - BUFFER, width + 2 * BUFFER, height + 2 * BUFFER);
        p.writeMessage(
          3,
          (_g: unknown, q: Pbf) => {
            q.writeVarintField(1, id);
            if (bitmap.length) q.writeBytesField(2, bitmap);
            q.writeVarintField(3, width);
            q.writeVarintField(4, height);
            q.writeSVarintField(5, x0);
            // Same baseline convention as MapLibre's locally drawn glyphs (top − 27.5).
            q.writeSVarintField(6, -y0 - 27);
            q.writeVarintField(7, Math.round(((g.advanceWidth ?? 0) * SIZE) / font.unitsPerEm));
          },
          undefined,
        );
      }
    },
    undefined,
  );
  return pbf.finish();
}

export function writeOfflineAssets(dir = OFFLINE_DIR) {
  const glyphs = join(dir, 'glyphs', GLYPH_FONT, '0-255.pbf');
  mkdirSync(dirname(glyphs), { recursive: true });
  writeFileSync(join(dir, 'basemap.json'), JSON.stringify(basemap()));
  writeFileSync(glyphs, glyphRange());
}

// `tsx offline/assets.ts` (web's build and dev scripts) writes them into static/ for SvelteKit.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) writeOfflineAssets();
