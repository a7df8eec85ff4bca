import type { Source } from '@norishiro/data';

export interface PlanRef {
  title: string;
  period: string;
}

/**
 * The five plans as ../shared/seeds/README.md names them, for API answers that do not carry
 * `plan` yet (data contract: planOf in data/src/source/plans.ts). Never the hashed file name.
 */
const seeds: Readonly<Record<string, PlanRef>> = {
  '000_38d69632c5e9ae08.txt': { title: '自治体事例資料', period: '令和5年度' },
  '001_2719d1a6160a5cb4.txt': { title: '実施計画', period: '2024年4月' },
  '002_11938973b168b4e1.txt': { title: '実施計画', period: '令和6年3月' },
  '003_1c9cf5861f2cdcf8.txt': { title: '実施計画(案)', period: '令和6年1月' },
  '004_224955cb04821ccd.txt': { title: '社協の研修資料', period: '令和3年度' },
};

export function planFor(resource: { source: Source } & { plan?: PlanRef }): PlanRef | undefined {
  return resource.plan ?? seeds[resource.source.file];
}
