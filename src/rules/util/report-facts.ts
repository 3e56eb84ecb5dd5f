import { wrapsSentence } from '../../claims/text.js';
import type { Report, Span } from '../../model/index.js';
import { findDates } from '../../text/dates.js';

/** A date read from the report with where it stands. */
export interface StatedDate {
  iso: string;
  year: number;
  month: number;
  day: number;
  span: Span;
  text: string;
}

/**
 * Full dates written the Chinese way (2019年1月14日, 二○一二年二月二十日), with their own year, as stated.
 *
 * @example
 * chineseDates('落款：2019年1月14日').map((d) => d.iso); // ['2019-01-14']
 */
export function chineseDates(text: string, offset = 0): StatedDate[] {
  const out: StatedDate[] = [];
  for (const d of findDates(text)) {
    if (d.day === undefined || d.yearInherited || !/年.*月.*[日号]$/.test(d.stated)) continue;
    const span: Span = [offset + d.span[0], offset + d.span[1]];
    out.push({ iso: d.iso, year: d.year, month: d.month, day: d.day, span, text: d.stated });
  }
  return out;
}

/**
 * The year the report covers and where it is stated: `meta.reportYear`, else the year of a whole-year
 * statistics period, else the year in the title line.
 *
 * @example
 * reportYearOf(report); // { year: 2018, span: [3, 7] }
 */
export function reportYearOf(report: Report): { year: number; span?: Span } | undefined {
  const text = report.text ?? '';
  const { meta } = report;
  if (meta.reportYear !== undefined) {
    const span = meta.spans.reportYear ?? findYearIn(text, meta.spans.title, meta.reportYear);
    return { year: meta.reportYear, span };
  }
  // The year of a whole-year statistics period, which a slip in the preamble (2013年度…) cannot outvote (自2015年1月1日起,至2015年12月31日止).
  const period =
    /统计(?:期限|时限|时间|区间|范围|周期)[^。\n]{0,12}?((?:19|20)\d{2})年1月1日[^。\n]{0,8}?至\s*\1年12月31日/.exec(
      text,
    );
  if (period?.[1]) {
    const start = period.index + period[0].indexOf(period[1]);
    return { year: Number(period[1]), span: [start, start + 4] };
  }
  let pos = 0;
  for (const line of text.split('\n').slice(0, 8)) {
    const m = /((?:19|20)\d{2})\s*年度?[^\n]{0,30}(?:信息公开|年度报告|年报)/.exec(line);
    if (m?.[1]) {
      const start = pos + (m.index ?? 0);
      return { year: Number(m[1]), span: [start, start + 4] };
    }
    pos += line.length + 1;
  }
  return undefined;
}

function findYearIn(text: string, span: Span | undefined, year: number): Span | undefined {
  if (!span) return undefined;
  const at = text.slice(span[0], span[1]).indexOf(String(year));
  return at === -1 ? undefined : [span[0] + at, span[0] + at + 4];
}

/**
 * The signature or issue date: `meta.signedOn`, else a line that holds only a date near the end (or just
 * under the title).
 *
 * @example
 * signedOnOf(seed)?.iso; // '2019-01-14'
 */
export function signedOnOf(report: Report): StatedDate | undefined {
  const text = report.text ?? '';
  const { meta } = report;
  if (meta.signedOn) {
    const span = meta.spans.signedOn;
    const [y, mo, d] = meta.signedOn.split('-').map(Number);
    if (span && y && mo && d) {
      return { iso: meta.signedOn, year: y, month: mo, day: d, span, text: text.slice(span[0], span[1]) };
    }
  }
  const lines: { line: string; start: number }[] = [];
  let pos = 0;
  for (const line of text.split('\n')) {
    if (line.trim()) lines.push({ line, start: pos });
    pos += line.length + 1;
  }
  const candidates = [...lines.slice(-6).reverse(), ...lines.slice(0, 4)];
  for (const { line, start } of candidates) {
    const [date, more] = chineseDates(line, start);
    // A line holding nothing but one date (in brackets or not) is a dateline.
    if (!date || more || !/^[\s(（]*$/.test(line.slice(0, date.span[0] - start))) continue;
    if (/^[\s)）]*$/.test(line.slice(date.span[1] - start))) return date;
  }
  return undefined;
}

/**
 * Dates that end a statistical period, as stated: the 统计期限 end (`meta.periodEnd`) and every
 * `截至/截止 <date>` statement.
 *
 * @example
 * periodEndsOf(seed).map((d) => d.iso); // ['2019-12-31']
 */
export function periodEndsOf(report: Report): StatedDate[] {
  const text = report.text ?? '';
  const out: StatedDate[] = [];
  const { meta } = report;
  if (meta.periodEnd && meta.spans.period) {
    const [y, mo, d] = meta.periodEnd.split('-').map(Number);
    const span = meta.spans.period;
    if (y && mo && d)
      out.push({ iso: meta.periodEnd, year: y, month: mo, day: d, span, text: text.slice(...span) });
  }
  for (const date of chineseDates(text)) {
    const lead = /(?:截至|截止|截止到|截至到)(?:日期)?[:：]?$/.exec(
      text.slice(Math.max(0, date.span[0] - 7), date.span[0]),
    );
    if (!lead) continue;
    const start = date.span[0] - lead[0].length;
    out.push({ ...date, span: [start, date.span[1]], text: text.slice(start, date.span[1]) });
  }
  // 截至2019年底 / 年末: the last day of that year.
  for (const m of text.matchAll(/(?:截至|截止|截止到|截至到)((?:19|20)\d{2})年(?:底|末)/g)) {
    const year = Number(m[1]);
    out.push({
      iso: `${year}-12-31`,
      year,
      month: 12,
      day: 31,
      span: [m.index, m.index + m[0].length],
      text: m[0],
    });
  }
  return out.sort((a, b) => a.span[0] - b.span[0]);
}

/**
 * Spans of the sentences of a text range, cut at 。！？ and line ends (not at a line break that only wraps
 * a sentence after a comma).
 *
 * @example
 * sentenceSpans('甲。乙，\n丙\n丁'); // [[0, 2], [2, 7], [7, 8]]
 */
export function sentenceSpans(text: string, start = 0, end = text.length): Span[] {
  // Several rules split the whole report: split it once and hand each a copy.
  if (start === 0 && end === text.length) {
    if (lastWhole?.text !== text) lastWhole = { text, spans: splitSentences(text, 0, end) };
    return lastWhole.spans.map(([s, e]) => [s, e]);
  }
  return splitSentences(text, start, end);
}

let lastWhole: { text: string; spans: Span[] } | undefined;

function splitSentences(text: string, start: number, end: number): Span[] {
  const out: Span[] = [];
  let s = start;
  for (let i = start; i < end; i++) {
    // Char codes: indexing a CJK text allocates a one-character string per position.
    const c = text.charCodeAt(i);
    if (c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0x0a || c === 0x21 || c === 0x3f) {
      if (c === 0x0a && wrapsSentence(text, i)) continue;
      if (i + 1 > s) out.push([s, i + 1]);
      s = i + 1;
    }
  }
  if (end > s) out.push([s, end]);
  return out;
}

const TOP_HEADING = /(?:^|\n|\s)([一二三四五六七八九十]{1,2})[、.．]\s*([^\n。，,；]{2,30})/g;

/**
 * The top-level headings of a report: `report.sections` at level 1, else headings found by pattern
 * (`一、…`), for reports the segmenter has not run on.
 *
 * @example
 * topHeadings(report).map((h) => h.title); // ['基本工作情况', '主动公开政府信息情况', …]
 */
export function topHeadings(report: Report): { title: string; start: number; end: number }[] {
  const text = report.text ?? '';
  const top = report.sections.filter((s) => s.level === 1);
  if (top.length > 0) return top.map((s) => ({ title: s.title, start: s.span[0], end: s.extent[1] }));
  const found: { title: string; start: number; end: number }[] = [];
  for (const m of text.matchAll(TOP_HEADING)) {
    const start = (m.index ?? 0) + m[0].indexOf(m[1] ?? '');
    const prev = found[found.length - 1];
    if (prev) prev.end = start;
    found.push({ title: m[2] ?? '', start, end: text.length });
  }
  return found;
}

/** Titles of the section on problems and improvements (where next year's plans belong). */
export const IMPROVEMENT_TITLE = /问题|改进|打算|下一步|计划|展望|思路/;

/**
 * Spans of the parts of a report that speak about plans: the problems-and-improvements section and
 * paragraphs introduced by 下一步/工作打算.
 *
 * @example
 * planSpans(seed); // [[2870, 3600]]
 */
export function planSpans(report: Report): Span[] {
  const text = report.text ?? '';
  const out: Span[] = [];
  for (const h of topHeadings(report)) if (IMPROVEMENT_TITLE.test(h.title)) out.push([h.start, h.end]);
  for (const m of text.matchAll(/下一步|工作打算|工作计划|工作思路|改进措施|努力方向/g)) {
    const nl = text.indexOf('\n', m.index + 40);
    out.push([m.index, nl === -1 ? text.length : nl]);
  }
  return out;
}

/**
 * Whether an offset lies in one of the spans.
 *
 * @example
 * inSpans(5, [[0, 10]]); // true
 */
export function inSpans(offset: number, spans: Span[]): boolean {
  return spans.some(([s, e]) => s <= offset && offset < e);
}

/**
 * Spans of the report's tables, as the loader recorded them.
 *
 * @example
 * tableSpans(report); // [[900, 1800]]
 */
export function tableSpans(report: Report): Span[] {
  return report.tables.map((t) => t.span);
}

/**
 * Does the stated period belong to period-end-mismatch rather than to period-year-mismatch? It does when it starts
 * in the report year or ends on the report year's last day, yet is not exactly the report year.
 *
 * @example
 * periodBoundaryOff('2014-01-01', '2015-01-01', 2014); // true
 * periodBoundaryOff('2019-01-01', '2019-12-31', 2018); // false (another whole year)
 */
export function periodBoundaryOff(start: string | undefined, end: string | undefined, year: number): boolean {
  if (!start || !end) return false;
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  if (start === first && end === last) return false;
  return start.startsWith(`${year}-`) || end === last;
}
