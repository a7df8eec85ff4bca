import type { Role } from '@norishiro/api';
import { createAccount, ReferralService, scoped } from '@norishiro/api';
import type { TestApp } from '../../support/app.ts';

export const OWN = '162051'; // 氷見市
export const OTHER = '212105'; // 恵那市

export type Where = 'own' | 'other';

export interface RouteCase {
  /** Concrete path with its parameters filled for an object in the given municipality. */
  path: string;
  body?: unknown;
}

/**
 * How to call each non-public route for the authorization matrix: an object in the
 * caller's municipality (`own`) and one in another (`other`), and the status a permitted
 * role gets for each. A non-public route missing here fails the matrix.
 */
export interface RouteFixture {
  setup(t: TestApp, where: Where): Promise<RouteCase>;
  /** Status for a permitted role; `other` defaults to 404 (existence is not revealed). */
  ok: (role: Role, where: Where) => number;
}

let n = 0;
const uniqueEmail = (tag: string) => `${tag}-${++n}-${Date.now()}@example.test`;

async function coordinatorIn(t: TestApp, municipality: string) {
  return createAccount(t.db, t.deps.auth, {
    email: uniqueEmail('target'),
    name: '対象',
    role: 'coordinator',
    municipalities: [municipality],
  });
}

const city = (where: Where) => (where === 'own' ? OWN : OTHER);

/** A resource of the city, and its current version for an edit. */
async function resourceIn(t: TestApp, where: Where) {
  const [row] = await t.db.query<{ id: string }>(
    'select id from resources where municipality = $1 and not synthetic order by id limit 1',
    [city(where)],
  );
  return row!.id;
}

/** Staff of the city get through; a host who does not operate the resource, not. */
const staffOnly = (ok: number) => (role: Role, where: Where) => (role === 'staff' && where === 'own' ? ok : 404);

async function suggestionIn(t: TestApp, where: Where) {
  const id = await resourceIn(t, where);
  const [row] = await t.db.query<{ id: number }>(
    `insert into resource_suggestions (resource_id, municipality, kind, message) values ($1, $2, 'resident', 'テスト') returning id`,
    [id, city(where)],
  );
  return Number(row!.id);
}

async function conflictIn(t: TestApp, where: Where) {
  const id = await resourceIn(t, where);
  const [row] = await t.db.query<{ id: number }>(
    `insert into import_conflicts (resource_id, field, staff_value, incoming_value) values ($1, 'notes', '"職員"', $2) returning id`,
    [id, JSON.stringify(`計画 ${++n}`)],
  );
  return Number(row!.id);
}

/** A case and a referral made directly through the service, as that city's coordinator would. */
async function caseIn(t: TestApp, where: Where): Promise<string> {
  const service = new ReferralService(t.db, t.deps.cipher);
  const actor = {
    userId: 'fixture',
    email: 'f@example.test',
    name: 'fixture',
    role: 'coordinator' as const,
    municipalities: [city(where)],
    resources: [],
    ip: 'test',
  };
  const c = await service.createCase(scoped(t.db, actor), {
    municipality: city(where),
    members: [{ relation: 'self', profile: {} as never }],
  });
  return c.id;
}

async function referralIn(t: TestApp, where: Where): Promise<string> {
  const service = new ReferralService(t.db, t.deps.cipher);
  const actor = {
    userId: 'fixture',
    email: 'f@example.test',
    name: 'fixture',
    role: 'coordinator' as const,
    municipalities: [city(where)],
    resources: [],
    ip: 'test',
  };
  const { referral } = await service.createReferral(scoped(t.db, actor), {
    caseId: await caseIn(t, where),
    member: 0,
    resourceId: await resourceIn(t, where),
    consent: { basis: 'support_meeting', meetingDate: '2026-11-01', hostIsMember: true },
    send: true,
  });
  return referral.id;
}

async function followupIn(t: TestApp, where: Where): Promise<number> {
  const id = await referralIn(t, where);
  const [row] = await t.db.query<{ id: number }>(
    `insert into followups (referral_id, municipality, due_on) values ($1, $2, current_date) returning id`,
    [id, city(where)],
  );
  return Number(row!.id);
}

async function gapIn(t: TestApp, where: Where): Promise<string> {
  const [row] = await t.db.query<{ id: string }>(
    `insert into gaps (id, municipality, period, key) values ($1, $2, '2026-11', $1) returning id`,
    [`gap-${++n}`, city(where)],
  );
  return row!.id;
}

/** Hosts in the matrix operate no resource, so every referral is someone else's. */
const notForHost = (ok: number) => (role: Role, where: Where) => (role === 'host' || where === 'other' ? 404 : ok);

export const routeFixtures: Record<string, RouteFixture> = {
  'GET /api/me': { setup: async () => ({ path: '/api/me' }), ok: () => 200 },
  'GET /api/accounts': { setup: async () => ({ path: '/api/accounts' }), ok: () => 200 },
  'POST /api/accounts': {
    setup: async (_t, where) => ({
      path: '/api/accounts',
      body: { email: uniqueEmail('new'), name: '新規', role: 'coordinator', municipalities: [city(where)] },
    }),
    // Creating in another city is refused outright: the city is in the request, not hidden.
    ok: (role, where) => (role === 'admin' || where === 'own' ? 201 : 403),
  },
  'POST /api/accounts/:id/disable': {
    setup: async (t, where) => ({ path: `/api/accounts/${(await coordinatorIn(t, city(where))).id}/disable` }),
    ok: (role, where) => (role === 'admin' || where === 'own' ? 200 : 404),
  },
  'GET /api/audit': { setup: async () => ({ path: '/api/audit' }), ok: () => 200 },
  'GET /api/resources/mine': { setup: async () => ({ path: '/api/resources/mine' }), ok: () => 200 },
  'GET /api/resources/:id/edit': {
    setup: async (t, where) => ({ path: `/api/resources/${await resourceIn(t, where)}/edit` }),
    ok: staffOnly(200),
  },
  'PUT /api/resources/:id/edit': {
    setup: async (t, where) => {
      const id = await resourceIn(t, where);
      const [row] = await t.db.query<{ data: object }>('select data from resources where id = $1', [id]);
      return { path: `/api/resources/${id}/edit`, body: { resource: row!.data, version: 'stale' } };
    },
    // Found and permitted, but the version is stale: the lock answers, not the data.
    ok: staffOnly(409),
  },
  'POST /api/resources/:id/retire': {
    setup: async (t, where) => ({ path: `/api/resources/${await resourceIn(t, where)}/retire`, body: { reason: '' } }),
    ok: () => 400,
  },
  'POST /api/resources/new': {
    setup: async (_t, where) => ({ path: '/api/resources/new', body: { municipality: city(where) } }),
    ok: (role, where) => (role === 'host' ? 403 : where === 'own' ? 400 : 403),
  },
  'GET /api/review': { setup: async () => ({ path: '/api/review' }), ok: () => 200 },
  'POST /api/review/:id': {
    setup: async (t, where) => ({
      path: `/api/review/${await suggestionIn(t, where)}`,
      body: { decision: 'dismiss', reason: 'テスト' },
    }),
    ok: (_role, where) => (where === 'own' ? 200 : 404),
  },
  'GET /api/cases': { setup: async () => ({ path: '/api/cases' }), ok: () => 200 },
  'POST /api/cases': {
    setup: async (_t, where) => ({
      path: '/api/cases',
      body: { municipality: city(where), members: [{ relation: 'self', profile: {} }] },
    }),
    ok: (_role, where) => (where === 'own' ? 201 : 403),
  },
  'GET /api/cases/:id': {
    setup: async (t, where) => ({ path: `/api/cases/${await caseIn(t, where)}` }),
    ok: (_r, where) => (where === 'own' ? 200 : 404),
  },
  'POST /api/cases/:id/erase': {
    setup: async (t, where) => ({ path: `/api/cases/${await caseIn(t, where)}/erase` }),
    ok: (_r, where) => (where === 'own' ? 200 : 404),
  },
  'PATCH /api/cases/:id': {
    setup: async (t, where) => ({ path: `/api/cases/${await caseIn(t, where)}`, body: { version: 999 } }),
    ok: (_r, where) => (where === 'own' ? 409 : 404),
  },
  'GET /api/referrals': { setup: async () => ({ path: '/api/referrals' }), ok: () => 200 },
  'POST /api/referrals': {
    setup: async (t, where) => ({
      path: '/api/referrals',
      body: {
        caseId: await caseIn(t, where),
        member: 0,
        resourceId: await resourceIn(t, where),
        consent: { basis: 'support_meeting', meetingDate: '2026-11-01', hostIsMember: true },
      },
    }),
    ok: (role, where) => (role === 'host' ? 403 : where === 'own' ? 201 : 404),
  },
  'GET /api/referrals/outcomes': { setup: async () => ({ path: '/api/referrals/outcomes' }), ok: () => 200 },
  'GET /api/referrals/:id': {
    setup: async (t, where) => ({ path: `/api/referrals/${await referralIn(t, where)}` }),
    ok: notForHost(200),
  },
  'POST /api/referrals/:id/events': {
    setup: async (t, where) => ({
      path: `/api/referrals/${await referralIn(t, where)}/events`,
      body: { version: 999 },
    }),
    ok: notForHost(409),
  },
  'GET /api/referrals/:id/print': {
    setup: async (t, where) => ({ path: `/api/referrals/${await referralIn(t, where)}/print` }),
    ok: notForHost(200),
  },
  'GET /api/referrals/:id/visit.ics': {
    setup: async (t, where) => ({ path: `/api/referrals/${await referralIn(t, where)}/visit.ics` }),
    // No visit date yet: the calendar file does not exist for anyone.
    ok: () => 404,
  },
  'GET /api/followups': { setup: async () => ({ path: '/api/followups' }), ok: () => 200 },
  'POST /api/followups/:id': {
    setup: async (t, where) => ({ path: `/api/followups/${await followupIn(t, where)}`, body: { how: '順調' } }),
    ok: (_r, where) => (where === 'own' ? 200 : 404),
  },
  'GET /api/gaps': { setup: async () => ({ path: '/api/gaps' }), ok: () => 200 },
  'POST /api/gaps': {
    setup: async (_t, where) => ({ path: '/api/gaps', body: { municipality: city(where), categories: ['ibasho'] } }),
    ok: (_r, where) => (where === 'own' ? 201 : 404),
  },
  'PATCH /api/gaps/:id': {
    setup: async (t, where) => ({ path: `/api/gaps/${await gapIn(t, where)}`, body: { comment: '確認' } }),
    ok: (_r, where) => (where === 'own' ? 200 : 404),
  },
  'GET /api/coverage': {
    setup: async (_t, where) => ({ path: `/api/coverage?municipality=${city(where)}` }),
    ok: (_r, where) => (where === 'own' ? 200 : 404),
  },
  'GET /api/gaps/trends': {
    setup: async (_t, where) => ({ path: `/api/gaps/trends?municipality=${city(where)}` }),
    ok: (_r, where) => (where === 'own' ? 200 : 404),
  },
  'GET /api/coverage/map': {
    setup: async (_t, where) => ({ path: `/api/coverage/map?municipality=${city(where)}` }),
    ok: (_r, where) => (where === 'own' ? 200 : 404),
  },
  'GET /api/reports/kochiku': {
    setup: async (_t, where) => ({
      path: `/api/reports/kochiku?municipality=${city(where)}&from=2026-11-01&to=2026-11-30`,
    }),
    ok: (_r, where) => (where === 'own' ? 200 : 404),
  },
  'GET /api/settings/:code': {
    setup: async (_t, where) => ({ path: `/api/settings/${city(where)}` }),
    ok: (_role, where) => (where === 'own' ? 200 : 404),
  },
  'PUT /api/settings/:code': {
    setup: async (_t, where) => ({ path: `/api/settings/${city(where)}`, body: { hostChangesPublishDirectly: false } }),
    ok: (_role, where) => (where === 'own' ? 200 : 404),
  },
  'GET /api/conflicts': { setup: async () => ({ path: '/api/conflicts' }), ok: () => 200 },
  'POST /api/conflicts/:id': {
    setup: async (t, where) => ({ path: `/api/conflicts/${await conflictIn(t, where)}`, body: { keep: 'staff' } }),
    ok: (_role, where) => (where === 'own' ? 200 : 404),
  },
};
