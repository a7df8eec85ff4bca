import * as v from 'valibot';
import {
  GAP_NEXT,
  personalTextWarnings,
  resolveDistrict,
  type Gap,
  type GapPatchSchema,
  type Municipality,
  type NewGap,
} from '@norishiro/data';
import type { Db } from '@norishiro/indexer';
import type { Actor } from '../auth/actor.ts';
import { audit } from '../audit/log.ts';
import { HttpError } from '../errors.ts';
import * as store from '../store/gaps.ts';
import { inScope, scoped, within } from '../store/scope.ts';

type GapPatch = v.InferOutput<typeof GapPatchSchema>;

/** Free text that may name a person is held back until the writer confirms it does not. */
function checkText(path: string, text: string | undefined, confirmed: boolean) {
  const warnings = text ? personalTextWarnings(text) : [];
  if (warnings.length && !confirmed)
    throw new HttpError(
      'invalid_request',
      '個人が分かる書き方かもしれません。確かめてから、もう一度保存してください',
      warnings.map((message) => ({ path, message })),
    );
}

/** Recording and moving gaps: each change and its audit row commit together. */
export class GapService {
  constructor(private readonly db: Db) {}

  /** The same need in the same month adds one to its count. */
  async record(actor: Actor, gap: NewGap, confirmed = false): Promise<{ id: string; count: number }> {
    const scope = scoped(this.db, actor);
    if (!inScope(scope, gap.municipality)) throw new HttpError('not_found', 'この自治体の記録は見られません');
    checkText('description', gap.description, confirmed);
    const district = gap.district ? await this.districtName(gap.municipality, gap.district) : undefined;
    return this.db.transaction(async (tx) => {
      const saved = await store.recordGap(within(scope, tx), { ...gap, district });
      await audit(tx, actor, {
        action: 'gap_record',
        objectType: 'gap',
        objectId: saved.id,
        municipality: gap.municipality,
      });
      return saved;
    });
  }

  /** The district as the inventory names it, so 稲積 and 稲積地区 are one need, not two. */
  private async districtName(municipality: string, typed: string): Promise<string> {
    const [row] = await this.db.query<{ data: Municipality }>('select data from municipalities where code = $1', [
      municipality,
    ]);
    const found = row ? resolveDistrict(row.data, typed) : undefined;
    if (found?.district) return found.district.name;
    const names = found && !found.district ? found.candidates.join('、') : '';
    throw new HttpError('invalid_request', '地区名が見つかりません', [
      { path: 'district', message: names ? `地区は次から選んでください: ${names}` : '地区名が見つかりません' },
    ]);
  }

  /** 新規 → 構築会議で検討 → 対応中 (担当) → 解消 (the resource that closed it) / 見送り (why). */
  async change(actor: Actor, id: string, patch: GapPatch, confirmed = false): Promise<Gap> {
    const scope = scoped(this.db, actor);
    checkText('comment', patch.comment, confirmed);
    await this.db.transaction(async (tx) => {
      const t = within(scope, tx);
      const gap = await store.lockGap(t, id);
      if (!gap) throw new HttpError('not_found', '不足の記録が見つかりません');
      if (patch.to) {
        if (!GAP_NEXT[gap.status].includes(patch.to))
          throw new HttpError('conflict', 'その状態には進められません（ほかの人が先に変えたかもしれません）');
        const missing = (path: string, message: string) =>
          new HttpError('invalid_request', message, [{ path, message }]);
        if (patch.to === 'in_progress' && !patch.owner) throw missing('owner', '担当を入れてください');
        if (patch.to === 'resolved') {
          if (!patch.resolvedBy)
            throw missing('resolvedBy', '解消した資源（新しい資源か変えた資源）の ID を入れてください');
          if (!(await store.resourceOf(t, patch.resolvedBy, gap.municipality)))
            throw missing('resolvedBy', 'この自治体にその ID の資源はありません');
        }
        if (patch.to === 'dropped' && !patch.reason) throw missing('reason', '見送る理由を書いてください');
      }
      await store.updateGap(t, id, {
        status: patch.to,
        owner: patch.owner,
        due: patch.due,
        resolvedBy: patch.resolvedBy,
        reason: patch.reason,
      });
      await store.gapEvent(t, {
        gapId: id,
        municipality: gap.municipality,
        kind: patch.to ? 'status' : 'comment',
        from: patch.to ? gap.status : null,
        to: patch.to ?? null,
        comment: patch.comment,
      });
      await audit(tx, actor, {
        action: patch.to ? 'gap_status' : 'gap_comment',
        objectType: 'gap',
        objectId: id,
        municipality: gap.municipality,
      });
    });
    return (await store.getGap(scope, id))!;
  }
}
