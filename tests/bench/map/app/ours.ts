// Our map component (web/src/lib/map/ResourceMap.svelte) with the same GeoJSON.
import { mount } from 'svelte';
import type { FeatureCollection, Point } from 'geojson';
import ResourceMap from '../../../../web/src/lib/map/ResourceMap.svelte';
import type { MapItem } from '../../../../web/src/lib/map/overlay.ts';

const w = window as unknown as { __done?: number };
const n = new URLSearchParams(location.search).get('n') ?? '10000';
(async () => {
  const data = (await fetch(`/points-${n}.json`).then((r) => r.json())) as FeatureCollection<Point>;
  const items: MapItem[] = data.features.map((f) => ({
    id: f.properties!.id as string,
    name: f.properties!.name as string,
    lng: f.geometry.coordinates[0]!,
    lat: f.geometry.coordinates[1]!,
    precision: f.properties!.precision as MapItem['precision'],
  }));
  mount(ResourceMap, {
    target: document.getElementById('app')!,
    props: {
      items,
      label: 'ベンチマーク',
      mapStyle: 'fallback',
      fit: false,
      center: { lat: 36.2, lng: 138.2 },
      zoom: 4.2,
      onrendered: () => (w.__done ??= performance.now()),
    },
  });
})();
