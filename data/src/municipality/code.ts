import * as v from 'valibot';

/** 全国地方公共団体コード check digit over the first five digits (weights 6..2). */
export function lgCodeCheckDigit(first5: string): number {
  const sum = [...first5].reduce((acc, d, i) => acc + Number(d) * (6 - i), 0);
  return (11 - (sum % 11)) % 10;
}

export function isValidLgCode(code: string): boolean {
  return /^\d{6}$/.test(code) && lgCodeCheckDigit(code.slice(0, 5)) === Number(code[5]);
}

export const MunicipalityCodeSchema = v.pipe(
  v.string('団体コードは文字列で書いてください'),
  v.regex(/^\d{6}$/, '全国地方公共団体コードは6桁の数字です'),
  v.check(isValidLgCode, '全国地方公共団体コードの検査数字が合いません'),
);

export type MunicipalityCode = v.InferOutput<typeof MunicipalityCodeSchema>;
