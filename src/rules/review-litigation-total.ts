/**
 * review-litigation-total — table 四 (and the era A counts): 维持 + 纠正 + 其他 + 尚未审结 ≠ 总计.
 *
 * What: for 行政复议, 行政诉讼 未经复议直接起诉 and 复议后起诉 (eras B/C), and for 行政复议数量 and 行政诉讼数量
 * (era A, without 尚未审结), the result columns must add up to the total. Missing result cells count as 0
 * when the block has other cells; results read from running text, which names only the results it has,
 * are only checked for exceeding the total.
 *
 * Why it matters to auditors: the totals are what summaries quote; if they do not match their parts,
 * cases were lost or double counted.
 *
 * Known false positives: wrong splits of flattened 15-digit rows.
 */
import { composedKey } from '../model/index.js';
import { type ReviewBlock, templates } from '../templates/index.js';
import { defineRule } from './rule.js';
import { figureEvidence, stated, sumOf } from './util/figures.js';

/** Every template's review blocks once (table 四 of B/C and the era A counts share `review`), and their result columns. */
function reviewShape(): { blocks: ReviewBlock[]; results: string[] } {
  const all = templates();
  const blocks = new Map(all.flatMap((t) => t.review?.blocks ?? []).map((b) => [b.prefix, b]));
  const results = new Set(all.flatMap((t) => t.review?.columns.map((c) => c.col) ?? []));
  results.delete('total');
  return { blocks: [...blocks.values()], results: [...results] };
}

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
    const { blocks, results } = reviewShape();
    for (const block of blocks) {
      const total = stated(report, composedKey(`${block.prefix}.total`));
      if (!total) continue;
      const parts = sumOf(
        report,
        results.map((r) => composedKey(`${block.prefix}.${r}`)),
      );
      if (!total || !parts || parts.sum === total.value) continue;
      // Prose names the results it has (`行政复议4起，其中1起尚未审结`): the others are unsaid, not 0, so
      // such parts only contradict a total they exceed.
      const prose = total.source === 'prose' || parts.parts.some(([, f]) => f.source === 'prose');
      if (prose && parts.parts.length < results.length && parts.sum < total.value) continue;
      ctx.report({
        messageId: 'block',
        data: { block: block.name, sum: parts.sum, total: total.value },
        place: total.span,
        evidence: [
          figureEvidence('total', `${block.prefix}.total`, total),
          ...parts.parts.map(([k, f]) => figureEvidence('part', k, f)),
        ],
        actual: parts.sum,
        expected: total.value,
      });
    }
  },
});
