import type { Report } from '../../model/index.js';
import { FINGERPRINT_HEAD, type Fingerprints } from '../digest.js';
import { lineLocator } from './locate.js';
import { inSpans, tableSpans } from './report-facts.js';

/** Clauses shorter than this many characters (after dropping punctuation) are not fingerprinted. */
export const MIN_CLAUSE_CHARS = 24;
/** At most this many fingerprints are kept per report, so digests stay small. */
export const MAX_FINGERPRINTS = 300;

/** Preamble boilerplate that every report of an agency repeats by design. */
const BOILERPLATE =
  /条例|统计期限|统计时限|下载|联系|电话|邮箱|地址|邮编|本报告|年度报告|电子版|门户网站[（(]/;

/**
 * A 53-bit string hash (two FNV-1a variants combined), so that a batch of millions of clauses has no
 * accidental collisions.
 *
 * @example
 * hash53('政府信息公开'); // an integer below 2 ** 53
 */
export function hash53(s: string): number {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return (a >>> 0) * 0x200000 + ((b >>> 0) & 0x1fffff);
}

/**
 * Fingerprints of the long prose clauses of a report, in text order. Clauses are cut at 。；！？ and
 * line ends; digits are replaced by one placeholder (so a passage copied with a new year still matches),
 * punctuation and spaces dropped. Tables, digit-heavy clauses and preamble boilerplate are skipped.
 *
 * @example
 * clauseFingerprints(report).hashes.length; // ≈ number of long clauses
 */
export function clauseFingerprints(report: Report): Fingerprints {
  const text = report.text ?? '';
  const tables = tableSpans(report);
  const locate = lineLocator(text);
  const out: Fingerprints = { hashes: [], starts: [], ends: [], lines: [], heads: '' };
  const heads: string[] = [];
  for (const m of text.matchAll(/[^。；;！？!?\n]+/g)) {
    const s = m.index + (m[0].length - m[0].trimStart().length);
    const clause = m[0].trim();
    if (!clause || inSpans(s, tables) || BOILERPLATE.test(clause)) continue;
    const digits = clause.replace(/[^\d]/g, '').length;
    const core = clause.replace(/\d+(?:\.\d+)?/g, '#').replace(/[\s\p{P}\p{S}]/gu, '');
    if (core.length < MIN_CLAUSE_CHARS || digits > clause.length / 5 || clause.length < FINGERPRINT_HEAD)
      continue;
    out.hashes.push(hash53(core));
    out.starts.push(s);
    out.ends.push(s + clause.length);
    out.lines.push(locate(s).line);
    heads.push(text.slice(s, s + FINGERPRINT_HEAD));
    if (out.hashes.length >= MAX_FINGERPRINTS) break;
  }
  out.heads = heads.join('');
  return out;
}
