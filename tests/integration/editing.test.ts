import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inventoryBatch, runImport } from '@norishiro/indexer';
import type { Resource } from '@norishiro/data';
import { appWithInventories, type TestApp } from '../support/app.ts';
import { as, signedInUser, type TestUser } from '../support/auth.ts';
import { databaseKinds } from '../support/services.ts';

const HIMI = '162051';
const ENA = '212105';

async function firstResource(t: TestApp, municipality: string): Promise<string> {
  const [row] = await t.db.query<{ id: string }>(
    'select id from resources where municipality = $1 order by id limit 1',
    [municipality],
  );
  return row!.id;
}

async function loadEdit(t: TestApp, user: TestUser, id: string) {
  const res = await t.app.request(`/api/resources/${id}/edit`, as(user));
  expect(res.status).toBe(200);
  return (await res.json()) as {
    resource: Resource;
    version: string;
    history: { kind: string; changes: { field: string; old: unknown; new: unknown }[] }[];
  };
}

interface ConflictRow {
  id: number;
  resourceId: string;
  field: string;
  staff: unknown;
  plan: unknown;
}

const put = (t: TestApp, user: TestUser, id: string, body: unknown) =>
  t.app.request(`/api/resources/${id}/edit`, as(user, { method: 'PUT', body: JSON.stringify(body) }));

describe.each(databaseKinds())('resource editing on %s', (kind) => {
  let t: TestApp;
  let staff: TestUser;
  let host: TestUser;
  let id: string;
  beforeAll(async () => {
    t = await appWithInventories(kind);
    id = await firstResource(t, HIMI);
    staff = await signedInUser(t, 'staff', [HIMI]);
    // Sign-ins are rate-limited per client, as for real users: one host for every test.
    host = await signedInUser(t, 'host', [HIMI], { resources: [id] });
  });
  afterAll(() => t.close());

  it('a staff edit is saved with its date, shown in the history field by field, and found in search within 5 s', async () => {
    const { resource, version } = await loadEdit(t, staff, id);
    const res = await put(t, staff, id, {
      resource: { ...resource, description: '火曜の午後はこもれびで手芸の会', contact: { phone: '0766-00-0000' } },
      version,
    });
    expect(res.status).toBe(200);
    const saved = await loadEdit(t, staff, id);
    expect(saved.resource.verifiedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(saved.history[0]!.kind).toBe('edit');
    expect(saved.history[0]!.changes).toContainEqual({
      field: 'contact',
      old: resource.contact ?? null,
      new: { phone: '0766-00-0000' },
    });
    const publicPage = await (await t.app.request(`/api/resources/${id}`)).json();
    expect(JSON.stringify(publicPage)).toContain('0766-00-0000');
    await expect
      .poll(
        async () => {
          const hits = await t.deps.meili
            .index(t.deps.indexName)
            .search('こもれび', { filter: `municipality = ${HIMI}` });
          return hits.hits.map((h) => h.id);
        },
        { timeout: 5_000, interval: 200 },
      )
      .toContain(id);
  });

  it('a save over someone else’s newer save is refused, in Japanese', async () => {
    const { resource } = await loadEdit(t, staff, id);
    const res = await put(t, staff, id, { resource, version: '2000-01-01T00:00:00.000000Z' });
    expect(res.status).toBe(409);
    expect((await res.json()).error.message).toContain('ほかの人が先に更新しました');
  });

  it('invalid values are refused with a message at the field', async () => {
    const { resource, version } = await loadEdit(t, staff, id);
    const res = await put(t, staff, id, { resource: { ...resource, contact: { url: 'not a url' } }, version });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.details).toContainEqual(
      expect.objectContaining({ path: 'contact.url', message: 'URL の形が正しくありません' }),
    );
  });

  it('staff of another city cannot see or edit it', async () => {
    const other = await signedInUser(t, 'staff', [ENA]);
    expect((await t.app.request(`/api/resources/${id}/edit`, as(other))).status).toBe(404);
  });

  it('a host’s change waits for staff, who accept it into the record', async () => {
    const { version } = await loadEdit(t, host, id);
    const res = await put(t, host, id, {
      changes: { schedule: { kind: 'irregular', note: '予約制（受け入れ先より）' } },
      version,
    });
    expect(res.status).toBe(202);
    expect(JSON.stringify((await loadEdit(t, staff, id)).resource.schedule)).not.toContain('受け入れ先より');
    const queue = (await (await t.app.request('/api/review', as(staff))).json()) as {
      id: number;
      kind: string;
      resourceId: string;
    }[];
    const item = queue.find((q) => q.kind === 'host' && q.resourceId === id)!;
    expect(item).toBeTruthy();
    const accept = await t.app.request(
      `/api/review/${item.id}`,
      as(staff, { method: 'POST', body: JSON.stringify({ decision: 'accept' }) }),
    );
    expect(accept.status).toBe(200);
    expect(JSON.stringify((await loadEdit(t, staff, id)).resource.schedule)).toContain('受け入れ先より');
  });

  it('where staff chose so, a host’s change is published at once', async () => {
    const set = await t.app.request(
      `/api/settings/${HIMI}`,
      as(staff, { method: 'PUT', body: JSON.stringify({ hostChangesPublishDirectly: true }) }),
    );
    expect(set.status).toBe(200);
    const { version } = await loadEdit(t, host, id);
    const res = await put(t, host, id, { changes: { description: '直接公開のテスト' }, version });
    expect(res.status).toBe(200);
    expect((await loadEdit(t, staff, id)).resource.description).toBe('直接公開のテスト');
    await t.app.request(
      `/api/settings/${HIMI}`,
      as(staff, { method: 'PUT', body: JSON.stringify({ hostChangesPublishDirectly: false }) }),
    );
  });

  it('a resident’s note reaches the review queue; a bot’s does not; a flood is refused', async () => {
    const send = (body: unknown, ip: string) =>
      t.app.request(`/api/resources/${id}/suggestions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-norishiro-client-ip': ip },
        body: JSON.stringify(body),
      });
    expect((await send({ message: '開いている曜日が変わりました（水曜のみ）' }, '203.0.113.5')).status).toBe(202);
    expect(
      (await send({ message: 'buy cheap pills here', website: 'http://spam.example' }, '203.0.113.6')).status,
    ).toBe(202);
    const queue = (await (await t.app.request('/api/review', as(staff))).json()) as { message: string | null }[];
    expect(queue.some((q) => q.message?.includes('水曜のみ'))).toBe(true);
    expect(queue.some((q) => q.message?.includes('pills'))).toBe(false);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await send({ message: `まちがい その${i}です` }, '203.0.113.9')).status);
    expect(statuses.at(-1)).toBe(429);
    const dismiss = (queue as unknown as { id: number }[])[0]!.id;
    const noReason = await t.app.request(
      `/api/review/${dismiss}`,
      as(staff, { method: 'POST', body: JSON.stringify({ decision: 'dismiss' }) }),
    );
    expect(noReason.status).toBe(400);
  });

  it('re-importing the plans keeps the staff edit and lists the conflict; taking the plan’s value settles it', async () => {
    const batch = inventoryBatch();
    const changed = {
      ...batch,
      resources: batch.resources.map((r) => (r.id === id ? { ...r, contact: { phone: '0766-99-9999' } } : r)),
    };
    await runImport({ db: t.db, meili: t.deps.meili, indexName: t.deps.indexName }, changed);
    expect(JSON.stringify((await loadEdit(t, staff, id)).resource.contact)).toContain('0766-00-0000');
    const conflicts = (await (await t.app.request('/api/conflicts', as(staff))).json()) as {
      id: number;
      resourceId: string;
      field: string;
    }[];
    const c = conflicts.find((x) => x.resourceId === id && x.field === 'contact')!;
    expect(c).toBeTruthy();
    const take = await t.app.request(
      `/api/conflicts/${c.id}`,
      as(staff, { method: 'POST', body: JSON.stringify({ keep: 'plan' }) }),
    );
    expect(take.status).toBe(200);
    expect((await loadEdit(t, staff, id)).resource.contact).toEqual({ phone: '0766-99-9999' });
    expect(((await (await t.app.request('/api/conflicts', as(staff))).json()) as unknown[]).length).toBe(
      conflicts.length - 1,
    );
  });

  it('a retired resource keeps its public page, saying it has ended', async () => {
    const retire = await t.app.request(
      `/api/resources/${id}/retire`,
      as(staff, { method: 'POST', body: JSON.stringify({ reason: '令和7年3月で終了' }) }),
    );
    expect(retire.status).toBe(200);
    const page = await t.app.request(`/api/resources/${id}`);
    expect(page.status).toBe(200);
    expect(JSON.stringify(await page.json())).toContain('"status":"ended"');
  });

  it('staff add a resource the plans do not list, citing who confirmed it', async () => {
    const res = await t.app.request(
      '/api/resources/new',
      as(staff, {
        method: 'POST',
        body: JSON.stringify({
          municipality: HIMI,
          name: '試しの居場所',
          categories: ['ibasho'],
          targets: ['anyone'],
          stages: [1],
          kind: 'place',
          location: { lat: 36.85598, lng: 136.97287, precision: 'municipality', pointOf: '氷見市役所' },
          schedule: { kind: 'unknown' },
          status: 'active',
          description: '職員が現地で確認',
        }),
      }),
    );
    const body = await res.json();
    expect(res.status, JSON.stringify(body)).toBe(201);
    expect(body.source).toMatchObject({ file: '職員が確認' });
    expect(body.id).toMatch(/^162051-staff-/);
  });
  it('staff keep their value in a conflict: the plan’s value stays out, and the same plan does not raise it again', async () => {
    const second = (
      await t.db.query<{ id: string }>(
        'select id from resources where municipality = $1 order by id offset 1 limit 1',
        [HIMI],
      )
    )[0]!.id;
    const { resource, version } = await loadEdit(t, staff, second);
    expect(
      (await put(t, staff, second, { resource: { ...resource, description: '職員が確かめた説明' }, version })).status,
    ).toBe(200);
    const batch = inventoryBatch();
    const planSays = {
      ...batch,
      resources: batch.resources.map((r) => (r.id === second ? { ...r, description: '計画の新しい説明' } : r)),
    };
    await runImport({ db: t.db, meili: t.deps.meili, indexName: t.deps.indexName }, planSays);
    const listed = (await (await t.app.request('/api/conflicts', as(staff))).json()) as ConflictRow[];
    const c = listed.find((x) => x.resourceId === second && x.field === 'description')!;
    expect(c).toMatchObject({ staff: '職員が確かめた説明', plan: '計画の新しい説明' });
    const keep = await t.app.request(
      `/api/conflicts/${c.id}`,
      as(staff, { method: 'POST', body: JSON.stringify({ keep: 'staff' }) }),
    );
    expect(keep.status).toBe(200);
    await runImport({ db: t.db, meili: t.deps.meili, indexName: t.deps.indexName }, planSays);
    expect((await loadEdit(t, staff, second)).resource.description).toBe('職員が確かめた説明');
    const after = (await (await t.app.request('/api/conflicts', as(staff))).json()) as ConflictRow[];
    expect(after.some((x) => x.resourceId === second)).toBe(false);
  });

  it('a resident’s note is put into the record by the save that fixes it, and leaves the queue', async () => {
    const target = (
      await t.db.query<{ id: string }>(
        'select id from resources where municipality = $1 order by id offset 2 limit 1',
        [HIMI],
      )
    )[0]!.id;
    const sent = await t.app.request(`/api/resources/${target}/suggestions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-norishiro-client-ip': '198.51.100.20' },
      body: JSON.stringify({ message: '電話番号は 0766-11-2222 です' }),
    });
    expect(sent.status).toBe(202);
    const queue = (await (await t.app.request('/api/review', as(staff))).json()) as {
      id: number;
      resourceId: string;
    }[];
    const note = queue.find((q) => q.resourceId === target)!;
    const { resource, version } = await loadEdit(t, staff, target);
    const save = await put(t, staff, target, {
      resource: { ...resource, contact: { phone: '0766-11-2222' } },
      version,
      suggestion: note.id,
    });
    expect(save.status).toBe(200);
    const saved = await loadEdit(t, staff, target);
    expect(saved.history[0]).toMatchObject({ kind: 'suggestion' });
    expect(saved.history[0]!.changes.map((c) => c.field)).toContain('contact');
    const left = (await (await t.app.request('/api/review', as(staff))).json()) as { id: number }[];
    expect(left.some((q) => q.id === note.id)).toBe(false);
    // The same note cannot be used twice.
    const again = await put(t, staff, target, {
      resource: saved.resource,
      version: saved.version,
      suggestion: note.id,
    });
    expect(again.status).toBe(404);
  });

  it('a host’s change is shown beside the present value, and a decision is logged under the resource’s city', async () => {
    const target = (
      await t.db.query<{ id: string }>(
        'select id from resources where municipality = $1 order by id offset 3 limit 1',
        [ENA],
      )
    )[0]!.id;
    const wide = await signedInUser(t, 'staff', [HIMI, ENA]);
    const enaHost = await signedInUser(t, 'host', [ENA], { resources: [target] });
    const { resource, version } = await loadEdit(t, enaHost, target);
    expect((await put(t, enaHost, target, { changes: { description: '受け入れ先の説明' }, version })).status).toBe(202);
    const queue = (await (await t.app.request('/api/review', as(wide))).json()) as {
      id: number;
      resourceId: string;
      current?: Record<string, unknown>;
    }[];
    const item = queue.find((q) => q.resourceId === target)!;
    expect(item.current).toEqual({ description: resource.description ?? null });
    const dismiss = await t.app.request(
      `/api/review/${item.id}`,
      as(wide, { method: 'POST', body: JSON.stringify({ decision: 'dismiss', reason: '内容を確認できないため' }) }),
    );
    expect(dismiss.status).toBe(200);
    const [logged] = await t.db.query<{ municipality: string }>(
      `select municipality from audit_log where action = 'suggestion_dismiss' and object_id = $1`,
      [target],
    );
    expect(logged?.municipality).toBe(ENA);
  });

  it('a re-import that drops a resource with a pending note still goes through', async () => {
    const target = (
      await t.db.query<{ id: string }>('select id from resources where municipality = $1 order by id desc limit 1', [
        ENA,
      ])
    )[0]!.id;
    const sent = await t.app.request(`/api/resources/${target}/suggestions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-norishiro-client-ip': '198.51.100.21' },
      body: JSON.stringify({ message: 'もう やっていないようです' }),
    });
    expect(sent.status).toBe(202);
    const batch = inventoryBatch();
    await runImport(
      { db: t.db, meili: t.deps.meili, indexName: t.deps.indexName },
      { ...batch, resources: batch.resources.filter((r) => r.id !== target) },
    );
    expect((await t.app.request(`/api/resources/${target}`)).status).toBe(404);
    await runImport({ db: t.db, meili: t.deps.meili, indexName: t.deps.indexName }, batch);
  });
  it('the editing routes are in the OpenAPI document with their request schemas', async () => {
    const spec = await (await t.app.request('/api/openapi.json')).json();
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining([
        '/api/resources/{id}/edit',
        '/api/resources/{id}/suggestions',
        '/api/review',
        '/api/conflicts/{id}',
      ]),
    );
    expect(spec.components.schemas.Suggestion.properties.message).toBeDefined();
  });
});
