import type { Target } from '@norishiro/data';
import { isOffered, isOpen, type Factor } from './types.ts';

/**
 * A situation only guessed from age (65+ → elderly…) is a weaker signal than one the
 * coordinator stated: a 13-year-old who refuses school belongs at ふれあいルーム before a
 * place that merely serves "children".
 */
export const IMPLIED_TARGET_FIT = 0.85;
/** A place for the person someone cares for: the carer is welcome, as family. */
export const CARED_FOR_FIT = 0.85;
/**
 * A care service (通所介護, 訪問介護…) reached only through a situation guessed from age: it
 * needs a need the coordinator has not stated, so it is offered less than a place to go.
 */
export const IMPLIED_SERVICE_FIT = 0.6;
/** A place for the person someone cares for that is not for families (an exercise class). */
export const CARED_FOR_PLACE_FIT = 0.5;
/** Open to anyone: fits, below a place meant for the person's situation. */
export const ANYONE_FIT = 0.7;
/** The plan does not say whom it is for: neither a fit nor a misfit, and never 「どなたでも」. */
export const UNSTATED_FIT = 0.5;
/** A children's place reached by an adult through another target (生活困窮 → 子どもの学習支援). */
export const ADULT_AT_CHILDREN_FIT = 0.5;

/** Who a target is, as a noun phrase a reason can use as is (never 「高齢者の人」). */
export const targetPhrases: Record<Target, string> = {
  anyone: 'どなたでも',
  elderly: '高齢の人',
  dementia: '認知症の人と家族',
  disability: '障がいのある人',
  child_rearing: '子育て中の親子',
  children: '子ども',
  school_refusal: '学校に行きづらい子ども',
  youth: '若い人',
  hikikomori: 'ひきこもりの状態にある人',
  poverty: '生活に困っている人',
  single_parent: 'ひとり親家庭',
  caregiver: '介護している家族',
};

export const phrases = (ts: readonly Target[]) => ts.map((t) => targetPhrases[t]).join('・');

/** Desks, services and dementia cafés take in the family; an exercise class is for the person. */
const servesFamilies = (categories: readonly string[], targets: readonly Target[]) =>
  targets.includes('dementia') ||
  targets.includes('caregiver') ||
  categories.some((c) => c === 'consultation' || c === 'life_support' || c === 'outreach' || c === 'childcare_hub');

/** Adults use a children's place as parents; otherwise it is for someone else. */
const asParent: Target[] = ['child_rearing', 'single_parent'];

/** A place meant for the person's situation fits better than one open to anyone. */
export const target: Factor = (doc, ctx) => {
  const own = ctx.situations.filter((s) => doc.targets.includes(s));
  const stated = own.filter((s) => ctx.profile.situations.includes(s));
  const cared = ctx.caredFor.filter((s) => doc.targets.includes(s));
  const adult = ctx.profile.age !== undefined && ctx.profile.age >= 18;
  const parent = ctx.situations.some((s) => asParent.includes(s)) || ctx.caredFor.includes('children');
  if (own.length > 0 && adult && !parent && doc.targets.includes('children')) {
    return { value: ADULT_AT_CHILDREN_FIT, reason: '子どもを対象にした場です。大人の本人が使えるかは要確認です' };
  }
  if (stated.length > 0) return { value: 1, reason: `${phrases(stated)}を対象にしています` };
  if (own.length > 0 && doc.categories.every((c) => c === 'life_support')) {
    return { value: IMPLIED_SERVICE_FIT, reason: `${phrases(own)}向けのサービスです。利用の条件は要確認です` };
  }
  if (own.length > 0)
    return { value: IMPLIED_TARGET_FIT, reason: `年齢や状況から見て、${phrases(own)}を対象にした場です` };
  if (cared.length > 0 && servesFamilies(doc.categories, doc.targets)) {
    return {
      value: CARED_FOR_FIT,
      reason: `介護・世話をしている相手（${phrases(cared)}）のための場で、家族も相談できます`,
    };
  }
  if (cared.length > 0) {
    return { value: CARED_FOR_PLACE_FIT, reason: `介護・世話をしている相手（${phrases(cared)}）が通う場です` };
  }
  if (doc.targets.includes('anyone')) {
    if (!isOffered(doc)) return { value: ANYONE_FIT, reason: '対象を限らない取り組みです（参加する場ではありません）' };
    if (!isOpen(doc)) return { value: ANYONE_FIT, reason: '対象を限らない予定の場です（まだ開いていません）' };
    return { value: ANYONE_FIT, reason: 'どなたでも参加できます（属性を問いません）' };
  }
  if (doc.targets.length === 0)
    return {
      value: UNSTATED_FIT,
      reason: 'だれを対象にしているかは計画に書かれていません（参加できるかは要確認です）',
    };
  return { value: 0, reason: '対象が本人の状況と合いません' };
};
