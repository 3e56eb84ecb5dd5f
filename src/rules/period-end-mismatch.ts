/**
 * period-end-mismatch — an annual report whose statistics period is not its calendar year.
 *
 * What: the stated statistics period (`统计期限自…起至…止`) of an annual report must run from 1 January to
 * 31 December of the report year. Flags a period that starts in the report year but ends elsewhere
 * (`自2014年1月1日起至2015年1月1日止` in a 2014 report), or ends on 31 December of the report year but starts
 * on another day. A period that lies wholly in another year is left to period-year-mismatch (an error: the
 * report counts another year), so one stated period gets one flag.
 *
 * Why it matters to auditors: the figures of an annual report are compared year on year (carried-over
 * requests, documents in force); a period one day too long or a month short breaks those chains, or shows
 * the period sentence was edited carelessly.
 *
 * Known false positives: a report written before the year ended that says so (`截至11月30日`) is flagged on
 * purpose: its figures are not a full year.
 */
import { defineRule } from './rule.js';
import { periodBoundaryOff, reportYearOf } from './util/report-facts.js';

/**
 * The `period-end-mismatch` rule (described in the header of this file), registered in registry.ts.
 *
 * @example
 * checkReport(report).filter((a) => a.ruleId === 'period-end-mismatch'); // expected '2014-01-01 至 2014-12-31'
 */
export const periodEndMismatch = defineRule({
  id: 'period-end-mismatch',
  meta: {
    severity: 'warning',
    category: 'dates',
    description: {
      zh: '年度报告的统计期限不是报告年度的1月1日至12月31日',
      en: 'The statistics period of an annual report is not its calendar year',
    },
    why: 'Annual figures are compared year on year (carried-over requests, documents in force); a period one day too long or a month short breaks those chains, or shows the period sentence was edited carelessly.',
    falsePositives:
      'A report written before the year ended that says so (截至11月30日) is flagged on purpose. A period wholly in another year is reported by period-year-mismatch instead.',
  },
  messages: {
    period: {
      zh: '统计期限为 {start} 至 {end}，而{year}年度报告应为 {first} 至 {last}',
      en: 'The statistics period is {start} to {end}; a report for {year} covers {first} to {last}',
    },
  },
  check(report, ctx) {
    const { periodStart: start, periodEnd: end, spans } = report.meta;
    const year = reportYearOf(report);
    if (!year || !start || !end || !spans.period) return;
    if (!periodBoundaryOff(start, end, year.year)) return;
    const first = `${year.year}-01-01`;
    const last = `${year.year}-12-31`;
    ctx.report({
      messageId: 'period',
      data: { start, end, year: year.year, first, last },
      place: spans.period,
      evidence: [
        ctx.evidence('period', spans.period, { label: `${start} 至 ${end}` }),
        ...(year.span ? [ctx.evidence('report-year', year.span, { value: year.year })] : []),
      ],
      actual: `${start} 至 ${end}`,
      expected: `${first} 至 ${last}`,
    });
  },
});
