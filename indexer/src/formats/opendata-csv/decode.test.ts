import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeCsvBytes } from './decode.ts';

const fixture = (name: string) => readFileSync(new URL(`../../../../tests/fixtures/opendata/${name}`, import.meta.url));
const sample = '名称,緯度\r\nテスト公民館,35.0972\r\n';

describe('decodeCsvBytes', () => {
  it('reads UTF-8 without a BOM', () => {
    expect(decodeCsvBytes(new TextEncoder().encode(sample))).toEqual({ text: sample, encoding: 'utf-8' });
  });

  it('reads UTF-8 with a BOM and drops the BOM', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(sample)]);
    expect(decodeCsvBytes(bytes)).toEqual({ text: sample, encoding: 'utf-8-bom' });
  });

  it('reads UTF-16LE with a BOM and by its NUL pattern without one', () => {
    const body = Buffer.from(sample, 'utf16le');
    expect(decodeCsvBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), body]))).toEqual({
      text: sample,
      encoding: 'utf-16le',
    });
    expect(decodeCsvBytes(body)).toEqual({ text: sample, encoding: 'utf-16le' });
  });

  it('falls back to Shift_JIS (cp932) when the bytes are not UTF-8', () => {
    // 「テスト①」 in cp932: ① (0x8740) is a NEC extension outside plain Shift_JIS.
    const bytes = new Uint8Array([0x83, 0x65, 0x83, 0x58, 0x83, 0x67, 0x87, 0x40]);
    expect(decodeCsvBytes(bytes)).toEqual({ text: 'テスト①', encoding: 'shift_jis' });
  });

  it('decodes every fixture to the same header text', () => {
    const cases = {
      'facility-legacy-atami.utf8.csv': 'utf-8',
      'facility-v2-izu.utf8bom.csv': 'utf-8-bom',
      'care-atami.sjis.csv': 'shift_jis',
      'facility-legacy-izu.utf16le.csv': 'utf-16le',
      'facility-v2-atami.utf16le-nobom.csv': 'utf-16le',
    };
    for (const [file, encoding] of Object.entries(cases)) {
      const decoded = decodeCsvBytes(fixture(file));
      expect(decoded.encoding, file).toBe(encoding);
      expect(decoded.text, file).toMatch(/^(都道府県コード又は市区町村コード|全国地方公共団体コード),/);
    }
  });
});
