/**
 * plan-year-mismatch — plans announced for the report year itself (or earlier) instead of the next year.
 *
 * What: in the problems-and-improvements part, a year followed by a statement of intent
 * (`2016年，我们将采取以下措施` in a 2016 report) where the year is not after the report year.
 *
 * Why it matters to auditors: the improvement section is written after the year ends, so plans for that
 * same year show a paragraph carried over from an earlier report without being updated.
 *
 * Known false positives: a sentence recalling what was planned during the year (`2016年计划…已完成`).
 */
import { defineRule } from './rule.js';
import { inSpans, planSpans, reportYearOf } from './util/report-facts.js';
import { insideBookTitle } from './util/text.js';

const PLAN =
  /((?:19|20)\d{2})年(?:度)?[^。；\n]{0,12}?(我们将|我.将|将采取|将继续|将进一步|将着力|将重点|计划|拟|力争|争取|打算)/g;

/**
 * The `plan-year-mismatch` rule (described in the header of this file), registered in registry.ts.
 *
 * @example
 * checkReport(report, { 'plan-year-mismatch': 'error' }).filter((a) => a.ruleId === 'plan-year-mismatch');
 */
export const planYearMismatch = defineRule({
  id: 'plan-year-mismatch',
  meta: {
    severity: 'warning',
    category: 'dates',
    description: {
      zh: '改进计划所指年份不是下一年度',
      en: 'Plans are announced for a year that is not the next one',
    },
    why: 'The improvement section is written after the year has ended; plans for that same year show a paragraph copied from an earlier report without being updated.',
    falsePositives: 'Sentences recalling what had been planned during the year.',
  },
  messages: {
    plan: {
      zh: '改进计划写为{year}年，报告年度为{reportYear}年，应为{next}年',
      en: 'Plans for {year} in a report for {reportYear}, expected {next}',
    },
  },
  check(report, ctx) {
    const text = ctx.text;
    const year = reportYearOf(report);
    if (!text || !year) return;
    const plans = planSpans(report);
    for (const m of text.matchAll(PLAN)) {
      const y = Number(m[1]);
      const start = m.index;
      if (y > year.year || !inSpans(start, plans) || insideBookTitle(text, start)) continue;
      ctx.report({
        messageId: 'plan',
        data: { year: y, reportYear: year.year, next: year.year + 1 },
        place: [start, start + 5],
        evidence: [
          ctx.evidence('plan', [start, start + m[0].length], { value: y }),
          ...(year.span ? [ctx.evidence('report-year', year.span, { value: year.year })] : []),
        ],
        actual: y,
        expected: year.year + 1,
      });
    }
  },
});
