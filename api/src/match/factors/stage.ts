import { stageLabels, type Stage } from '@norishiro/data';
import type { Factor } from './types.ts';

/**
 * The participation ladder: the same step or one above works best; a step back is fine;
 * far above is discouraged.
 */
export const stage: Factor = (doc, ctx) => {
  const now = ctx.profile.stage;
  const label = (s: Stage) => `「${stageLabels[s].ja}」`;
  const best = [...doc.stages].sort((a, b) => fit(a - now) - fit(b - now)).reverse()[0] ?? now;
  const diff = best - now;
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

function fit(diff: number): number {
  if (diff === 0 || diff === 1) return 1;
  if (diff === -1) return 0.6;
  if (diff < -1) return 0.4;
  return 0.1;
}
