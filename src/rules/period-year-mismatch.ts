/**
 * period-year-mismatch — a statistical statement dated after the year the report covers.
 *
 * What: flags `截至<date>` (or `截至<year>年底`) statements dated after the report year (unless the date is
 * in the following year and not later than the signature, i.e. a status at the time of writing), and
 * sentences that open with a later year, or name a later whole year (`2019年全年`, `2019年度`), and then
 * state a count (`2019年在…全年共发布信息…近万条` in a 2018 report). An earlier year is flagged only as the
 * topic of a whole sentence that states a count and compares nothing (`2022年,…共制定规范性文件0件` in a
 * 2023 report: a statement left over from last year's report), and where the preamble names the report
 * it introduces with another year (`特向社会公布2013年度…年度报告` in a 2014 report).
 *
 * Why it matters to auditors: a report can only count what happened in its period; a later date on a
 * statistic means the figure was copied from another report, mistyped, or the whole report belongs to
 * another year.
 *
 * The report's own statistics period, when it starts in the report year but ends after it
 * (`自2014年1月1日起至2015年1月1日止`), is left to period-end-mismatch: it is a slip in the period sentence,
 * not a figure of another year, and one span gets one flag.
 *
 * Known false positives: a count that really is a later status (`截至2019年3月，已整改…`) written after
 * the signature date. Not flagged: earlier years in comparisons or histories (同比, 比2022年, 以来), plans in the
 * improvements section, dates of cited documents (`〔2018〕57号`, titles in 《》), publication dates.
 */
import { inFamily } from '../claims/units.js';
import type { Claim } from '../model/index.js';
import { defineRule } from './rule.js';
import {
  chineseDates,
  inSpans,
  periodBoundaryOff,
  periodEndsOf,
  planSpans,
  reportYearOf,
  sentenceSpans,
  signedOnOf,
  tableSpans,
} from './util/report-facts.js';
import { insideBookTitle } from './util/text.js';

export const FUTURE = /将|拟|计划|力争|争取|预计|打算|目标|确保|继续|进一步|下一步/;
/**
 * A sentence that opens with a year (`2019年在优抚安置…`), also after a connective (`此外,2010年…`) or
 * after a heading run into the sentence (`(三) 政府信息管理情况 2022年,…`).
 */
export const OPENING_YEAR =
  /^[\s(（]*(?:(?:此外|另外|同时|同期)[，,]?\s*|[（(]?[一二三四五六七八九十]{1,3}[）)、.．]\s*[^\s，。,；;]{0,18}?(?:情况|方面|工作)\s*)?((?:19|20)\d{2})年/;
/** An earlier year opening a sentence as its topic (`2022年，…共制定…0件`), not a date or a span of years. */
export const EARLIER_TOPIC = /^年度?\s*[，,]/;
/** Words that make an earlier year a comparison or a history, which reports give freely. */
export const COMPARISON = /同比|上年|去年|上一年|[比较]|相比|增|减|持平|以来|累计|历年|先后|至今/;
/**
 * The preamble names the report it introduces (`特向社会公布2013年度…年度报告`, `以及2013年度…工作开展情况而编制`).
 */
const NAMES_REPORT =
  /((?:19|20)\d{2})\s*年度?(?:[^。，,；;\n]{0,30}?)(?:政府)?信息公开(?:工作)?(?:年度报告|年报|工作开展情况|开展情况|工作情况)/g;
/** A whole-year period anywhere in a sentence (`我局2019年全年共发布…`, `2019年度`, `2019年1-12月`). */
export const WHOLE_YEAR = /((?:19|20)\d{2})年(?:全年|度(?!报告|工作报告)|1[-—~至]12月)/;
export const NOT_A_DATE_OF_STATEMENT =
  /^(?:以来|起|至今|开始|前|之前|以前|后|之后|底前|初以来|度报告|年度报告)/;

/**
 * The `period-year-mismatch` rule (described in the header of this file), registered in registry.ts.
 *
 * @example
 * checkReport(report, { 'period-year-mismatch': 'error' }).filter((a) => a.ruleId === 'period-year-mismatch');
 */
export const periodYearMismatch = defineRule({
  id: 'period-year-mismatch',
  meta: {
    severity: 'error',
    category: 'dates',
    description: {
      zh: '统计性表述的日期晚于报告年度',
      en: 'A statistical statement is dated after the report year',
    },
    why: 'A report can only count what happened in its own year. A later date on a figure means the figure was copied from another report or mistyped, and the figure cannot be trusted as this year’s.',
    falsePositives:
      'A status reported after the signature date (截至次年3月…); a sentence about last year that compares nothing. Comparisons and histories are not flagged, nor plans in the improvements section, nor cited document numbers and titles.',
  },
  messages: {
    asOf: {
      zh: '“{stated}”所述截止日期属于{year}年，而报告年度为{reportYear}年',
      en: 'Statement dated {year} ("{stated}") in a report for {reportYear}',
    },
    namedReport: {
      zh: '前言称本报告为“{stated}”（{year}年），而报告年度为{reportYear}年',
      en: 'The preamble names the report "{stated}" ({year}) in a report for {reportYear}',
    },
    statement: {
      zh: '统计表述的年份为{year}年（{count}），而报告年度为{reportYear}年',
      en: 'Statistical statement for {year} ({count}) in a report for {reportYear}',
    },
  },
  check(report, ctx) {
    const text = ctx.text;
    const year = reportYearOf(report);
    if (!text || !year) return;
    const tables = tableSpans(report);
    const yearEvidence = year.span ? [ctx.evidence('report-year', year.span, { value: year.year })] : [];
    const signed = signedOnOf(report);
    const flagged = new Set<number>();
    const period = report.meta.spans.period;
    const boundaryOff = periodBoundaryOff(report.meta.periodStart, report.meta.periodEnd, year.year);
    for (const end of periodEndsOf(report)) {
      // A stated period that starts in the report year is the report's own period with a wrong boundary:
      // period-end-mismatch reports it (one flag per span).
      if (boundaryOff && period && end.span[0] === period[0] && end.span[1] === period[1]) continue;
      if (end.year <= year.year || inSpans(end.span[0], tables) || insideBookTitle(text, end.span[0]))
        continue;
      if (signed && end.year === year.year + 1 && end.iso <= signed.iso) continue;
      flagged.add(end.span[0]);
      ctx.report({
        messageId: 'asOf',
        data: { stated: end.text, year: end.year, reportYear: year.year },
        place: end.span,
        evidence: [ctx.evidence('stated-date', end.span, { value: end.year }), ...yearEvidence],
        actual: end.year,
        expected: year.year,
      });
    }
    checkNamedReport();
    const plans = planSpans(report);
    const counts = statedCounts(report.claims ?? []);
    for (const [s, e] of sentenceSpans(text)) {
      const m = OPENING_YEAR.exec(text.slice(s, e)) ?? WHOLE_YEAR.exec(text.slice(s, e));
      if (!m?.[1]) continue;
      const y = Number(m[1]);
      const start = s + (m.index ?? 0) + m[0].indexOf(m[1]);
      if (/[较比与同自从于至和、]$/.test(text.slice(Math.max(s, start - 1), start))) continue;
      if (y === year.year || flagged.has(start) || inSpans(start, plans) || inSpans(start, tables)) continue;
      const rest = text.slice(start + 5, e);
      // An earlier year only as the topic of a whole sentence that is no comparison: a stale statement
      // left from last year's report (`2022年,…共制定规范性文件0件` in a 2023 report).
      if (y < year.year) {
        if (!OPENING_YEAR.test(text.slice(s, e))) continue;
        if (!EARLIER_TOPIC.test(text.slice(start + 4, e)) || COMPARISON.test(rest)) continue;
      }
      if (NOT_A_DATE_OF_STATEMENT.test(rest) || FUTURE.test(rest)) continue;
      // A full date opening the sentence is a dateline (signature, notice), not a period.
      if (chineseDates(text.slice(start, e))[0]?.span[0] === 0) continue;
      const count = counts.find((c) => c.span[0] >= start + 5 && c.span[0] < e);
      if (!count) continue;
      ctx.report({
        messageId: 'statement',
        data: { year: y, reportYear: year.year, count: text.slice(...count.fullSpan) },
        place: [start, start + 5],
        evidence: [
          ctx.evidence('stated-year', [start, start + 5], { value: y }),
          ctx.evidence('count', count.fullSpan, { value: count.value }),
          ...yearEvidence,
        ],
        actual: y,
        expected: year.year,
      });
    }

    /** The preamble (before the first section) naming the report of another year. */
    function checkNamedReport(): void {
      if (!year) return;
      const first = report.sections[0]?.extent[0] ?? Math.min(text.length, 600);
      for (const m of text.slice(0, first).matchAll(NAMES_REPORT)) {
        const y = Number(m[1]);
        const start = m.index;
        if (y === year.year || insideBookTitle(text, start) || inSpans(start, tables)) continue;
        // The title line names the report year itself; a slip is in running text after it.
        if (year.span && start <= year.span[0] + 4 && year.span[0] - 40 <= start) continue;
        if (!/[公布开编报根据以及对现将]/.test(text.slice(Math.max(0, start - 12), start))) continue;
        flagged.add(start);
        ctx.report({
          messageId: 'namedReport',
          data: { stated: m[0], year: y, reportYear: year.year },
          place: [start, start + 4],
          evidence: [ctx.evidence('stated-year', [start, start + 4], { value: y }), ...yearEvidence],
          actual: y,
          expected: year.year,
        });
      }
    }
  },
});

/**
 * The counts the prose claims, in text order, leaving out money and shares (a budget is no statistic) and
 * numbers of categories (`9大类`), which say how a list is arranged rather than what happened.
 */
function statedCounts(
  claims: Claim[],
): { value: number; span: [number, number]; fullSpan: [number, number] }[] {
  const out: { value: number; span: [number, number]; fullSpan: [number, number] }[] = [];
  for (const c of claims) {
    if (c.kind !== 'count' && c.kind !== 'restatement') continue;
    if (inFamily(c.unit, 'money') || inFamily(c.unit, 'share') || inFamily(c.unit, 'categories')) continue;
    out.push({ value: c.value, span: c.span, fullSpan: [c.span[0], c.span[1] + c.unit.length] });
  }
  return out.sort((a, b) => a.span[0] - b.span[0]);
}
