import type { ClaimScope } from '../model/index.js';
import { SUBJECTS, type Subject } from './indicators.js';
import { CUMULATIVE, OTHER_PERIOD } from './text.js';

/** Requests carried over from last year into this one. */
const CARRIED_OVER = /上一?年度?结转/g;

import { inFamily } from './units.js';

/** A subject found in a stretch of text, with its span. */
export interface SubjectHit {
  subject: Subject;
  start: number;
  end: number;
  words: string;
}

/**
 * The first subject (in {@link SUBJECTS} order) named in `text[from, to)` that a count in `unit` can
 * measure, or for stated zeros any subject that may be zero. `sentence` is checked against `needs`.
 *
 * @example
 * findSubject('全年共收到行政复议申请', 0, 11, '件', '…')?.subject.indicator; // 'review.total'
 */
export function findSubject(
  text: string,
  from: number,
  to: number,
  unit: string | undefined,
  sentence: string,
): SubjectHit | undefined {
  return subjectsIn(text, from, to, unit, sentence)[0];
}

/**
 * Every subject named in `text[from, to)` that a count in `unit` can measure, most specific first (the
 * order of {@link SUBJECTS}), one hit per subject. `lead` is the sentence up to the count, which a part of
 * another count needs ({@link Subject.within}).
 *
 * @example
 * subjectsIn('配备了1名兼职工作人员', 5, 11, '名', '…')[0]?.subject.indicator; // 'org.staff.partTime'
 */
export function subjectsIn(
  text: string,
  from: number,
  to: number,
  unit: string | undefined,
  sentence: string,
  lead?: string,
): SubjectHit[] {
  const stretch = text.slice(from, to);
  const out: SubjectHit[] = [];
  for (const subject of SUBJECTS) {
    if (unit !== undefined && !subject.units.some((f) => inFamily(unit, f))) continue;
    if (unit === undefined && !subject.zero) continue;
    if (subject.needs && !subject.needs.test(sentence)) continue;
    if (subject.within && (lead === undefined || !namesLast(lead, subject.within))) continue;
    const m = subject.re.exec(stretch);
    if (!m) continue;
    out.push({ subject, start: from + m.index, end: from + m.index + m[0].length, words: m[0] });
  }
  return out;
}

/** Whether `lead` names `of` after its last mention of `not`. */
function namesLast(lead: string, within: { of: RegExp; not: RegExp }): boolean {
  const last = (re: RegExp) => Math.max(-1, ...[...lead.matchAll(re)].map((m) => m.index));
  const at = last(within.of);
  return at >= 0 && at > last(within.not);
}

/**
 * Every zero-able subject named in `text[from, to)`, more specific ones suppressing the generic
 * 申请 (a sentence about 行政复议申请 is about reviews, not requests).
 *
 * @example
 * zeroSubjects('未发生行政复议案、行政诉讼案', 0, 14).map((h) => h.subject.indicator); // ['review.total', 'litigation.total']
 */
export function zeroSubjects(text: string, from: number, to: number): SubjectHit[] {
  const stretch = text.slice(from, to);
  const hits: SubjectHit[] = [];
  const taken: [number, number][] = [];
  for (const subject of SUBJECTS) {
    if (!subject.zero) continue;
    const m = subject.re.exec(stretch);
    if (!m) continue;
    const start = from + m.index;
    const end = start + m[0].length;
    // 信息处理费 also matches 收费/费用; one fee statement names one fee.
    if (taken.some(([a, b]) => a < end && start < b)) continue;
    // 行政复议申请, 因…申请行政复议: the request is for a review; 依申请和不予公开 names both.
    const generic = m[0] === '申请' || /复议|诉讼|投诉|举报|申诉/.test(m[0]);
    if (subject.indicator === 'applications.received.total' && hits.length > 0 && generic) continue;
    if (
      subject.indicator === 'applications.fees' &&
      hits.some((h) => h.subject.indicator.startsWith('fees.'))
    )
      continue;
    hits.push({ subject, start, end, words: m[0] });
    taken.push([start, end]);
  }
  return hits.sort((a, b) => a.start - b.start);
}

/**
 * The scope of a statement: a running total when the sentence so far says so (`到目前累计`), another
 * period when its clause does (`上年`, `2011年` in a report of 2012), else the report year.
 *
 * @example
 * scopeOf('本单位到目前累计主动公开', '本单位到目前累计主动公开', 2015); // { scope: 'cumulative' }
 */
export function scopeOf(
  sentenceLead: string,
  lead: string,
  reportYear: number | undefined,
): { scope: ClaimScope; year?: number } {
  if (CUMULATIVE.test(sentenceLead)) return { scope: 'cumulative' };
  // 上年结转 names this year's carried-over requests, not a figure of last year.
  if (OTHER_PERIOD.test(lead.replace(CARRIED_OVER, ''))) return { scope: 'period' };
  // A year on its own (`2011年共收到`), not the year of a full date (`截至2019年12月31日`).
  for (const m of lead.matchAll(/(?<!\d)(\d{4})年(?!\d{1,2}月)/g)) {
    const year = Number(m[1]);
    if (reportYear !== undefined && year !== reportYear && year > 1990 && year < 2100) {
      return { scope: 'period', year };
    }
  }
  return { scope: 'year' };
}
