import type { Report, Span } from '../../model/index.js';
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

/** Punctuation of running text: a line without any is a menu, a caption or a page header, not prose. */
const PROSE_PUNCTUATION = /[，。、；：！？,;:!?“”（）()]/;
/** Longest word of a navigation menu line (要闻, 政策文件库, 重点领域信息公开). */
const MENU_WORD = 12;
/** Site chrome before the report title is skipped only when the title comes early (not a closing mention). */
const MAX_CHROME_SHARE = 0.3;

/**
 * Spans of site chrome carried into converted files: everything before the report title (page header,
 * menus, breadcrumbs), lines made of short unpunctuated words (`要闻 政府会议 最新文件 …`), and
 * unpunctuated lines repeated within the report (page headers and footers). Two pages of one portal
 * share these lines whatever their reports say, so they are not compared.
 *
 * @example
 * chromeSpans('首页 要闻 政府会议 最新文件\n某局2019年政府信息公开工作年度报告\n…', [14, 33]); // [[0, 14], …]
 */
export function chromeSpans(text: string, title?: Span): Span[] {
  const out: Span[] = [];
  if (title && title[0] > 0 && title[0] <= text.length * MAX_CHROME_SHARE) out.push([0, title[0]]);
  const lines: { s: number; e: number; line: string }[] = [];
  let pos = 0;
  for (const line of text.split('\n')) {
    lines.push({ s: pos, e: pos + line.length, line: line.trim() });
    pos += line.length + 1;
  }
  const counts = new Map<string, number>();
  for (const { line } of lines)
    if (line && !PROSE_PUNCTUATION.test(line)) counts.set(line, (counts.get(line) ?? 0) + 1);
  for (const { s, e, line } of lines) {
    if (!line || PROSE_PUNCTUATION.test(line)) continue;
    const words = line.split(/\s+/);
    const menu = words.length >= 3 && words.every((w) => w.length <= MENU_WORD);
    if (menu || (counts.get(line) ?? 0) > 1) out.push([s, e]);
  }
  return out.sort((a, b) => a[0] - b[0]);
}

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
 * line ends, and short clauses and sentences of one line are taken together; digits are replaced by
 * one placeholder (so a passage copied with a new year still matches), punctuation and spaces dropped. Tables, site chrome ({@link chromeSpans}), digit-heavy clauses and
 * preamble boilerplate are skipped.
 *
 * @example
 * clauseFingerprints(report).hashes.length; // ≈ number of long clauses
 */
export function clauseFingerprints(report: Report): Fingerprints {
  const text = report.text ?? '';
  const tables = tableSpans(report);
  const chrome = chromeSpans(text, report.meta.spans.title);
  const locate = lineLocator(text);
  const out: Fingerprints = { hashes: [], starts: [], ends: [], lines: [], heads: '' };
  const heads: string[] = [];
  const add = (s: number, e: number, core: string) => {
    out.hashes.push(hash53(core));
    out.starts.push(s);
    out.ends.push(e);
    out.lines.push(locate(s).line);
    heads.push(text.slice(s, s + FINGERPRINT_HEAD));
  };
  // Short clauses and sentences (`一是…；二是…。三是…。`) are joined until they are long enough: a passage of
  // short sentences is copied as much as a long one. Once long enough, a group ends at a sentence end or
  // at a clause picked by its own content, not by where the group began, so a copy inserted after any
  // sentence is cut the same way as its source from its second group on. A line end, a long clause or a skipped one
  // ends a group.
  let group: { s: number; e: number; core: string } | undefined;
  const flush = () => {
    if (group && group.core.length >= MIN_CLAUSE_CHARS && group.e - group.s >= FINGERPRINT_HEAD)
      add(group.s, group.e, group.core);
    group = undefined;
  };
  for (const m of text.matchAll(/[^。；;！？!?\n]+/g)) {
    if (out.hashes.length >= MAX_FINGERPRINTS) break;
    const s = m.index + (m[0].length - m[0].trimStart().length);
    const clause = m[0].trim();
    if (group && text.slice(group.e, s).includes('\n')) flush();
    const digits = clause.replace(/[^\d]/g, '').length;
    if (
      !clause ||
      inSpans(s, tables) ||
      inSpans(s, chrome) ||
      BOILERPLATE.test(clause) ||
      digits > clause.length / 5
    ) {
      flush();
      continue;
    }
    const core = coreOf(clause);
    if (core.length >= MIN_CLAUSE_CHARS && clause.length >= FINGERPRINT_HEAD) {
      flush();
      add(s, s + clause.length, core);
      continue;
    }
    group = group
      ? { s: group.s, e: s + clause.length, core: group.core + core }
      : { s, e: s + clause.length, core };
    const sentenceEnd = /[。！？!?]/.test(text[m.index + m[0].length] ?? '');
    if (
      group.core.length >= 2 * MIN_CLAUSE_CHARS ||
      (group.core.length >= MIN_CLAUSE_CHARS && (sentenceEnd || hash53(core) % 2 === 0))
    )
      flush();
  }
  flush();
  out.heads = heads.join('');
  return out;
}

/** A clause as compared: digits as one placeholder, punctuation and spaces dropped. */
function coreOf(clause: string): string {
  return clause.replace(/\d+(?:\.\d+)?/g, '#').replace(/[\s\p{P}\p{S}]/gu, '');
}
