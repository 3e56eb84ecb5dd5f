/**
 * signed-outside-window — the report was signed long after the legal publication deadline.
 *
 * What: the 《条例》 requires publication by 31 March (old rules, governments) or 31 January (departments,
 * 2019 rules) of the following year. The rule flags a signature date later than 31 March of the
 * following year plus a grace period (option `graceDays`, default 90), or in a later year altogether.
 *
 * Why it matters to auditors: late publication is itself a compliance finding, and a date far from the
 * window often means the date belongs to another report (copied signature block).
 *
 * Known false positives: reports that were genuinely republished or corrected later and carry the new date.
 */
import * as z from 'zod';
import { defineRule } from './rule.js';
import { reportYearOf, signedOnOf } from './util/report-facts.js';

/**
 * The `signed-outside-window` rule (described in the header of this file), registered in registry.ts.
 *
 * @example
 * checkReport(report, { 'signed-outside-window': 'error' }).filter((a) => a.ruleId === 'signed-outside-window');
 */
export const signedOutsideWindow = defineRule({
  id: 'signed-outside-window',
  meta: {
    severity: 'warning',
    category: 'dates',
    description: {
      zh: '落款日期远超法定公布期限',
      en: 'Signed far outside the legal publication window',
    },
    why: 'Late publication is a compliance finding in itself, and a date far from the window often belongs to another report (a copied signature block).',
    falsePositives: 'Reports republished or corrected later that carry the new date.',
    options: [
      {
        name: 'graceDays',
        description: 'days after 31 March of the following year still accepted',
        default: 90,
      },
    ],
  },
  options: z.object({ graceDays: z.number().int().nonnegative().default(90) }).prefault({}),
  messages: {
    late: {
      zh: '落款日期 {signed} 晚于公布期限（{deadline}）{days} 天',
      en: 'Signed on {signed}, {days} days after the deadline {deadline}',
    },
  },
  check(report, ctx) {
    const signed = signedOnOf(report);
    const year = reportYearOf(report);
    if (!signed || !year) return;
    const deadline = `${year.year + 1}-03-31`;
    const days = Math.round((Date.parse(signed.iso) - Date.parse(deadline)) / 86_400_000);
    if (!(days > ctx.options.graceDays)) return;
    ctx.report({
      messageId: 'late',
      data: { signed: signed.iso, deadline, days },
      place: signed.span,
      evidence: [
        ctx.evidence('signature', signed.span),
        ...(year.span ? [ctx.evidence('report-year', year.span, { value: year.year })] : []),
      ],
      actual: signed.iso,
      expected: `<= ${deadline}`,
    });
  },
});
