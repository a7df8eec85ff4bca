import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runAdmin } from '@norishiro/api';
import { inventoryBatch, runImport } from '@norishiro/indexer';
import { appWithInventories, type TestApp } from '../support/app.ts';
import { as, signedInUser, type TestUser } from '../support/auth.ts';
import { databaseKinds } from '../support/services.ts';
import { databaseDump, filesContaining } from '../support/dump.ts';

const HIMI = '162051';
const ENA = '212105';
const MARKER = 'MARKER-7f3a-ひみつの連絡メモ';

const post = (t: TestApp, user: TestUser, path: string, body: unknown, headers: Record<string, string> = {}) =>
  t.app.request(path, as(user, { method: 'POST', body: JSON.stringify(body), headers }));

const consent = {
  basis: 'consent',
  date: '2026-11-20',
  method: 'written',
  obtainedBy: '担当 花子',
  items: ['stage', 'availability'],
};

describe.each(databaseKinds())('cases and referrals on %s', (kind) => {
  let t: TestApp;
  let coordinator: TestUser;
  let host: TestUser;
  let resourceId: string;
  let caseId: string;
  let staff: TestUser;
  beforeAll(async () => {
    t = await appWithInventories(kind);
    [{ id: resourceId }] = (await t.db.query<{ id: string }>(
      'select id from resources where municipality = $1 order by id limit 1',
      [HIMI],
    )) as [{ id: string }];
    coordinator = await signedInUser(t, 'coordinator', [HIMI]);
    host = await signedInUser(t, 'host', [HIMI], { resources: [resourceId] });
    staff = await signedInUser(t, 'staff', [HIMI]);
  });
  afterAll(() => t.close());

  it('a case is made under a pseudonymous code, with members that carry only matching needs', async () => {
    const res = await post(t, coordinator, '/api/cases', {
      municipality: HIMI,
      members: [
        {
          relation: 'self',
          profile: {
            situations: ['hikikomori'],
            stage: 1,
            availability: [{ day: 'wed', from: '13:00', to: '16:00' }],
            interests: ['囲碁'],
          },
        },
        { relation: 'mother', profile: { situations: ['elderly', 'dementia'], stage: 2 } },
      ],
      contactNote: MARKER,
    });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body.code).toMatch(/^HMI-\d{4}-[0-9A-F]{4}$/);
    expect(body.contactNote).toBe(MARKER);
    caseId = body.id;
  });

  it('another city’s coordinator cannot see it, and a case code is never a name', async () => {
    const other = await signedInUser(t, 'coordinator', [ENA]);
    expect((await t.app.request(`/api/cases/${caseId}`, as(other))).status).toBe(404);
    expect((await t.app.request(`/api/cases/${caseId}`, as(coordinator))).status).toBe(200);
    const named = await post(t, coordinator, '/api/cases', {
      municipality: HIMI,
      code: '山田 太郎',
      members: [{ relation: 'self', profile: {} }],
    });
    expect(named.status).toBe(400);
  });

  let referral: { id: string; version: number };

  it('a referral needs a basis for sharing; the host sees only the consented items', async () => {
    const noBasis = await post(t, coordinator, '/api/referrals', { caseId, member: 0, resourceId });
    expect(noBasis.status).toBe(400);
    const res = await post(
      t,
      coordinator,
      '/api/referrals',
      { caseId, member: 0, resourceId, consent, noteForHost: '最初は見学だけ' },
      { 'idempotency-key': 'retry-key-0001' },
    );
    expect(res.status).toBe(201);
    referral = await res.json();
    const retried = await post(
      t,
      coordinator,
      '/api/referrals',
      { caseId, member: 0, resourceId, consent },
      { 'idempotency-key': 'retry-key-0001' },
    );
    expect(retried.status).toBe(200);
    expect((await retried.json()).id).toBe(referral.id);

    const seen = await (await t.app.request(`/api/referrals/${referral.id}`, as(host))).json();
    expect(seen.shared).toEqual({ stage: 1, availability: [{ day: 'wed', from: '13:00', to: '16:00' }] });
    expect(seen.caseCode).toBeNull();
    expect(JSON.stringify(seen)).not.toContain('hikikomori');
    expect(JSON.stringify(seen)).not.toContain('囲碁');
  });

  it('the loop: host accepts and sets the visit, attendance starts follow-ups; stale writes are refused', async () => {
    const step = async (user: TestUser, body: object) => {
      const res = await post(t, user, `/api/referrals/${referral.id}/events`, { version: referral.version, ...body });
      if (res.ok) referral = await res.json();
      return res;
    };
    expect((await step(host, { to: 'host_confirmed' })).status).toBe(200);
    const stale = await post(t, coordinator, `/api/referrals/${referral.id}/events`, {
      version: referral.version - 1,
      note: 'x',
    });
    expect(stale.status).toBe(409);
    expect((await stale.json()).error.message).toContain('ほかの人が先に更新しました');
    expect((await step(host, { to: 'visit_scheduled', visitDate: '2026-12-02' })).status).toBe(200);
    const ics = await t.app.request(`/api/referrals/${referral.id}/visit.ics`, as(coordinator));
    expect(await ics.text()).toContain('DTSTART;VALUE=DATE:20261202');
    expect((await step(host, { to: 'started', attended: true })).status).toBe(200);
    const today = await (await t.app.request('/api/followups', as(coordinator))).json();
    expect(Array.isArray(today)).toBe(true);
    const [{ n }] = (await t.db.query<{ n: number }>(
      'select count(*)::int as n from followups where referral_id = $1',
      [referral.id],
    )) as [{ n: number }];
    expect(n).toBe(3);
    expect((await step(host, { to: 'ended', reason: 'other' })).status).toBe(403);
    expect((await step(coordinator, { to: 'not_established' })).status).toBe(400);
  });

  it('withdrawing consent stops sharing at once', async () => {
    expect(
      (
        await post(t, coordinator, `/api/referrals/${referral.id}/events`, {
          version: referral.version,
          withdrawConsent: true,
        })
      ).status,
    ).toBe(200);
    const seen = await (await t.app.request(`/api/referrals/${referral.id}`, as(host))).json();
    expect(seen.shared).toEqual({});
    expect(seen.consentWithdrawn).toBe(true);
  });

  it('under 支援会議 the host may see the profile without the person’s consent', async () => {
    const res = await post(t, coordinator, '/api/referrals', {
      caseId,
      member: 1,
      resourceId,
      consent: { basis: 'support_meeting', meetingDate: '2026-11-18', hostIsMember: true },
    });
    expect(res.status).toBe(201);
    const seen = await (await t.app.request(`/api/referrals/${(await res.json()).id}`, as(host))).json();
    expect(seen.shared.situations).toEqual(['elderly', 'dementia']);
  });

  it('a municipality’s own 定着支援 schedule is used for referrals that start after it is set', async () => {
    const put = (body: object) =>
      t.app.request(`/api/settings/${HIMI}`, as(staff, { method: 'PUT', body: JSON.stringify(body) }));
    expect(await (await t.app.request(`/api/settings/${HIMI}`, as(staff))).json()).toMatchObject({
      followupDays: [14, 30, 90],
      retentionYears: 5,
    });
    const refused = await put({ followupDays: [0] });
    expect(refused.status).toBe(400);
    expect((await refused.json()).error.details[0].message).toContain('1日後以降');
    const saved = await put({ followupDays: [7, 60] });
    expect(await saved.json()).toMatchObject({ followupDays: [7, 60], retentionYears: 5 });

    // Another resource, so the outcome counts of the first stay as the other tests expect them.
    const [other] = await t.db.query<{ id: string }>(
      'select id from resources where municipality = $1 order by id offset 1 limit 1',
      [HIMI],
    );
    const made = await (
      await post(t, coordinator, '/api/referrals', {
        caseId,
        member: 1,
        resourceId: other!.id,
        consent: { basis: 'support_meeting', meetingDate: '2026-11-18', hostIsMember: true },
      })
    ).json();
    let version = made.version;
    for (const to of ['host_confirmed', 'visit_scheduled', 'started']) {
      const visit = to === 'visit_scheduled' ? { visitDate: '2026-12-09' } : {};
      const res = await post(t, coordinator, `/api/referrals/${made.id}/events`, { version, to, ...visit });
      expect(res.status, await res.clone().text()).toBe(200);
      version = (await res.json()).version;
    }
    const due = await t.db.query<{ days: number }>(
      `select (due_on - current_date)::int as days from followups where referral_id = $1 order by due_on`,
      [made.id],
    );
    expect(due.map((d) => d.days)).toEqual([7, 60]);
  });

  it('free text never reaches the database or the search index in the clear', async () => {
    const tables = ['cases', 'referrals', 'referral_events', 'followups', 'audit_log'];
    for (const table of tables) {
      const rows = await t.db.query(`select * from ${table}`);
      expect(JSON.stringify(rows), table).not.toContain(MARKER);
      expect(JSON.stringify(rows), table).not.toContain('最初は見学だけ');
    }
    const hits = await t.deps.meili.index(t.deps.indexName).search('MARKER-7f3a');
    expect(hits.hits).toEqual([]);
    const dump = await databaseDump(t.db);
    // The dump does hold what is stored in the clear (the pseudonymous code), so it is a real one.
    const [stored] = await t.db.query<{ code: string }>('select code from cases where id = $1', [caseId]);
    expect(dump.includes(Buffer.from(stored!.code))).toBe(true);
    expect(dump.includes(Buffer.from(MARKER)), `${kind} dump`).toBe(false);
    expect(dump.includes(Buffer.from('最初は見学だけ')), `${kind} dump`).toBe(false);
    expect(filesContaining(inject('meiliDataDir'), 'MARKER-7f3a')).toEqual([]);
    const outcomes = await (await t.app.request('/api/referrals/outcomes', as(staff))).json();
    expect(outcomes[0]).toMatchObject({ resourceId, sent: '3未満' });
  });

  it('closed cases past the retention period lose every trace of the person; statuses stay', async () => {
    const made = await (
      await post(t, coordinator, '/api/cases', {
        municipality: HIMI,
        members: [{ relation: 'self', profile: {} }],
        notes: 'RETAIN-MARKER',
      })
    ).json();
    const closed = await t.app.request(
      `/api/cases/${made.id}`,
      as(coordinator, { method: 'PATCH', body: JSON.stringify({ status: 'closed', version: made.version }) }),
    );
    expect(closed.status).toBe(200);
    await t.db.query(`update cases set closed_at = now() - interval '6 years' where id = $1`, [made.id]);
    const lines: string[] = [];
    const ctx = {
      db: t.db,
      auth: t.deps.auth,
      config: undefined as never,
      origin: '',
      out: (l: string) => lines.push(l),
      err: (l: string) => lines.push(l),
      stdin: async () => '',
      cwd: process.cwd(),
      inService: false,
    };
    expect(await runAdmin(ctx, ['retention', '--dry-run'])).toBe(0);
    expect(lines.join('\n')).toContain('1 件');
    expect((await t.app.request(`/api/cases/${made.id}`, as(coordinator))).status).toBe(200);
    expect(await runAdmin(ctx, ['retention'])).toBe(0);
    expect((await t.app.request(`/api/cases/${made.id}`, as(coordinator))).status).toBe(404);
    const [row] = await t.db.query<{ code: string; notes_sealed: string | null }>(
      'select code, notes_sealed from cases where id = $1',
      [made.id],
    );
    expect(row).toMatchObject({ notes_sealed: null });
    expect(row!.code).toMatch(/^anon-/);
  });

  it('staff erase a case on the person’s request; coordinators may not', async () => {
    const made = await (
      await post(t, coordinator, '/api/cases', { municipality: HIMI, members: [{ relation: 'self', profile: {} }] })
    ).json();
    expect((await post(t, coordinator, `/api/cases/${made.id}/erase`, {})).status).toBe(403);
    expect((await post(t, staff, `/api/cases/${made.id}/erase`, {})).status).toBe(200);
    expect((await t.app.request(`/api/cases/${made.id}`, as(coordinator))).status).toBe(404);
  });

  it('every read and write of this participant data is in the audit log', async () => {
    const actions = (await t.db.query<{ action: string }>('select action from audit_log')).map((r) => r.action);
    for (const a of [
      'case_create',
      'case_read',
      'referral_create',
      'referral_read',
      'referral_status',
      'referral_consent_withdrawn',
      'followup_list',
    ])
      expect(actions).toContain(a);
  });
  it('a plan that merges a referred resource into another moves its referrals and hosts; its old id still answers', async () => {
    const batch = inventoryBatch();
    const [survivor] = batch.resources.filter((r) => r.municipality === HIMI && r.id !== resourceId);
    const merged = {
      ...batch,
      resources: batch.resources
        .filter((r) => r.id !== resourceId)
        .map((r) => (r.id === survivor!.id ? { ...r, formerIds: [...(r.formerIds ?? []), resourceId] } : r)),
    };
    const summary = await runImport({ db: t.db, meili: t.deps.meili, indexName: t.deps.indexName }, merged);
    expect(summary.removed).toBe(1);
    const moved = await t.db.query<{ n: number }>('select count(*)::int as n from referrals where resource_id = $1', [
      survivor!.id,
    ]);
    expect(moved[0]!.n).toBeGreaterThan(0);
    const hosts = await t.db.query('select user_id from user_resources where resource_id = $1', [survivor!.id]);
    expect(hosts).toHaveLength(1);
    const old = await (await t.app.request(`/api/resources/${resourceId}`)).json();
    expect(old.resource.id).toBe(survivor!.id);
    expect(old.mergedFrom).toBe(resourceId);
    resourceId = survivor!.id;
  });

  it('a plan that drops a referred resource ends it: the id and the referral stay, the next import changes nothing', async () => {
    const batch = inventoryBatch();
    const dropped = { ...batch, resources: batch.resources.filter((r) => r.id !== resourceId) };
    const deps = { db: t.db, meili: t.deps.meili, indexName: t.deps.indexName };
    await runImport(deps, dropped);
    const page = await (await t.app.request(`/api/resources/${resourceId}`)).json();
    expect(page.resource.status).toBe('ended');
    expect((await t.app.request(`/api/referrals/${referral.id}`, as(coordinator))).status).toBe(200);
    const again = await runImport(deps, dropped);
    expect(again).toMatchObject({ added: 0, updated: 0, removed: 0 });
  });
});
