/**
 * Every municipality in Japan from localgovjp.csv (see localgovjp.md): the list a city is
 * added from (`pnpm admin municipality add`), and the country synthetic data is spread over.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { inJapan, isValidLgCode, type Municipality } from '@norishiro/data';

export interface LocalGov {
  code: string;
  prefecture: string;
  name: string;
  reading: string;
  lat: number;
  lng: number;
}

/** Rows of localgovjp.csv that have a valid 全国地方公共団体コード and a city hall point in Japan. */
export function parseLocalGovCsv(text: string): LocalGov[] {
  const rows: Record<string, string>[] = parse(text, { bom: true, columns: true, skip_empty_lines: true });
  const out: LocalGov[] = [];
  for (const row of rows) {
    const code = row.lgcode ?? '';
    const lat = Number(row.lat);
    const lng = Number(row.lng);
    if (!isValidLgCode(code) || !row.lat || !row.lng || !inJapan({ lat, lng })) continue;
    out.push({
      code,
      prefecture: row.pref ?? '',
      name: (row.city ?? '').replace(/\s/g, ''),
      reading: (row.citykana ?? '').replace(/\s/g, ''),
      lat,
      lng,
    });
  }
  return out;
}

let localGovs: LocalGov[] | undefined;
export const allLocalGovs = () =>
  (localGovs ??= parseLocalGovCsv(readFileSync(new URL('./localgovjp.csv', import.meta.url), 'utf8')));

/** Every municipality in Japan, with its city hall point and no districts. */
export function japaneseMunicipalities(): Municipality[] {
  return allLocalGovs().map((g) => ({
    code: g.code,
    prefecture: g.prefecture,
    name: g.name,
    reading: g.reading,
    cityHall: { lat: g.lat, lng: g.lng },
    districts: [],
  }));
}

/** One municipality by its 6-digit 全国地方公共団体コード, as the directory would register it. */
export const municipalityOfJapan = (code: string): Municipality | undefined =>
  japaneseMunicipalities().find((m) => m.code === code);
