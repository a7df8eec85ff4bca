import { Hono } from 'hono';
import {
  ConflictDecisionSchema,
  MunicipalitySettingsPatchSchema,
  HostChangeSchema,
  ResourceEditSchema,
  RetireSchema,
  ReviewDecisionSchema,
  SuggestionSchema,
} from '@norishiro/data';
import * as v from 'valibot';
import { getResource } from '@norishiro/indexer';
import { audit } from '../audit/log.ts';
import { clientIp } from '../auth/session.ts';
import { publicRoute, requires, type AuthEnv } from '../auth/permissions.ts';
import type { AppDeps } from '../deps.ts';
import { HttpError } from '../errors.ts';
import { rateLimit } from '../security/rate-limit.ts';
import * as store from '../store/edits.ts';
import { scoped } from '../store/scope.ts';
import { jsonBody, parseInput } from '../validate.ts';
import { EditingService } from './service.ts';

const IdParam = v.pipe(v.string(), v.regex(/^\d+$/, '番号が正しくありません'), v.transform(Number));

/** Residents may send a few notes an hour from one address; bots fill the hidden field. */
const SUGGESTION_LIMIT = { name: 'suggestion', windowSeconds: 3600, max: 5 };

/** Staff edit, retire and add resources; hosts propose; residents point out mistakes. */
export function editingRoutes(deps: AppDeps) {
  const service = new EditingService(deps);
  const scope = (c: { get(k: 'actor'): AuthEnv['Variables']['actor'] }) => scoped(deps.db, c.get('actor')!);
  return new Hono<AuthEnv>()
    .get('/resources/mine', requires('resources:edit'), async (c) => c.json(await store.listEditable(scope(c))))
    .get('/resources/:id/edit', requires('resources:edit'), async (c) => {
      const s = scope(c);
      const row = await store.loadEditable(s, c.req.param('id'));
      if (!row) throw new HttpError('not_found', '資源が見つかりません');
      return c.json({
        resource: row.resource,
        version: row.version,
        history: await store.history(deps.db, row.resource.id),
      });
    })
    .put('/resources/:id/edit', requires('resources:edit'), async (c) => {
      const s = scope(c);
      if (s.actor.role === 'host') {
        // Whether the resource is theirs is answered before anything about the request.
        if (!(await store.loadEditable(s, c.req.param('id')))) throw new HttpError('not_found', '資源が見つかりません');
        const body = parseInput(HostChangeSchema, await jsonBody(c.req), '変更');
        const out = await service.hostChange(s, c.req.param('id'), body as { changes: object; version: string });
        return c.json(out, out.published ? 200 : 202);
      }
      const body = parseInput(ResourceEditSchema, await jsonBody(c.req), '資源');
      return c.json(
        await service.staffEdit(s, {
          resource: { ...body.resource, id: c.req.param('id') },
          version: body.version,
          suggestion: body.suggestion,
        }),
      );
    })
    .post('/resources/:id/retire', requires('resources:edit'), async (c) => {
      const body = parseInput(RetireSchema, await jsonBody(c.req), '終了の理由');
      return c.json(await service.retire(scope(c), c.req.param('id'), body.reason));
    })
    .post('/resources/new', requires('resources:edit'), async (c) => {
      const s = scope(c);
      if (s.actor.role !== 'staff') throw new HttpError('forbidden', '資源の追加は市の職員が行います');
      return c.json(await service.create(s, await jsonBody(c.req)), 201);
    })
    .post('/resources/:id/suggestions', publicRoute(), rateLimit(deps.db, SUGGESTION_LIMIT), async (c) => {
      const body = parseInput(SuggestionSchema, await jsonBody(c.req), '知らせ');
      const resource = await getResource(deps.db, c.req.param('id'));
      if (!resource) throw new HttpError('not_found', '資源が見つかりません');
      // A filled trap field is a bot: answer as usual so it learns nothing, store nothing.
      if (body.website) return c.json({ ok: true }, 202);
      await deps.db.transaction(async (tx) => {
        await store.addSuggestion(tx, {
          resourceId: resource.id,
          municipality: resource.municipality,
          kind: 'resident',
          message: body.message,
        });
        await audit(
          tx,
          { userId: null, role: null, ip: clientIp(c.req.raw.headers) },
          {
            action: 'suggestion_create',
            objectType: 'resource',
            objectId: resource.id,
            municipality: resource.municipality,
          },
        );
      });
      return c.json({ ok: true }, 202);
    })
    .get('/review', requires('suggestions:review'), async (c) => c.json(await store.pendingSuggestions(scope(c))))
    .post('/review/:id', requires('suggestions:review'), async (c) => {
      const id = parseInput(IdParam, c.req.param('id'), '番号');
      const body = parseInput(ReviewDecisionSchema, await jsonBody(c.req), '判断');
      await service.decide(scope(c), id, body.decision, body.reason);
      return c.json({ ok: true });
    })
    .get('/settings/:code', requires('suggestions:review'), async (c) => {
      const code = c.req.param('code');
      if (!scope(c).municipalities.includes(code)) throw new HttpError('not_found', '自治体が見つかりません');
      return c.json(await store.readSettings(deps.db, code));
    })
    .put('/settings/:code', requires('suggestions:review'), async (c) => {
      const s = scope(c);
      const code = c.req.param('code');
      if (!s.municipalities.includes(code)) throw new HttpError('not_found', '自治体が見つかりません');
      const body = parseInput(MunicipalitySettingsPatchSchema, await jsonBody(c.req), '設定');
      await deps.db.transaction(async (tx) => {
        await store.saveSettings(tx, code, body);
        await audit(tx, s.actor, {
          action: 'settings_change',
          objectType: 'municipality',
          objectId: code,
          municipality: code,
        });
      });
      return c.json(await store.readSettings(deps.db, code));
    })
    .get('/conflicts', requires('conflicts:resolve'), async (c) => c.json(await store.openConflicts(scope(c))))
    .post('/conflicts/:id', requires('conflicts:resolve'), async (c) => {
      const id = parseInput(IdParam, c.req.param('id'), '番号');
      const body = parseInput(ConflictDecisionSchema, await jsonBody(c.req), '判断');
      await service.resolveConflict(scope(c), id, body.keep);
      return c.json({ ok: true });
    });
}
