/**
 * money-magnitude — a money figure jumps by a factor of about 10⁴ from the previous year (元 vs 万元).
 *
 * What: for 行政事业性收费金额, 政府集中采购总金额, 依申请公开收费 and 专项经费 (all normalized to 万元), the
 * ratio to the same agency's previous-year value is compared with option `factor` (default 1000):
 * a ratio above it or below its inverse suggests one report wrote 元 where the other wrote 万元.
 *
 * Why it matters to auditors: money cells are printed in 元 or 万元 without a unit in the template's
 * header; a confusion changes an amount ten-thousand-fold.
 *
 * Known false positives: genuine one-off changes (a large procurement project in one year).
 */
import * as z from 'zod';
import { defineCrossRule } from './rule.js';
import { agencyKeyOf, digestEvidence, yearPairs } from './util/chain.js';

/**
 * Money figures (万元) compared from year to year.
 *
 * @example
 * MONEY_KEYS.includes('active.fees.amount'); // true
 */
export const MONEY_KEYS = [
  'active.fees.amount',
  'active.procurement.amount',
  'applications.fees',
  'org.budget',
];

/**
 * The `money-magnitude` cross-report rule (described in the header of this file), registered in registry.ts.
 *
 * @example
 * checkAcross(digests, { 'money-magnitude': 'warning' }).filter((f) => f.anomaly.ruleId === 'money-magnitude');
 */
export const moneyMagnitude = defineCrossRule({
  id: 'money-magnitude',
  meta: {
    severity: 'warning',
    category: 'across',
    description: {
      zh: '金额较上年相差约万倍（元与万元混用）',
      en: 'A money figure changes about ten-thousand-fold (元 vs 万元)',
    },
    why: 'Money cells carry no unit in the template header; writing 元 where 万元 is meant changes an amount ten-thousand-fold.',
    falsePositives: 'Genuine one-off changes, such as a single large procurement.',
    options: [
      { name: 'factor', description: 'ratio to the previous year that counts as a jump', default: 1000 },
    ],
  },
  options: z.object({ factor: z.number().positive().default(1000) }).prefault({}),
  messages: {
    jump: {
      zh: '“{key}”为 {current} 万元，上年为 {previous} 万元，相差 {ratio} 倍',
      en: '"{key}" is {current} 万元 against {previous} 万元 last year, a factor of {ratio}',
    },
  },
  check(digests, ctx) {
    for (const key of MONEY_KEYS) {
      for (const { current, previous, sameAgency } of yearPairs(digests, (d) => key in d.figures)) {
        const now = current.figures[key];
        const before = previous.figures[key];
        if (!now || !before || now.value <= 0 || before.value <= 0) continue;
        const ratio = Math.max(now.value / before.value, before.value / now.value);
        if (ratio < ctx.options.factor) continue;
        ctx.report({
          file: current.file,
          line: now.line,
          messageId: 'jump',
          data: {
            key,
            current: now.value,
            previous: before.value,
            ratio: Math.round(ratio),
            sameAgency,
            agencyKey: agencyKeyOf(current) ?? '',
          },
          place: now.span,
          evidence: [
            digestEvidence('amount', key, now),
            digestEvidence('previous-amount', key, before, previous.file),
          ],
          actual: now.value,
          expected: before.value,
        });
      }
    }
  },
});
