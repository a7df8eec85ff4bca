import * as v from 'valibot';

/**
 * When and in which document each municipality wrote down what the directory says. A page
 * shows the plan's date apart from the entry's verified-at date, so a resident can see the
 * information may be years old. Titles and dates are the documents' own (shared/seeds).
 */
export const PlanSchema = v.object({
  /** 全国地方公共団体コード of the municipality the document is about. */
  municipality: v.string(),
  title: v.string(),
  /** When the document was written, as it says: 「令和3年度」, 「令和6年3月」. */
  period: v.string(),
});

export type Plan = v.InferOutput<typeof PlanSchema>;

const plans: Record<string, Plan> = {
  '000_38d69632c5e9ae08.txt': {
    municipality: '222054',
    title: '熱海市 重層的支援体制整備事業 自治体事例資料（熱海市地域共生プラン）',
    period: '令和5年度',
  },
  '001_2719d1a6160a5cb4.txt': {
    municipality: '222224',
    title: '伊豆市 重層的支援体制整備事業 実施計画',
    period: '令和6年4月',
  },
  '002_11938973b168b4e1.txt': {
    municipality: '152056',
    title: '柏崎市重層的支援体制整備事業 実施計画',
    period: '令和6年3月',
  },
  '003_1c9cf5861f2cdcf8.txt': {
    municipality: '212105',
    title: '恵那市 重層的支援体制整備事業 実施計画（案）',
    period: '令和6年1月',
  },
  '004_224955cb04821ccd.txt': {
    municipality: '162051',
    title:
      '氷見市における地域共生社会の実現に向けた取り組み（令和3年度重層的支援体制構築推進人材養成研修 資料、氷見市社会福祉協議会）',
    period: '令和3年度',
  },
};

/** The plan a seed file is, or undefined for other sources (CSV, HSDS, staff entries). */
export function planOf(file: string): Plan | undefined {
  return plans[file];
}

/** Every known plan, keyed by seed file. */
export const PLAN_FILES = Object.keys(plans);
