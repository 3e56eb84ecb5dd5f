import type { Report } from '../../model/index.js';
import type { Fingerprint } from '../digest.js';
import { lineLocator } from './locate.js';
import { inSpans, tableSpans } from './report-facts.js';

/** Clauses shorter than this many characters (after dropping punctuation) are not fingerprinted. */
export const MIN_CLAUSE_CHARS = 24;
/** At most this many fingerprints are kept per report, so digests stay small. */
export const MAX_FINGERPRINTS = 400;
/** How many characters of a clause a fingerprint keeps to show where a copy starts. */
export const HEAD_CHARS = 12;

/** Preamble boilerplate that every report of an agency repeats by design. */
const BOILERPLATE =
  /条例|统计期限|统计时限|下载|联系|电话|邮箱|地址|邮编|本报告|年度报告|电子版|门户网站[（(]/;

/**
 * FNV-1a, 32 bits: a fast, stable hash for clause fingerprints.
 *
 * @example
 * fnv1a('政府信息公开'); // a 32-bit unsigned integer
 */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Fingerprints of the long prose clauses of a report, in text order. Clauses are cut at 。；！？ and
 * line ends; digits are replaced by one placeholder (so a passage copied with a new year still matches),
 * punctuation and spaces dropped. Tables, digit-heavy clauses and preamble boilerplate are skipped.
 *
 * @example
 * clauseFingerprints(report).length; // ≈ number of long clauses
 */
export function clauseFingerprints(report: Report): Fingerprint[] {
  const text = report.text ?? '';
  const tables = tableSpans(report);
  const locate = lineLocator(text);
  const out: Fingerprint[] = [];
  const re = /[^。；;！？!?\n]+/g;
  for (const m of text.matchAll(re)) {
    const s = m.index + (m[0].length - m[0].trimStart().length);
    const clause = m[0].trim();
    if (!clause || inSpans(s, tables) || BOILERPLATE.test(clause)) continue;
    const digits = clause.replace(/[^\d]/g, '').length;
    const core = clause.replace(/\d+(?:\.\d+)?/g, '#').replace(/[\s\p{P}\p{S}]/gu, '');
    if (core.length < MIN_CLAUSE_CHARS || digits > clause.length / 5) continue;
    out.push({
      h: fnv1a(core),
      s,
      e: s + clause.length,
      line: locate(s).line,
      head: text.slice(s, s + HEAD_CHARS),
    });
    if (out.length >= MAX_FINGERPRINTS) break;
  }
  return out;
}
