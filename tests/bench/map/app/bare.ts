// A bare MapLibre page: the same GeoJSON, one clustered source, two circle layers.
import 'maplibre-gl/dist/maplibre-gl.css';
import type { FeatureCollection } from 'geojson';

const w = window as unknown as { __done?: number; __error?: string };
const n = new URLSearchParams(location.search).get('n') ?? '10000';
(async () => {
  const [{ default: maplibregl }, data] = await Promise.all([
    import('maplibre-gl'),
    fetch(`/points-${n}.json`).then((r) => r.json() as Promise<FeatureCollection>),
  ]);
  const map = new maplibregl.Map({
    container: 'map',
    center: [138.2, 36.2],
    zoom: 4.2,
    style: {
      version: 8,
      sources: { pts: { type: 'geojson', data, cluster: true, clusterRadius: 40, clusterMaxZoom: 13 } },
      layers: [
        { id: 'bg', type: 'background', paint: { 'background-color': '#eef1ec' } },
        {
          id: 'c',
          type: 'circle',
          source: 'pts',
          filter: ['has', 'point_count'],
          paint: { 'circle-radius': 14, 'circle-color': '#2f6f5e' },
        },
        {
          id: 'p',
          type: 'circle',
          source: 'pts',
          filter: ['!', ['has', 'point_count']],
          paint: { 'circle-radius': 7, 'circle-color': '#1f5fa8' },
        },
      ],
    },
  });
  map.once('idle', () => (w.__done = performance.now()));
  map.on('error', (e) => (w.__error = String(e.error?.message ?? e)));
})();
