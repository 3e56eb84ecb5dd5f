/**
 * signed-before-period-end — the signature or issue date precedes the end of the period the report covers.
 *
 * What: compares the signature date (signature block at the end or the date under the title) with the
 * latest stated period end (统计期限 …至, 截至 …) or, when none is stated, 31 December of the report year.
 *
 * Why it matters to auditors: a report signed before its period ended cannot contain a full year of
 * data; either the date or the stated period is wrong, and the figures may be estimates or copies.
 *
 * Known false positives: a date under the title that is the date of an unrelated notice; a mistyped
 * period end that is itself flagged by period-year-mismatch (both are reported, as in the seed report).
 */
import { defineRule } from './rule.js';
import { periodEndsOf, reportYearOf, signedOnOf } from './util/report-facts.js';

/**
 * The `signed-before-period-end` rule (described in the header of this file), registered in registry.ts.
 *
 * @example
 * checkReport(report, { 'signed-before-period-end': 'error' }).filter((a) => a.ruleId === 'signed-before-period-end');
 */
export const signedBeforePeriodEnd = defineRule({
  id: 'signed-before-period-end',
  meta: {
    severity: 'error',
    category: 'dates',
    description: {
      zh: '落款（成文）日期早于统计期末',
      en: 'The report is signed before its period ends',
    },
    why: 'A report signed before its period ended cannot hold a full year of data: either the date or the stated period is wrong, and the figures may be estimates or copied.',
    falsePositives:
      'A date near the title that belongs to something else (a notice, a meeting). When the stated period end is itself a typo, period-year-mismatch flags it too.',
  },
  messages: {
    stated: {
      zh: '落款日期 {signed} 早于所述统计截止日期 {periodEnd}',
      en: 'Signed on {signed}, before the stated period end {periodEnd}',
    },
    implied: {
      zh: '落款日期 {signed} 早于报告年度 {reportYear} 年末',
      en: 'Signed on {signed}, before the end of the report year {reportYear}',
    },
  },
  check(report, ctx) {
    const signed = signedOnOf(report);
    if (!signed) return;
    const ends = periodEndsOf(report).sort((a, b) => (a.iso < b.iso ? 1 : -1));
    const latest = ends[0];
    if (latest && latest.iso > signed.iso) {
      ctx.report({
        messageId: 'stated',
        data: { signed: signed.iso, periodEnd: latest.iso },
        place: signed.span,
        evidence: [
          ctx.evidence('signature', signed.span),
          ctx.evidence('period-end', latest.span, { label: latest.iso }),
        ],
        actual: signed.iso,
        expected: `>= ${latest.iso}`,
      });
      return;
    }
    const year = reportYearOf(report);
    if (!year || latest) return;
    const end = `${year.year}-12-31`;
    if (signed.iso >= end) return;
    ctx.report({
      messageId: 'implied',
      data: { signed: signed.iso, reportYear: year.year },
      place: signed.span,
      evidence: [
        ctx.evidence('signature', signed.span),
        ...(year.span ? [ctx.evidence('report-year', year.span, { value: year.year })] : []),
      ],
      actual: signed.iso,
      expected: `>= ${end}`,
    });
  },
});
