/**
 * invalid-count — a count that is negative or not a whole number.
 *
 * What: every stated figure other than money (万元, 元) and the signed `*.change` fields must be a
 * non-negative integer.
 *
 * Why it matters to auditors: requests, items and cases are counted in whole units; a negative or
 * fractional count is a typing or extraction error and poisons every sum it enters.
 *
 * Known false positives: none known for correctly extracted figures.
 */
import { defineRule } from './rule.js';
import { figureEvidence } from './util/figures.js';

const MONEY = new Set(['万元', '元', '亿元']);

/**
 * The `invalid-count` rule (described in the header of this file), registered in registry.ts.
 *
 * @example
 * checkReport(report, { 'invalid-count': 'error' }).filter((a) => a.ruleId === 'invalid-count');
 */
export const invalidCount = defineRule({
  id: 'invalid-count',
  meta: {
    severity: 'warning',
    category: 'arithmetic',
    description: {
      zh: '计数为负数或非整数',
      en: 'A count is negative or not a whole number',
    },
    why: 'Requests, items and cases are counted in whole units; a negative or fractional count is an error that spoils every sum it enters.',
    falsePositives: 'None known.',
  },
  messages: {
    negative: { zh: '“{key}”为负数 {value}', en: '"{key}" is negative ({value})' },
    fraction: { zh: '“{key}”不是整数（{value}）', en: '"{key}" is not a whole number ({value})' },
  },
  check(report, ctx) {
    for (const [key, f] of Object.entries(report.figures)) {
      if (
        f.derived ||
        key.endsWith('.change') ||
        MONEY.has(f.unit) ||
        key.includes('.amount') ||
        key.endsWith('fees')
      )
        continue;
      const messageId = f.value < 0 ? 'negative' : Number.isInteger(f.value) ? null : 'fraction';
      if (!messageId) continue;
      ctx.report({
        messageId,
        data: { key, value: f.value },
        place: f.span,
        evidence: [figureEvidence('count', key, f)],
        actual: f.value,
        expected: messageId === 'negative' ? '>= 0' : 'integer',
      });
    }
  },
});
