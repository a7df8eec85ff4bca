import { isValidLgCode } from '@norishiro/data';
import { listMunicipalities, municipalityOfJapan, upsertMunicipalities } from '@norishiro/indexer';
import { AdminUsageError, type AdminCommand } from '../command.ts';

export const municipalityAdd: AdminCommand = {
  usage: 'municipality add CODE',
  summary:
    '全国地方公共団体コード CODE の市区町村を加えます（名前・都道府県・役所の位置は全国の一覧から）。オープンデータや HSDS をその市区町村の資源として取り込めるようになります',
  async run(ctx, args) {
    const [code, ...rest] = args;
    if (!code || rest.length) throw new AdminUsageError('団体コードを1つ指定してください（例: 222127）。');
    if (!/^\d{6}$/.test(code) || !isValidLgCode(code))
      throw new AdminUsageError(`「${code}」は全国地方公共団体コード（検査数字つきの6桁）ではありません。`);
    const m = municipalityOfJapan(code);
    if (!m) throw new AdminUsageError(`団体コード ${code} は全国の市区町村の一覧にありません。`);
    const known = (await listMunicipalities(ctx.db)).find((x) => x.code === code);
    if (known) {
      ctx.out(`${known.prefecture}${known.name}（${code}）はすでに登録されています。`);
      return 0;
    }
    await upsertMunicipalities(ctx.db, [m]);
    ctx.invalidate?.();
    ctx.out(
      `${m.prefecture}${m.name}（${code}）を加えました。役所の位置（緯度 ${m.cityHall.lat}、経度 ${m.cityHall.lng}）は、` +
        '位置の分からない資源の代表点になります。地区はまだありません。',
    );
    return 0;
  },
};
