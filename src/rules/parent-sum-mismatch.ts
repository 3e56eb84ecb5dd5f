/**
 * parent-sum-mismatch — era A statistics table: a parent row differs from the sum of its child rows.
 *
 * What: 收到申请数 = 当面 + 传真 + 网络 + 信函; 申请办结数 = 按时 + 延期; 申请答复数 = its eight categories;
 * 不同意公开答复数 = its six reasons; 从事政府信息公开工作人员数 = 专职 + 兼职. With every child present the
 * sum must equal the parent; with some children missing, the present ones must not exceed it. For 收到申请数
 * and 申请答复数 only an excess is flagged, since provincial tables add channels and reply types (电子邮件,
 * 其他类型答复) that no key names; likewise where any of the figures comes from a prose sentence, which may
 * list parts no key covers (主管1人、专职0人、兼职2人).
 *
 * Why it matters to auditors: these rows are defined as sums in the national statistics table (国办发
 * 〔2014〕32号); a mismatch means a row was mistyped.
 *
 * Known false positives: provincial variants that add a channel (电子邮件, 其他) the keys do not name.
 */
import { SUM_FAMILIES } from '../templates/era-a.js';
import { defineRule } from './rule.js';
import { figureEvidence, stated, sumOf } from './util/figures.js';

/** `open`: provincial tables add rows no key names (电子邮件申请, 其他类型答复), so only an excess is certain. */

/**
 * The `parent-sum-mismatch` rule (described in the header of this file), registered in registry.ts.
 *
 * @example
 * checkReport(report, { 'parent-sum-mismatch': 'error' }).filter((a) => a.ruleId === 'parent-sum-mismatch');
 */
export const parentSumMismatch = defineRule({
  id: 'parent-sum-mismatch',
  meta: {
    severity: 'error',
    category: 'arithmetic',
    description: {
      zh: '统计表（2008–2018 格式）：上级指标不等于下级指标之和',
      en: 'Era A statistics: a parent row differs from the sum of its child rows',
    },
    why: 'The national statistics table defines these rows as sums; a mismatch means a mistyped row.',
    falsePositives:
      'Provincial variants with extra rows are only checked for an excess, so they do not raise false alarms; a mislabelled row still can.',
  },
  messages: {
    sum: {
      zh: '“{parent}”为 {total}，其分项之和为 {sum}',
      en: '"{parent}" is {total}, its parts add up to {sum}',
    },
  },
  check(report, ctx) {
    for (const { parent, children, open } of SUM_FAMILIES) {
      const total = stated(report, parent);
      if (!total) continue;
      const parts = sumOf(report, children);
      if (!total || !parts || parts.parts.length < 2) continue;
      // A prose sentence may name parts no key covers (主管1人、专职0人、兼职2人 against 专职/兼职): from
      // prose only an excess is certain, as for the open tables.
      const fromProse = [total, ...parts.parts.map(([, f]) => f)].some((f) => f.source === 'prose');
      const complete = !open && !fromProse && parts.parts.length === children.length;
      if (complete ? parts.sum === total.value : parts.sum <= total.value) continue;
      ctx.report({
        messageId: 'sum',
        data: { parent: total.label ?? parent, total: total.value, sum: parts.sum },
        place: total.span,
        evidence: [
          figureEvidence('total', parent, total),
          ...parts.parts.map(([k, f]) => figureEvidence('part', k, f)),
        ],
        actual: parts.sum,
        expected: total.value,
      });
    }
  },
});
