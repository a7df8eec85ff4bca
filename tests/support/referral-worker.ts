// A coordinator's process that keeps creating referrals and moving them along until it is
// killed: the parent kills it with SIGKILL at a random moment and checks what was left.
import { cipherFrom, ReferralService, scoped } from '@norishiro/api';
import { migrate, openPglite, openPostgres } from '@norishiro/indexer';

const [target, resourceId, caseId] = process.argv.slice(2) as [string, string, string];
const db = target.startsWith('postgres') ? await openPostgres(target) : await openPglite(target);
await migrate(db);
const service = new ReferralService(db, cipherFrom(Buffer.alloc(32, 7)));
const actor = {
  userId: 'worker',
  email: 'w@example.test',
  name: 'worker',
  role: 'coordinator' as const,
  municipalities: ['162051'],
  resources: [],
  ip: 'test',
};
const scope = scoped(db, actor);
console.log('READY');
for (let i = 0; ; i++) {
  const { referral } = await service.createReferral(scope, {
    caseId,
    member: 0,
    resourceId,
    consent: { basis: 'support_meeting', meetingDate: '2026-11-01', hostIsMember: true },
    noteForHost: `note ${i}`,
    send: true,
  });
  let version = referral.version;
  for (const to of ['host_confirmed', 'visit_scheduled', 'started'] as const) {
    const next = await service.event(scope, referral.id, {
      to,
      version,
      ...(to === 'visit_scheduled' ? { visitDate: '2026-12-01' } : {}),
      note: `step ${to}`,
    });
    version = next.version;
  }
}
