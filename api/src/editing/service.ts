import { randomBytes } from 'node:crypto';
import * as v from 'valibot';
import { ResourceSchema, toSearchDocument, type FieldChange, type Resource } from '@norishiro/data';
import { upsertDocument } from '@norishiro/indexer';
import { audit } from '../audit/log.ts';
import type { AppDeps } from '../deps.ts';
import { HttpError } from '../errors.ts';
import { within, type Scope } from '../store/scope.ts';
import * as store from '../store/edits.ts';

/** Today in Japan, as the date a person checked the record. */
export const todayInJapan = (now = new Date()) => new Date(now.getTime() + 9 * 3600_000).toISOString().slice(0, 10);

/** Whatever is saved must still be a valid resource; failures name each field. */
function validResource(input: unknown): Resource {
  const parsed = v.safeParse(ResourceSchema, input);
  if (parsed.success) return parsed.output;
  throw new HttpError(
    'invalid_request',
    '入力に誤りがあります',
    parsed.issues.map((i) => ({ path: v.getDotPath(i) ?? '', message: i.message })),
  );
}

const notFound = () => new HttpError('not_found', '資源が見つかりません');
const stale = () =>
  new HttpError('conflict', 'ほかの人が先に更新しました。画面を読み込み直して、変更をもう一度入れてください');

export class EditingService {
  constructor(private readonly deps: Pick<AppDeps, 'db' | 'meili' | 'indexName' | 'municipalities'>) {}

  /** The search index follows the database right after the commit, one document. */
  private async reindex(resource: Resource) {
    const m = (await this.deps.municipalities()).find((x) => x.code === resource.municipality);
    if (m) await upsertDocument(this.deps.meili, this.deps.indexName, toSearchDocument(resource, m));
  }

  /** `suggestion`: the resident's note this save puts into the record; it is accepted with the save. */
  async staffEdit(
    scope: Scope,
    input: { resource: unknown; version: string; suggestion?: number | undefined },
  ): Promise<{ resource: Resource; changes: FieldChange[] }> {
    const submitted = input.resource as { id?: unknown };
    const out = await this.deps.db.transaction(async (tx) => {
      const s = within(scope, tx);
      const row = await store.loadEditable(s, String(submitted.id ?? ''), true);
      if (!row || scope.actor.role !== 'staff') throw notFound();
      if (row.version !== input.version) throw stale();
      const note = input.suggestion === undefined ? undefined : await store.lockSuggestion(s, input.suggestion);
      if (input.suggestion !== undefined && (note?.resource_id !== row.resource.id || note.kind !== 'resident'))
        throw new HttpError('not_found', '確認待ちの知らせが見つかりません。ほかの人が先に処理したかもしれません');
      const next = validResource({
        ...(input.resource as object),
        id: row.resource.id,
        municipality: row.resource.municipality,
        verifiedAt: todayInJapan(),
      });
      const retired = next.status === 'ended' && row.resource.status !== 'ended';
      const changes = await store.writeResource(
        s,
        next,
        retired ? 'retire' : note ? 'suggestion' : 'edit',
        row.resource as unknown as Record<string, unknown>,
      );
      const about = { objectType: 'resource', objectId: next.id, municipality: next.municipality } as const;
      await audit(tx, scope.actor, { action: 'resource_edit', ...about });
      if (note) {
        await store.decideSuggestion(s, input.suggestion!, 'accepted');
        await audit(tx, scope.actor, { action: 'suggestion_accept', ...about });
      }
      return { resource: next, changes };
    });
    await this.reindex(out.resource);
    return out;
  }

  async create(scope: Scope, input: unknown): Promise<Resource> {
    if (!input || typeof input !== 'object' || Array.isArray(input))
      throw new HttpError('invalid_request', '資源の内容を JSON のオブジェクトで送ってください');
    const draft = input as { municipality?: string };
    if (!draft.municipality || !scope.municipalities.includes(draft.municipality))
      throw new HttpError('forbidden', 'この自治体の資源は追加できません');
    const today = todayInJapan();
    const given = input as { source?: unknown; description?: string; name?: string };
    const resource = validResource({
      ...(input as object),
      id: `${draft.municipality}-staff-${randomBytes(4).toString('hex')}`,
      verifiedAt: today,
      // Not from a plan: the record says who confirmed it and when.
      source: given.source ?? {
        file: '職員が確認',
        section: `${scope.actor.name}（${today}）`,
        quote: given.description?.trim() || given.name || '職員が確認した資源',
      },
    });
    await this.deps.db.transaction(async (tx) => {
      await store.insertResource(within(scope, tx), resource);
      await audit(tx, scope.actor, {
        action: 'resource_create',
        objectType: 'resource',
        objectId: resource.id,
        municipality: resource.municipality,
      });
    });
    await this.reindex(resource);
    return resource;
  }

  /** Retiring keeps the record and its page; the status says it has ended. */
  async retire(scope: Scope, id: string, reason: string): Promise<Resource> {
    const out = await this.deps.db.transaction(async (tx) => {
      const s = within(scope, tx);
      const row = await store.loadEditable(s, id, true);
      if (!row || scope.actor.role !== 'staff') throw notFound();
      const next = validResource({
        ...row.resource,
        status: 'ended',
        notes: [row.resource.notes, `終了: ${reason}`].filter(Boolean).join('\n'),
        verifiedAt: todayInJapan(),
      });
      await store.writeResource(s, next, 'retire', row.resource as unknown as Record<string, unknown>);
      await audit(tx, scope.actor, {
        action: 'resource_retire',
        objectType: 'resource',
        objectId: id,
        municipality: next.municipality,
      });
      return next;
    });
    await this.reindex(out);
    return out;
  }

  /** A host's change waits for staff unless the municipality publishes hosts' changes directly. */
  async hostChange(scope: Scope, id: string, input: { changes: Partial<Resource>; version: string }) {
    const out = await this.deps.db.transaction(async (tx) => {
      const s = within(scope, tx);
      const row = await store.loadEditable(s, id, true);
      if (!row) throw notFound();
      if (row.version !== input.version) throw stale();
      const direct = await store.hostChangesPublishDirectly(tx, row.resource.municipality);
      await audit(tx, scope.actor, {
        action: 'resource_host_change',
        objectType: 'resource',
        objectId: id,
        municipality: row.resource.municipality,
      });
      if (!direct) {
        await store.addSuggestion(tx, {
          resourceId: id,
          municipality: row.resource.municipality,
          kind: 'host',
          patch: input.changes,
          by: scope.actor.userId,
        });
        return { published: false as const };
      }
      const next = validResource({ ...row.resource, ...input.changes, verifiedAt: todayInJapan() });
      await store.writeResource(s, next, 'host_change', row.resource as unknown as Record<string, unknown>);
      return { published: true as const, resource: next };
    });
    if (out.published) await this.reindex(out.resource);
    return out;
  }

  async decide(scope: Scope, id: number, decision: 'accept' | 'dismiss', reason?: string) {
    const out = await this.deps.db.transaction(async (tx) => {
      const s = within(scope, tx);
      const suggestion = await store.lockSuggestion(s, id);
      if (!suggestion) throw new HttpError('not_found', '確認待ちの項目が見つかりません');
      if (decision === 'dismiss' && !reason?.trim())
        throw new HttpError('invalid_request', '見送る理由を書いてください', [
          { path: 'reason', message: '見送る理由を書いてください' },
        ]);
      let resource: Resource | undefined;
      if (decision === 'accept' && suggestion.kind === 'host' && suggestion.patch) {
        const row = await store.loadEditable(s, suggestion.resource_id, true);
        if (!row) throw notFound();
        resource = validResource({ ...row.resource, ...suggestion.patch, verifiedAt: todayInJapan() });
        await store.writeResource(s, resource, 'host_change', row.resource as unknown as Record<string, unknown>);
      }
      await store.decideSuggestion(s, id, decision === 'accept' ? 'accepted' : 'dismissed', reason);
      await audit(tx, scope.actor, {
        action: `suggestion_${decision}`,
        objectType: 'resource',
        objectId: suggestion.resource_id,
        municipality: suggestion.municipality,
      });
      return resource;
    });
    if (out) await this.reindex(out);
  }

  async resolveConflict(scope: Scope, id: number, keep: 'staff' | 'plan') {
    const out = await this.deps.db.transaction(async (tx) => {
      const s = within(scope, tx);
      const conflict = await store.lockConflict(s, id);
      if (!conflict) throw new HttpError('not_found', '競合が見つかりません');
      let resource: Resource | undefined;
      if (keep === 'plan') {
        const row = await store.loadEditable(s, conflict.resource_id, true);
        if (!row) throw notFound();
        resource = validResource({ ...row.resource, [conflict.field]: conflict.incoming_value ?? undefined });
        await store.writeResource(s, resource, 'conflict', row.resource as unknown as Record<string, unknown>);
      }
      await store.settleConflict(s, id, conflict.resource_id, conflict.field, conflict.incoming_value);
      await audit(tx, scope.actor, {
        action: `conflict_keep_${keep}`,
        objectType: 'resource',
        objectId: conflict.resource_id,
        municipality: conflict.municipality,
      });
      return resource;
    });
    if (out) await this.reindex(out);
  }
}
