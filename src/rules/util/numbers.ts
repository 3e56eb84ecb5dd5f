import { CLAIM_UNITS, inFamily } from '../../claims/units.js';
import type { Qualifier, Span } from '../../model/index.js';
import { findNumbers } from '../../text/cn-number.js';

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

/** The claims' units (the project's one list), without numbers of categories (`三类`), which count no events. */
function isCountUnit(unit: string): boolean {
  return CLAIM_UNITS.has(unit) && !inFamily(unit, 'categories');
}

/**
 * Finds counts (number + unit) in a piece of text; spans are offsets into the whole text.
 *
 * @example
 * findCounts('公开信息84条，近万条', 0).map((c) => c.value); // [84, 10000]
 */
export function findCounts(text: string, start = 0, end = text.length): TextCount[] {
  return findNumbers(text, start, end)
    .filter((n) => isCountUnit(n.unit) && text.startsWith(n.unit, n.span[1]))
    .map((n) => ({
      value: n.value,
      qualifier: n.qualifier,
      stated: n.stated,
      span: n.span,
      unit: n.unit,
      fullSpan: [n.span[0], n.span[1] + n.unit.length],
    }));
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
