import type { Report, Span } from '../../model/index.js';
import { cnNumeral } from './numbers.js';

/** A date read from the report with where it stands. */
export interface StatedDate {
  iso: string;
  year: number;
  month: number;
  day: number;
  span: Span;
  text: string;
}

const CN_YEAR_DIGIT: Record<string, string> = {
  〇: '0',
  '○': '0',
  零: '0',
  Ｏ: '0',
  O: '0',
  一: '1',
  二: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
};

/** A full date in digits or Chinese numerals: 2019年1月14日, 二○一二年二月二十日. */
export const DATE_PATTERN =
  /((?:19|20)\d{2}|[〇○零Ｏ一二三四五六七八九]{4})年([01]?\d|十[一二]?|[一二三四五六七八九])月([0-3]?\d|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])[日号]/g;

/**
 * Reads a date match of {@link DATE_PATTERN}.
 *
 * @example
 * toDate(/.../.exec('2019年1月14日'), 0)?.iso; // '2019-01-14'
 */
export function toDate(m: RegExpExecArray | RegExpMatchArray, offset = 0): StatedDate | undefined {
  const [text, y = '', mo = '', d = ''] = m;
  const year = /^\d/.test(y) ? Number(y) : Number([...y].map((c) => CN_YEAR_DIGIT[c] ?? 'x').join(''));
  const month = /^\d/.test(mo) ? Number(mo) : cnNumeral(mo);
  const day = /^\d/.test(d) ? Number(d) : cnNumeral(d);
  if (!Number.isInteger(year) || month === null || day === null) return undefined;
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const start = offset + (m.index ?? 0);
  const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return { iso, year, month, day, span: [start, start + text.length], text };
}

/**
 * The year the report covers and where it is stated: `meta.reportYear`, else the year in the title line.
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
    const re = new RegExp(`^[\\s(（]*${DATE_PATTERN.source}[\\s)）]*$`);
    const m = re.exec(line);
    if (!m) continue;
    const datePart = new RegExp(DATE_PATTERN.source).exec(line);
    if (datePart) return toDate(datePart, start);
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
  const re = new RegExp(`(?:截至|截止|截止到|截至到)(?:日期)?[:：]?${DATE_PATTERN.source}`, 'g');
  for (const m of text.matchAll(re)) {
    const date = toDate([m[0], m[1] ?? '', m[2] ?? '', m[3] ?? ''] as unknown as RegExpMatchArray, m.index);
    if (date) out.push({ ...date, span: [m.index, m.index + m[0].length], text: m[0] });
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
 * Spans of the clauses of a text range, cut at 。！？；, line ends.
 *
 * @example
 * sentenceSpans('甲。乙；丙'); // [[0, 2], [2, 4], [4, 5]]
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
