import type { Role } from '@norishiro/api';
import { createAccount } from '@norishiro/api';
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
};
