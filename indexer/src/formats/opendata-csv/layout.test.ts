import { describe, expect, it } from 'vitest';
import { detectLayout } from './layout.ts';

const legacy =
  '都道府県コード又は市区町村コード,NO,都道府県名,市区町村名,名称,名称_カナ,名称_通称,POIコード,住所,方書,緯度,経度,電話番号,内線番号,法人番号,団体名,利用可能曜日,開始時間,終了時間,利用可能日時特記事項,説明,バリアフリー情報,URL,備考'.split(
    ',',
  );
const v2 =
  '全国地方公共団体コード,ID,地方公共団体名,名称,名称_カナ,名称_英字,POIコード,所在地_連結表記,所在地_都道府県,所在地_市区町村,所在地_町字,所在地_番地以下,建物名等（方書）,緯度,経度'.split(
    ',',
  );
const care =
  '都道府県コード又は市区町村コード,NO,都道府県名,市区町村名,介護サービス事業所名称,介護サービス事業所名称_カナ,実施サービス,住所,方書,緯度,経度,電話番号,内線番号,FAX番号,法人番号,法人の名称,事業所番号,利用可能曜日,利用可能曜日特記事項,定員,URL,備考'.split(
    ',',
  );

describe('detectLayout', () => {
  it('tells the three layouts apart', () => {
    expect(detectLayout(legacy)?.layout.id).toBe('facility-legacy');
    expect(detectLayout(v2)?.layout.id).toBe('facility');
    expect(detectLayout(care)?.layout.id).toBe('care-service-legacy');
  });

  it('finds columns by name, tolerating full-width brackets and spaces', () => {
    const found = detectLayout(v2)!;
    expect(found.index).toMatchObject({
      code: 0,
      no: 1,
      name: 3,
      nameEn: 5,
      address: 7,
      addressExtra: 12,
      lat: 13,
      lng: 14,
    });
    expect(detectLayout([' 全国地方公共団体コード', 'ID', '名 称'])?.layout.id).toBe('facility');
  });

  it('finds the legacy 開始時間 and the care 事業所番号', () => {
    expect(detectLayout(legacy)?.index).toMatchObject({ start: 17, end: 18, url: 22 });
    expect(detectLayout(care)?.index).toMatchObject({ name: 4, officeNumber: 16, capacity: 19 });
  });

  it('rejects other headers and headers missing a required column', () => {
    expect(detectLayout(['pid', 'pref', 'cid'])).toBeUndefined();
    expect(detectLayout(['全国地方公共団体コード', '名称'])).toBeUndefined();
    expect(detectLayout([])).toBeUndefined();
  });
});
