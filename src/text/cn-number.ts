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
  const s = input.trim().replace(/[,，]/g, '');
  if (s === '无' || s === '零') return { value: 0, qualifier: 'exact' };
  const m = /^(近|约|不足|不到|超过)?(\d+(?:\.\d+)?)?([万亿])?(余|多|以上|左右)?$/.exec(s);
  if (!m || (m[2] === undefined && !(m[1] && m[3]))) return null;
  const scale = m[3] === '万' ? 1e4 : m[3] === '亿' ? 1e8 : 1;
  const value = Math.round((m[2] === undefined ? 1 : Number(m[2])) * scale * 1e6) / 1e6;
  const pre = m[1];
  const post = m[4];
  let qualifier: Qualifier = 'exact';
  if (post === '余' || post === '多' || post === '以上' || pre === '超过') qualifier = 'over';
  else if (pre === '近' || pre === '不足' || pre === '不到') qualifier = 'under';
  else if (pre === '约' || post === '左右') qualifier = 'about';
  return { value, qualifier };
}
