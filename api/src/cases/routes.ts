import { Hono } from 'hono';
import { CasePatchSchema, NewCaseSchema } from '@norishiro/data';
import { requires, type AuthEnv } from '../auth/permissions.ts';
import type { ReferralService } from '../referrals/service.ts';
import { scoped } from '../store/scope.ts';
import type { Db } from '@norishiro/indexer';
import { jsonBody, parseInput } from '../validate.ts';

/** Cases: a household or a person under a pseudonymous code, for coordinators and staff. */
export function caseRoutes(db: Db, service: ReferralService) {
  return new Hono<AuthEnv>()
    .get('/', requires('cases:read'), async (c) => c.json(await service.listCases(scoped(db, c.get('actor')!))))
    .post('/', requires('cases:write'), async (c) => {
      const body = parseInput(NewCaseSchema, await jsonBody(c.req), 'ケース');
      return c.json(await service.createCase(scoped(db, c.get('actor')!), body), 201);
    })
    .get('/:id', requires('cases:read'), async (c) =>
      c.json(await service.getCase(scoped(db, c.get('actor')!), c.req.param('id'))),
    )
    .post('/:id/erase', requires('cases:erase'), async (c) => {
      await service.eraseCase(scoped(db, c.get('actor')!), c.req.param('id'));
      return c.json({ ok: true });
    })
    .patch('/:id', requires('cases:write'), async (c) => {
      const body = parseInput(CasePatchSchema, await jsonBody(c.req), 'ケース');
      return c.json(await service.patchCase(scoped(db, c.get('actor')!), c.req.param('id'), body));
    });
}
