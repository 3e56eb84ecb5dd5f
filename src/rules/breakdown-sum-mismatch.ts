/**
 * breakdown-sum-mismatch — the parts of a total add up to more than the total, or to less where the
 * parts claim to be the whole.
 *
 * What: reads the breakdown claims of the prose (`…N条。其中，A a条；B b条，C c条`; 包括, 分别为 and 含
 * open the same claim), which keep the total and its parts to one subject and scope: the parts stop at
 * a ；that opens another statement or another subject (其中…；行政复议2件、行政诉讼7件 are not parts of
 * the requests) and at a running total (累计); asides in brackets are not parts. Parts that add up to more
 * than the total are flagged (a single part too: 其中 names a subset); parts that add up to less only where the list is exhaustive by its own
 * words — shares (占…%) that make 100%, the list then going on in the following sentences
 * (`其中，区直…1397条，占73%。各乡镇…534条，占27%。`), or a last part that is the rest (`其他…494条`) — or
 * with the option `exact`. Qualified numbers (余, 近, 约) are compared by their bounds.
 *
 * Why it matters to auditors: a breakdown larger than its total means at least one of the numbers is wrong
 * (the seed report: 84 items in total, 64 + 20 + 10 = 94 by channel).
 *
 * Known false positives: channel breakdowns where one item was published on several channels and the
 * report counts it once in the total but in every channel (the national table counts such an item once,
 * so the report should say so).
 */
import * as z from 'zod';
import type { BreakdownClaim } from '../model/index.js';
import { defineRule } from './rule.js';
import { lowerBound, upperBound } from './util/numbers.js';

/**
 * The `breakdown-sum-mismatch` rule (described in the header of this file), registered in registry.ts.
 *
 * @example
 * checkReport(report, { 'breakdown-sum-mismatch': 'error' }).filter((a) => a.ruleId === 'breakdown-sum-mismatch');
 */
export const breakdownSumMismatch = defineRule({
  id: 'breakdown-sum-mismatch',
  meta: {
    severity: 'error',
    category: 'arithmetic',
    description: {
      zh: '“其中”所列分项之和与总数不符',
      en: 'The parts listed after 其中 do not add up to the total',
    },
    why: 'A breakdown larger than its total means at least one of the numbers is wrong; auditors cannot tell which without the source data.',
    falsePositives:
      'Channel breakdowns where one item appeared on several channels but was counted once in the total.',
    options: [
      { name: 'exact', description: 'also flag parts that add up to less than the total', default: false },
    ],
  },
  options: z.object({ exact: z.boolean().default(false) }).prefault({}),
  messages: {
    exceeds: {
      zh: '分项之和 {sum} 超过总数 {total}（{parts}）',
      en: 'Parts add up to {sum}, more than the total {total} ({parts})',
    },
    short: {
      zh: '分项之和 {sum} 小于总数 {total}（{parts}）',
      en: 'Parts add up to {sum}, less than the total {total} ({parts})',
    },
  },
  check(report, ctx) {
    const breakdowns = (report.claims ?? []).filter(
      (c): c is BreakdownClaim & { value: number } => c.kind === 'breakdown' && c.value !== undefined,
    );
    for (const b of breakdowns) {
      const parts = b.parts;
      if (parts.length === 0) continue;
      const total = { value: b.value, qualifier: b.qualifier };
      const low = parts.reduce((a, c) => a + lowerBound(c), 0);
      const exact = parts.every((c) => c.qualifier === 'exact') && b.qualifier === 'exact';
      const sum = parts.reduce((a, c) => a + c.value, 0);
      // A single part can only be compared as a subset: less than the whole is what 其中 says.
      const messageId =
        low > upperBound(total)
          ? 'exceeds'
          : parts.length > 1 && exact && sum < b.value && (b.exhaustive || ctx.options.exact)
            ? 'short'
            : null;
      if (!messageId) continue;
      ctx.report({
        messageId,
        data: { sum: round(sum), total: b.value, parts: parts.map((c) => c.stated).join(' + ') },
        place: b.span,
        evidence: [
          ctx.evidence('total', b.span, { value: b.value }),
          ...parts.map((c) => ctx.evidence('part', c.span, { value: c.value })),
        ],
        actual: round(sum),
        expected: b.value,
      });
    }
  },
});

/** Sums of decimal amounts (万元) without floating-point noise. */
function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
