import { Hono } from 'hono';
import * as v from 'valibot';
import { FollowupRecordSchema, NewReferralSchema, ReferralEventInputSchema, suppressSmall } from '@norishiro/data';
import { getResource, type Db } from '@norishiro/indexer';
import { requires, type AuthEnv } from '../auth/permissions.ts';
import { HttpError } from '../errors.ts';
import { scoped } from '../store/scope.ts';
import { jsonBody, parseInput } from '../validate.ts';
import { visitIcs } from './ics.ts';
import type { ReferralService } from './service.ts';

const IdempotencyKey = v.optional(
  v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{8,100}$/, 'Idempotency-Key は8〜100文字の英数字です')),
);

/** Referrals from a case to a host, their loop, the 紹介票 and the follow-ups. */
export function referralRoutes(db: Db, service: ReferralService, origin: string) {
  const scope = (c: { get(k: 'actor'): AuthEnv['Variables']['actor'] }) => scoped(db, c.get('actor')!);
  return new Hono<AuthEnv>()
    .get('/outcomes', requires('reports:read'), async (c) =>
      c.json(
        (await service.outcomes(scope(c))).map((o) => ({
          ...o,
          sent: suppressSmall(o.sent),
          accepted: suppressSmall(o.accepted),
          started: suppressSmall(o.started),
          stillAt3Months: suppressSmall(o.stillAt3Months),
        })),
      ),
    )
    .get('/', requires('referrals:read'), async (c) =>
      c.json(await service.listReferrals(scope(c), { caseId: c.req.query('caseId') })),
    )
    .post('/', requires('referrals:write'), async (c) => {
      const s = scope(c);
      if (s.actor.role === 'host') throw new HttpError('forbidden', '紹介は担当者が作ります');
      const key = parseInput(IdempotencyKey, c.req.header('idempotency-key'), 'Idempotency-Key');
      const body = parseInput(NewReferralSchema, await jsonBody(c.req), '紹介');
      const out = await service.createReferral(s, body, key);
      return c.json(out.referral, out.created ? 201 : 200);
    })
    .get('/:id', requires('referrals:read'), async (c) =>
      c.json(await service.getReferral(scope(c), c.req.param('id'))),
    )
    .post('/:id/events', requires('referrals:write'), async (c) => {
      const body = parseInput(
        v.object({ ...ReferralEventInputSchema.entries, hostRequest: v.optional(v.boolean()) }),
        await jsonBody(c.req),
        '紹介の変更',
      );
      return c.json(await service.event(scope(c), c.req.param('id'), body));
    })
    .get('/:id/print', requires('referrals:read'), async (c) => {
      const referral = await service.getReferral(scope(c), c.req.param('id'), 'referral_print');
      const resource = await getResource(db, referral.resourceId);
      return c.json({ referral, resource, coordinator: { name: c.get('actor')!.name, email: c.get('actor')!.email } });
    })
    .get('/:id/visit.ics', requires('referrals:read'), async (c) => {
      const r = await service.getReferral(scope(c), c.req.param('id'), 'referral_calendar');
      if (!r.visitDate) throw new HttpError('not_found', '見学・体験の日はまだ決まっていません');
      return c.body(visitIcs({ id: r.id, resourceName: r.resourceName, visitDate: r.visitDate }, origin), 200, {
        'content-type': 'text/calendar; charset=utf-8',
        'content-disposition': 'attachment; filename="visit.ics"',
      });
    });
}

export function followupRoutes(db: Db, service: ReferralService) {
  return new Hono<AuthEnv>()
    .get('/', requires('followups:read'), async (c) => c.json(await service.followups(scoped(db, c.get('actor')!))))
    .post('/:id', requires('followups:write'), async (c) => {
      const id = parseInput(
        v.pipe(v.string(), v.regex(/^\d+$/, '番号が正しくありません'), v.transform(Number)),
        c.req.param('id'),
        '番号',
      );
      const body = parseInput(FollowupRecordSchema, await jsonBody(c.req), '確認の記録');
      await service.completeFollowup(scoped(db, c.get('actor')!), id, body.how, body.next);
      return c.json({ ok: true });
    });
}
