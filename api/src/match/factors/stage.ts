import { stageLabels, type Stage } from '@norishiro/data';
import type { Factor } from './types.ts';

/**
 * The participation ladder: the same step or one above works best; a step back is fine;
 * far above is discouraged.
 */
export const stage: Factor = (doc, ctx) => {
  const now = ctx.profile.stage;
  const label = (s: Stage) => `「${stageLabels[s].ja}」`;
  const diff = bestStageDiff(doc.stages, now);
  const best = (now + diff) as Stage;
  const reason =
    diff === 0
      ? `今の段階${label(now)}に合っています`
      : diff === 1
        ? `今より一歩先の段階${label(best)}の場で、次の一歩に向いています`
        : diff < 0
          ? `今より前の段階${label(best)}の場です`
          : `段階${label(best)}は今の段階${label(now)}から離れていて、負担が大きいかもしれません`;
  return { value: fit(diff), reason };
};

/**
 * How far the resource's best step is from the person's: 0 (same step) first, then one step
 * up, then back, so that a tie never prefers A型 to B型 for someone at stage 3.
 */
export function bestStageDiff(stages: readonly Stage[], now: Stage): number {
  let best = 0;
  let bestOrder = Number.POSITIVE_INFINITY;
  for (const s of stages) {
    const d = s - now;
    const order = d === 0 ? 0 : d === 1 ? 1 : d < 0 ? 2 - d : 10 + d;
    if (order < bestOrder) [best, bestOrder] = [d, order];
  }
  return best;
}

function fit(diff: number): number {
  if (diff === 0 || diff === 1) return 1;
  if (diff === -1) return 0.6;
  if (diff < -1) return 0.2;
  return 0.1;
}
