/**
 * review-litigation-total — table 四 (and the era A counts): 维持 + 纠正 + 其他 + 尚未审结 ≠ 总计.
 *
 * What: for 行政复议, 行政诉讼 未经复议直接起诉 and 复议后起诉 (eras B/C), and for 行政复议数量 and 行政诉讼数量
 * (era A, without 尚未审结), the result columns must add up to the total. Missing result cells count as 0
 * when the block has other cells.
 *
 * Why it matters to auditors: the totals are what summaries quote; if they do not match their parts,
 * cases were lost or double counted.
 *
 * Known false positives: wrong splits of flattened 15-digit rows.
 */
import { defineRule } from './rule.js';
import { figureEvidence, stated, sumOf } from './util/figures.js';

const BLOCKS: { key: string; name: string }[] = [
  { key: 'review', name: '行政复议' },
  { key: 'litigation.direct', name: '行政诉讼（未经复议直接起诉）' },
  { key: 'litigation.afterReview', name: '行政诉讼（复议后起诉）' },
  { key: 'litigation', name: '行政诉讼' },
];
const RESULTS = ['upheld', 'corrected', 'other', 'pending'];

/**
 * The `review-litigation-total` rule (described in the header of this file), registered in registry.ts.
 *
 * @example
 * checkReport(report, { 'review-litigation-total': 'error' }).filter((a) => a.ruleId === 'review-litigation-total');
 */
export const reviewLitigationTotal = defineRule({
  id: 'review-litigation-total',
  meta: {
    severity: 'error',
    category: 'table',
    description: {
      zh: '表四：复议、诉讼结果之和不等于总计',
      en: 'Table 四: results of review or litigation do not add up to the total',
    },
    why: 'The totals are what summaries quote; if they do not match their parts, cases were lost or counted twice.',
    falsePositives: 'Wrong splits of a flattened 15-digit row.',
  },
  messages: {
    block: {
      zh: '{block}：结果维持、纠正、其他、尚未审结之和为 {sum}，总计为 {total}',
      en: '{block}: upheld + corrected + other + pending = {sum}, total is {total}',
    },
  },
  check(report, ctx) {
    for (const block of BLOCKS) {
      const total = stated(report, `${block.key}.total`);
      if (!total) continue;
      const parts = sumOf(
        report,
        RESULTS.map((r) => `${block.key}.${r}`),
      );
      if (!total || !parts || parts.sum === total.value) continue;
      ctx.report({
        messageId: 'block',
        data: { block: block.name, sum: parts.sum, total: total.value },
        place: total.span,
        evidence: [
          figureEvidence('total', `${block.key}.total`, total),
          ...parts.parts.map(([k, f]) => figureEvidence('part', k, f)),
        ],
        actual: parts.sum,
        expected: total.value,
      });
    }
  },
});
