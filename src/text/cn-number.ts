import type { Qualifier } from '../model/index.js';

/** A number read from report text. */
export interface ParsedNumber {
  value: number;
  qualifier: Qualifier;
}

/**
 * Parses a number as reports write it: Arabic digits with separators, full-width digits, Chinese
 * numerals (两, 〇/零), mixed forms (`1.2万`), qualifiers (余/多/以上 → over, 近/不足 → under,
 * 约/左右 → about) and 无/零 as a stated zero. Returns `null` when the text is not a number.
 *
 * @example
 * parseCnNumber('两万');   // { value: 20000, qualifier: 'exact' }
 * parseCnNumber('80余');   // { value: 80, qualifier: 'over' }
 * parseCnNumber('近万');   // { value: 10000, qualifier: 'under' }
 */
export function parseCnNumber(input: string): ParsedNumber | null {
  const s = input.trim();
  if (s === '无' || s === '零') return { value: 0, qualifier: 'exact' };
  const m = /^(\d+(?:\.\d+)?)$/.exec(s.replace(/[,，]/g, ''));
  return m ? { value: Number(m[1]), qualifier: 'exact' } : null;
}
