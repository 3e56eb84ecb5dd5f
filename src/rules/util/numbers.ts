import type { Qualifier, Span } from '../../model/index.js';
import { parseCnNumber } from '../../text/cn-number.js';

/** A count stated in running text: the number (with its qualifiers) and the unit after it. */
export interface TextCount {
  value: number;
  qualifier: Qualifier;
  /** The number as written, qualifiers included (`84`, `近万`, `80余`). */
  stated: string;
  /** Span of `stated`. */
  span: Span;
  unit: string;
  /** Span of the number and its unit together (`84条`). */
  fullSpan: Span;
}

/**
 * Reads a Chinese numeral (一百零五, 两千, 十二); a bare 万 or 亿 (as in 近万, 万余) is one of it.
 *
 * @example
 * cnNumeral('一百零五'); // 105
 */
export function cnNumeral(s: string): number | null {
  return parseCnNumber(s === '万' || s === '亿' ? `一${s}` : s)?.value ?? null;
}

const UNITS = '人次|万元|亿元|条|件|次|篇|个|人|期|场|份|项|家|批|元|%';
/** A count: optional 近/约/不足/不到, digits or Chinese numerals, optional 余/多 and 万/亿, then a unit. */
const COUNT = new RegExp(
  `(?<![\\d.])((近|约|将近|接近|不足|不到)?(\\d+(?:[.,，]\\d+)*|[零〇○一二两三四五六七八九十百千万亿]+)(余|多)?(万|亿)?(余|多)?)(${UNITS})`,
  'g',
);

/**
 * Finds counts (number + unit) in a piece of text; spans are offsets into the whole text.
 *
 * @example
 * findCounts('公开信息84条，近万条', 0).map((c) => c.value); // [84, 10000]
 */
export function findCounts(text: string, start = 0, end = text.length): TextCount[] {
  const out: TextCount[] = [];
  const slice = text.slice(start, end);
  for (const m of slice.matchAll(COUNT)) {
    const [, stated = '', pre, core = '', more1, scale, more2, unit = ''] = m;
    const at = start + (m.index ?? 0);
    let base: number | null;
    if (/^\d/.test(core)) {
      // A comma inside a number groups thousands only when three digits follow it.
      if (/[,，](?!\d{3}(?!\d))/.test(core)) continue;
      base = parseCnNumber(core.replace(/[,，]/g, ''))?.value ?? Number(core.replace(/[,，]/g, ''));
    } else base = cnNumeral(core);
    if (base === null || !Number.isFinite(base)) continue;
    // A lone Chinese digit before a unit (一条主线, 一个窗口) is a phrase, not a count, unless qualified.
    if (!/^\d/.test(core) && core.length === 1 && !pre && !more1 && !more2 && !scale && core !== '万')
      continue;
    const value = base * (scale === '万' ? 1e4 : scale === '亿' ? 1e8 : 1);
    const qualifier: Qualifier = more1 || more2 ? 'over' : pre === '约' ? 'about' : pre ? 'under' : 'exact';
    out.push({
      value,
      qualifier,
      stated,
      span: [at, at + stated.length],
      unit,
      fullSpan: [at, at + stated.length + unit.length],
    });
  }
  return out;
}

/**
 * The smallest value a qualified count can stand for: 近万 is at least 9000, 80余 at least 80.
 *
 * @example
 * lowerBound({ value: 10000, qualifier: 'under' }); // 9000
 */
export function lowerBound(c: { value: number; qualifier: Qualifier }): number {
  return c.qualifier === 'under' || c.qualifier === 'about' ? c.value * 0.9 : c.value;
}

/**
 * The largest value a qualified count can stand for (unbounded for 余/多).
 *
 * @example
 * upperBound({ value: 80, qualifier: 'over' }); // Infinity
 */
export function upperBound(c: { value: number; qualifier: Qualifier }): number {
  return c.qualifier === 'over'
    ? Number.POSITIVE_INFINITY
    : c.qualifier === 'about'
      ? c.value * 1.1
      : c.value;
}
