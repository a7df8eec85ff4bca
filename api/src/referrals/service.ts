import {
  canMove,
  isOpen,
  referralStatusLabels,
  sharedItems,
  type Case,
  type CaseSummary,
  type NewCase,
  type NewReferral,
  type Referral,
  type ReferralEventInput,
  type ReferralStatus,
  type SharedProfile,
} from '@norishiro/data';
import { getResource, type Db } from '@norishiro/indexer';
import { audit } from '../audit/log.ts';
import type { FieldCipher } from '../crypto/fields.ts';
import { HttpError } from '../errors.ts';
import * as cases from '../store/cases.ts';
import * as referrals from '../store/referrals.ts';
import { anonymizeCase } from '../store/retention.ts';
import { readSettings } from '../store/edits.ts';
import { within, type Scope } from '../store/scope.ts';

const noCase = () => new HttpError('not_found', 'ケースが見つかりません');
const noReferral = () => new HttpError('not_found', '紹介が見つかりません');
const stale = () =>
  new HttpError('conflict', 'ほかの人が先に更新しました。画面を読み込み直してから、もう一度操作してください');

/** Municipality prefixes for generated case codes. */
const PREFIX: Record<string, string> = {
  '222054': 'ATA',
  '222224': 'IZU',
  '152056': 'KSZ',
  '212105': 'ENA',
  '162051': 'HMI',
};

/** What of a member's profile a referral carries to the host: the consented items only. */
export function shareFor(c: Case, member: number, items: readonly string[], note: string | undefined): SharedProfile {
  const p = c.members[member]?.profile;
  if (!p)
    throw new HttpError('invalid_request', 'その世帯員はいません', [
      { path: 'member', message: 'その世帯員はいません' },
    ]);
  return {
    ...(items.includes('situations') ? { situations: p.situations } : {}),
    ...(items.includes('stage') ? { stage: p.stage } : {}),
    ...(items.includes('availability') ? { availability: p.availability } : {}),
    ...(items.includes('interests') ? { interests: p.interests } : {}),
    ...(items.includes('note') && note ? { note } : {}),
  };
}

/** Which moves a host may make on a referral addressed to them. */
const HOST_MOVES: readonly ReferralStatus[] = ['host_confirmed', 'visit_scheduled', 'started', 'not_established'];

/**
 * Cases and referrals: every read and write is in the audit log, in the same transaction
 * as the data it is about.
 */
export class ReferralService {
  constructor(
    private readonly db: Db,
    private readonly cipher: FieldCipher,
  ) {}

  listCases(scope: Scope): Promise<CaseSummary[]> {
    return this.db.transaction(async (tx) => {
      const list = await cases.listCases(within(scope, tx), this.cipher);
      await audit(tx, scope.actor, { action: 'case_list', objectType: 'case', municipality: scope.municipalities[0] });
      return list;
    });
  }

  createCase(scope: Scope, input: NewCase): Promise<Case> {
    if (!scope.municipalities.includes(input.municipality))
      throw new HttpError('forbidden', 'この自治体のケースは作れません');
    return this.db.transaction(async (tx) => {
      const s = within(scope, tx);
      let code =
        input.code ?? cases.generateCode(PREFIX[input.municipality] ?? input.municipality, new Date().getFullYear());
      if (await cases.codeTaken(s, input.municipality, code)) {
        if (input.code) throw new HttpError('conflict', `ケースの記号 ${code} はもう使われています`);
        code = cases.generateCode(PREFIX[input.municipality] ?? input.municipality, new Date().getFullYear());
      }
      const id = await cases.insertCase(s, this.cipher, { ...input, code });
      await audit(tx, scope.actor, {
        action: 'case_create',
        objectType: 'case',
        objectId: id,
        municipality: input.municipality,
      });
      return (await cases.findCase(s, this.cipher, id))!;
    });
  }

  getCase(scope: Scope, id: string): Promise<Case> {
    return this.db.transaction(async (tx) => {
      const found = await cases.findCase(within(scope, tx), this.cipher, id);
      if (!found) throw noCase();
      await audit(tx, scope.actor, {
        action: 'case_read',
        objectType: 'case',
        objectId: id,
        municipality: found.municipality,
      });
      return found;
    });
  }

  patchCase(
    scope: Scope,
    id: string,
    patch: {
      members?: Case['members'];
      contactNote?: string;
      notes?: string;
      status?: Case['status'];
      version: number;
    },
  ): Promise<Case> {
    return this.db.transaction(async (tx) => {
      const s = within(scope, tx);
      const found = await cases.findCase(s, this.cipher, id, true);
      if (!found) throw noCase();
      if (found.version !== patch.version) throw stale();
      await cases.updateCase(s, this.cipher, {
        id,
        members: patch.members ?? found.members,
        contactNote: patch.contactNote ?? found.contactNote,
        notes: patch.notes ?? found.notes,
        status: patch.status ?? found.status,
      });
      await audit(tx, scope.actor, {
        action: 'case_update',
        objectType: 'case',
        objectId: id,
        municipality: found.municipality,
      });
      return (await cases.findCase(s, this.cipher, id))!;
    });
  }

  /** On the person's request: text and codes go now; statuses stay for statistics. */
  eraseCase(scope: Scope, id: string): Promise<void> {
    return this.db.transaction(async (tx) => {
      const found = await cases.findCase(within(scope, tx), this.cipher, id, true);
      if (!found) throw noCase();
      await anonymizeCase(tx, id);
      await audit(tx, scope.actor, {
        action: 'case_erase',
        objectType: 'case',
        objectId: id,
        municipality: found.municipality,
      });
    });
  }

  async createReferral(
    scope: Scope,
    input: NewReferral,
    idempotencyKey?: string,
  ): Promise<{ referral: Referral; created: boolean }> {
    return this.db.transaction(async (tx) => {
      const s = within(scope, tx);
      const found = await cases.findCase(s, this.cipher, input.caseId);
      if (!found) throw noCase();
      const resource = await getResource(tx, input.resourceId);
      if (!resource) throw new HttpError('not_found', '紹介先の資源が見つかりません');
      const status: ReferralStatus = input.send ? 'referred' : 'draft';
      const shared = shareFor(found, input.member, sharedItems(input.consent, false), input.noteForHost);
      const out = await referrals.insertReferral(s, this.cipher, {
        idempotencyKey,
        caseId: found.id,
        member: input.member,
        municipality: found.municipality,
        resourceId: resource.id,
        status,
        consent: input.consent,
        shared,
      });
      if (out.created) {
        await referrals.recordEvent(s, this.cipher, { referralId: out.id, kind: 'status', from: null, to: status });
        await audit(tx, scope.actor, {
          action: 'referral_create',
          objectType: 'referral',
          objectId: out.id,
          municipality: found.municipality,
        });
      }
      return { referral: (await referrals.findReferral(s, this.cipher, out.id))!, created: out.created };
    });
  }

  listReferrals(scope: Scope, filter: { caseId?: string }): Promise<Referral[]> {
    return this.db.transaction(async (tx) => {
      const list = await referrals.listReferrals(within(scope, tx), this.cipher, filter);
      await audit(tx, scope.actor, {
        action: 'referral_list',
        objectType: 'referral',
        municipality: scope.municipalities[0],
      });
      return list;
    });
  }

  getReferral(scope: Scope, id: string, action = 'referral_read'): Promise<Referral> {
    return this.db.transaction(async (tx) => {
      const found = await referrals.findReferral(within(scope, tx), this.cipher, id);
      if (!found) throw noReferral();
      await audit(tx, scope.actor, { action, objectType: 'referral', objectId: id, municipality: found.municipality });
      return found;
    });
  }

  /** A status change, a visit date, attendance, a withdrawn consent or a host's call for help. */
  event(scope: Scope, id: string, input: ReferralEventInput & { hostRequest?: boolean }): Promise<Referral> {
    return this.db.transaction(async (tx) => {
      const s = within(scope, tx);
      const r = await referrals.findReferral(s, this.cipher, id, true);
      if (!r) throw noReferral();
      if (r.version !== input.version) throw stale();
      const host = scope.actor.role === 'host';
      if (input.to) {
        if (!canMove(r.status, input.to))
          throw new HttpError(
            'conflict',
            `「${referralStatusLabels[r.status]}」から「${referralStatusLabels[input.to]}」には進められません`,
          );
        if (host && !HOST_MOVES.includes(input.to)) throw new HttpError('forbidden', 'この変更は担当者が行います');
        if ((input.to === 'not_established' || input.to === 'ended') && !input.reason)
          throw new HttpError('invalid_request', '理由を選んでください', [
            { path: 'reason', message: '理由を選んでください' },
          ]);
        if (input.to === 'visit_scheduled' && !input.visitDate && !r.visitDate)
          throw new HttpError('invalid_request', '見学・体験の日を入れてください', [
            { path: 'visitDate', message: '見学・体験の日を入れてください' },
          ]);
      }
      if (input.withdrawConsent && host) throw new HttpError('forbidden', '同意の取り消しは担当者が記録します');
      if (input.hostRequest && !host) throw new HttpError('invalid_request', '支援依頼は受け入れ先から送ります');
      const ok = await referrals.updateReferral(s, id, r.version, {
        status: input.to,
        ...(input.visitDate ? { visitDate: input.visitDate } : {}),
        ...(input.withdrawConsent ? { consentWithdrawn: true, sharedSealed: null } : {}),
      });
      if (!ok) throw stale();
      const kind = input.withdrawConsent
        ? 'consent_withdrawn'
        : input.hostRequest
          ? 'host_request'
          : input.to
            ? 'status'
            : input.attended !== undefined
              ? 'attendance'
              : 'note';
      await referrals.recordEvent(s, this.cipher, {
        referralId: id,
        kind,
        from: input.to ? r.status : null,
        to: input.to ?? null,
        reason: input.reason,
        note: [
          input.attended === true ? '参加した' : input.attended === false ? '参加しなかった' : '',
          input.visitDate ? `見学・体験の日: ${input.visitDate}` : '',
          input.note ?? '',
        ]
          .filter(Boolean)
          .join('\n'),
      });
      if (input.to === 'started')
        await referrals.scheduleFollowups(s, id, r.municipality, (await readSettings(tx, r.municipality)).followupDays);
      if (input.hostRequest) await referrals.addHostRequest(s, id, r.municipality);
      if (input.to && !isOpen(input.to))
        await tx.query(
          `update followups set done_at = now() where referral_id = $1 and done_at is null and kind = 'scheduled'`,
          [id],
        );
      await audit(tx, scope.actor, {
        action: `referral_${kind}`,
        objectType: 'referral',
        objectId: id,
        municipality: r.municipality,
      });
      return (await referrals.findReferral(s, this.cipher, id))!;
    });
  }

  followups(scope: Scope) {
    return this.db.transaction(async (tx) => {
      const list = await referrals.dueFollowups(within(scope, tx), this.cipher);
      await audit(tx, scope.actor, {
        action: 'followup_list',
        objectType: 'followup',
        municipality: scope.municipalities[0],
      });
      return list;
    });
  }

  completeFollowup(scope: Scope, id: number, how: string, next?: string) {
    return this.db.transaction(async (tx) => {
      const referralId = await referrals.completeFollowup(within(scope, tx), this.cipher, id, how, next);
      if (!referralId) throw new HttpError('not_found', '確認の予定が見つかりません');
      await audit(tx, scope.actor, {
        action: 'followup_record',
        objectType: 'referral',
        objectId: referralId,
        municipality: scope.municipalities[0],
      });
    });
  }

  outcomes(scope: Scope) {
    return referrals.outcomes(scope);
  }
}
