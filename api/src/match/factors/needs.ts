import type { NeedsFlags } from '@norishiro/data';
import { NEUTRAL, type Candidate, type Factor } from './types.ts';

type Check = (doc: Candidate) => { value: number; text: string };

/** Each requested need: 1 when the plan says so, 0.5 when unknown, 0 when it says otherwise. */
const checks: Record<keyof NeedsFlags, Check> = {
  free: (d) =>
    d.cost === 'free'
      ? { value: 1, text: '無料です' }
      : d.cost === 'paid'
        ? { value: 0, text: '費用がかかります' }
        : { value: NEUTRAL, text: '費用は要確認です' },
  wheelchair: (d) =>
    d.features.includes('wheelchair')
      ? { value: 1, text: '車いすで利用できます' }
      : { value: NEUTRAL, text: '車いすでの利用は要確認です' },
  peerSupport: (d) =>
    d.features.includes('peer_support')
      ? { value: 1, text: '当事者どうしの支えがあります' }
      : { value: NEUTRAL, text: 'ピアサポートの有無は要確認です' },
  smallGroup: (d) =>
    d.features.includes('small_group')
      ? { value: 1, text: '少人数です' }
      : { value: NEUTRAL, text: '人数の規模は要確認です' },
  withChild: (d) =>
    d.features.includes('child_welcome') || d.targets.includes('child_rearing')
      ? { value: 1, text: '子ども連れで参加できます' }
      : { value: NEUTRAL, text: '子ども連れで参加できるかは要確認です' },
};

export const needs: Factor = (doc, ctx) => {
  const asked = (Object.keys(checks) as (keyof NeedsFlags)[]).filter((k) => ctx.profile.needs[k]);
  if (asked.length === 0) return { value: NEUTRAL, reason: '配慮の希望の指定はありません' };
  const results = asked.map((k) => checks[k](doc));
  return {
    value: results.reduce((s, r) => s + r.value, 0) / results.length,
    reason: results.map((r) => r.text).join('。'),
  };
};
