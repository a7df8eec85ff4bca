import type { Feature, FeatureCollection, Point as GeoPoint } from 'geojson';
import type { ExpressionSpecification, Map as MLMap, StyleSpecification } from 'maplibre-gl';
import type { Point, Precision } from '@norishiro/data';

/** One marker: a resource (or anything with an id) at a point, with how exact the point is. */
export interface MapItem extends Point {
  id: string;
  name: string;
  precision: Precision;
}

export const GSI_PALE_TILES = 'https://cyberjapandata.gsi.go.jp/xyz/pale/{z}/{x}/{y}.png';
export const GSI_ATTRIBUTION =
  '<a href="https://maps.gsi.go.jp/development/ichiran.html" target="_blank" rel="noopener">地理院タイル</a>';

export const BASEMAP_SOURCE = 'gsi-pale';
const SEA = '#d3e3ec';
const LAND = '#f4f2ea';
/** Outside the areas we have a coastline for: neither land nor sea. */
const UNKNOWN = '#e9ebe7';

/** Served from our origin (web/offline/assets.ts): glyphs for cluster counts, land for the offline map. */
export const GLYPH_FONT = ['Noto Sans Bold'];
const glyphsUrl = (origin: string) => `${origin}/offline/glyphs/{fontstack}/{range}.pbf`;
export const OFFLINE_ATTRIBUTION = '海岸線: Natural Earth（パブリックドメイン）';

/** Default basemap: 地理院タイル 淡色地図 (raster), with our glyphs for the counts. */
export function gsiStyle(origin: string): StyleSpecification {
  return {
    version: 8,
    glyphs: glyphsUrl(origin),
    sources: {
      [BASEMAP_SOURCE]: {
        type: 'raster',
        tiles: [GSI_PALE_TILES],
        tileSize: 256,
        minzoom: 2,
        maxzoom: 18,
        attribution: GSI_ATTRIBUTION,
      },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': UNKNOWN } },
      { id: BASEMAP_SOURCE, type: 'raster', source: BASEMAP_SOURCE },
    ],
  };
}

/**
 * The map without tiles: sea, land and coastline around the cities we serve (Natural Earth
 * 1:10m), all from our origin; city and district names are added with the markers.
 */
export function offlineStyle(origin: string): StyleSpecification {
  return {
    version: 8,
    glyphs: glyphsUrl(origin),
    sources: {
      'offline-land': { type: 'geojson', data: `${origin}/offline/basemap.json`, attribution: OFFLINE_ATTRIBUTION },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': UNKNOWN } },
      {
        id: 'offline-sea',
        type: 'fill',
        source: 'offline-land',
        filter: ['==', ['get', 'kind'], 'sea'],
        paint: { 'fill-color': SEA },
      },
      {
        id: 'offline-land',
        type: 'fill',
        source: 'offline-land',
        filter: ['==', ['get', 'kind'], 'land'],
        paint: { 'fill-color': LAND },
      },
      {
        id: 'offline-coast',
        type: 'line',
        source: 'offline-land',
        filter: ['==', ['get', 'kind'], 'coast'],
        paint: { 'line-color': '#7d98a6', 'line-width': ['interpolate', ['linear'], ['zoom'], 5, 0.6, 12, 1.6] },
      },
    ],
  };
}

/** MAP_STYLE: empty → 地理院タイル, `fallback` → the offline map, anything else → a style URL. */
export function styleFor(
  mapStyle: string | undefined,
  origin: string,
): { style: StyleSpecification | string; fallback: boolean } {
  const s = (mapStyle ?? '').trim();
  if (s === 'fallback') return { style: offlineStyle(origin), fallback: true };
  if (s) return { style: s, fallback: false };
  return { style: gsiStyle(origin), fallback: false };
}

export const SOURCE = 'nori-resources';
export const HOME_SOURCE = 'nori-home';
export const NAMES_SOURCE = 'nori-names';
export const POINT_LAYERS = ['nori-exact', 'nori-approx'] as const;
export const CLUSTER_LAYER = 'nori-clusters';
export const CLUSTER_COUNT_LAYER = 'nori-cluster-count';
export const CLUSTER_MAX_ZOOM = 13;
const HIGHLIGHT_LAYER = 'nori-highlight';

export function toGeoJSON(items: readonly MapItem[]): FeatureCollection<GeoPoint> {
  const features: Feature<GeoPoint>[] = new Array(items.length);
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    features[i] = {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [it.lng, it.lat] },
      properties: { id: it.id, name: it.name, approx: it.precision !== 'address' },
    };
  }
  return { type: 'FeatureCollection', features };
}

/** A place name drawn on the map: a city at its city hall, a district at its point. */
export interface MapName extends Point {
  name: string;
  kind: 'city' | 'district';
}

export function namesGeoJSON(names: readonly MapName[]): FeatureCollection<GeoPoint> {
  return {
    type: 'FeatureCollection',
    features: names.map((n) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [n.lng, n.lat] },
      properties: { name: n.name, kind: n.kind },
    })),
  };
}

export function homeGeoJSON(home: Point | null | undefined): FeatureCollection<GeoPoint> {
  return {
    type: 'FeatureCollection',
    features: home
      ? [{ type: 'Feature', geometry: { type: 'Point', coordinates: [home.lng, home.lat] }, properties: {} }]
      : [],
  };
}

const unclustered: ExpressionSpecification = ['!', ['has', 'point_count']];

/** Adds the resource and home layers to whatever style is loaded (idempotent). */
export function addOverlay(
  map: MLMap,
  data: FeatureCollection<GeoPoint>,
  home: FeatureCollection<GeoPoint>,
  names: FeatureCollection<GeoPoint>,
) {
  if (map.getSource(SOURCE)) return;
  const hasGlyphs = !!map.getStyle().glyphs;
  map.addSource(SOURCE, { type: 'geojson', data, cluster: true, clusterRadius: 40, clusterMaxZoom: CLUSTER_MAX_ZOOM });
  map.addSource(HOME_SOURCE, { type: 'geojson', data: home });
  map.addSource(NAMES_SOURCE, { type: 'geojson', data: names });
  if (hasGlyphs) {
    // Japanese names are drawn with the device's font (MapLibre's local ideograph rendering).
    map.addLayer({
      id: 'nori-names',
      type: 'symbol',
      source: NAMES_SOURCE,
      filter: ['any', ['==', ['get', 'kind'], 'city'], ['>=', ['zoom'], 9.5]],
      layout: {
        'text-field': ['get', 'name'],
        'text-font': GLYPH_FONT,
        'text-size': ['case', ['==', ['get', 'kind'], 'city'], 15, 13],
        'text-offset': [0, 1.4],
        'text-anchor': 'top',
        'text-optional': true,
      },
      paint: { 'text-color': '#3b4a44', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
    });
  }
  // The searched-from point sits under the markers, so stacked markers stay visible.
  map.addLayer({
    id: 'nori-home',
    type: 'circle',
    source: HOME_SOURCE,
    paint: {
      'circle-radius': 7,
      'circle-color': '#111111',
      'circle-stroke-color': '#ffd400',
      'circle-stroke-width': 3,
    },
  });
  map.addLayer({
    id: CLUSTER_LAYER,
    type: 'circle',
    source: SOURCE,
    filter: ['has', 'point_count'],
    paint: {
      'circle-color': '#2f6f5e',
      'circle-opacity': 0.85,
      'circle-radius': ['step', ['get', 'point_count'], 12, 10, 16, 50, 21, 200, 27, 1000, 33],
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 2,
    },
  });
  if (hasGlyphs)
    map.addLayer({
      id: CLUSTER_COUNT_LAYER,
      type: 'symbol',
      source: SOURCE,
      filter: ['has', 'point_count'],
      layout: {
        'text-field': ['get', 'point_count_abbreviated'],
        'text-font': GLYPH_FONT,
        'text-size': 13,
        'text-allow-overlap': true,
      },
      paint: { 'text-color': '#ffffff' },
    });
  // Approximate points (district or city point): a wide pale halo and a hollow ring.
  map.addLayer({
    id: 'nori-approx-halo',
    type: 'circle',
    source: SOURCE,
    filter: ['all', unclustered, ['get', 'approx']],
    paint: { 'circle-radius': 18, 'circle-color': '#c2570c', 'circle-opacity': 0.12 },
  });
  map.addLayer({
    id: 'nori-approx',
    type: 'circle',
    source: SOURCE,
    filter: ['all', unclustered, ['get', 'approx']],
    paint: {
      'circle-radius': 8,
      'circle-color': '#ffffff',
      'circle-opacity': 0.6,
      'circle-stroke-color': '#b24a00',
      'circle-stroke-width': 3,
    },
  });
  map.addLayer({
    id: 'nori-exact',
    type: 'circle',
    source: SOURCE,
    filter: ['all', unclustered, ['!', ['get', 'approx']]],
    paint: {
      'circle-radius': 7,
      'circle-color': '#1f5fa8',
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 2,
    },
  });
  map.addLayer({
    id: HIGHLIGHT_LAYER,
    type: 'circle',
    source: SOURCE,
    filter: ['in', ['get', 'id'], ['literal', []]],
    paint: {
      'circle-radius': 13,
      'circle-color': 'rgba(0,0,0,0)',
      'circle-stroke-color': '#c8005a',
      'circle-stroke-width': 4,
    },
  });
}

export function setHighlight(map: MLMap, ids: readonly string[]) {
  if (!map.getLayer(HIGHLIGHT_LAYER)) return;
  map.setFilter(HIGHLIGHT_LAYER, ['all', unclustered, ['in', ['get', 'id'], ['literal', [...ids]]]]);
}

export function boundsOf(points: readonly Point[]): [[number, number], [number, number]] | undefined {
  if (!points.length) return undefined;
  let minLng = Infinity,
    minLat = Infinity,
    maxLng = -Infinity,
    maxLat = -Infinity;
  for (const p of points) {
    if (p.lng < minLng) minLng = p.lng;
    if (p.lng > maxLng) maxLng = p.lng;
    if (p.lat < minLat) minLat = p.lat;
    if (p.lat > maxLat) maxLat = p.lat;
  }
  return [
    [minLng, minLat],
    [maxLng, maxLat],
  ];
}
