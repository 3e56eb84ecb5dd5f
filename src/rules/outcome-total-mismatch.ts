/**
 * outcome-total-mismatch — table 三: the outcome rows do not add up to （七）总计.
 *
 * What: per column, （一）予以公开 + （二）部分公开 + the items of （三）不予公开, （四）无法提供, （五）不予处理 and
 * （六）其他处理 must equal （七）总计. A printed group subtotal stands in for its items when the items are
 * missing.
 *
 * Why it matters to auditors: outcomes are mutually exclusive by the template's own note (部分公开 only
 * counts once), so the identity is exact; a mismatch means requests were lost or double counted.
 *
 * Known false positives: tables whose rows were mis-assigned by extraction.
 */
import { requestKey } from '../model/index.js';
import { defineRule } from './rule.js';
import {
  COL_NAMES,
  figureEvidence,
  OUTCOME_GROUPS,
  REQUEST_COLS,
  round,
  stated,
  sumOf,
} from './util/figures.js';

/**
 * The `outcome-total-mismatch` rule (described in the header of this file), registered in registry.ts.
 *
 * @example
 * checkReport(report, { 'outcome-total-mismatch': 'error' }).filter((a) => a.ruleId === 'outcome-total-mismatch');
 */
export const outcomeTotalMismatch = defineRule({
  id: 'outcome-total-mismatch',
  meta: {
    severity: 'error',
    category: 'table',
    description: {
      zh: '表三：办理结果各项之和不等于（七）总计',
      en: 'Table 三: the outcomes do not add up to （七）总计',
    },
    why: 'Outcomes are mutually exclusive by the template’s own note, so the sum is exact; a mismatch means requests were lost or counted twice.',
    falsePositives: 'Rows mis-assigned during extraction.',
  },
  messages: {
    column: {
      zh: '“{col}”列办理结果之和为 {sum}，（七）总计为 {total}',
      en: 'Column "{col}": the outcomes add up to {sum}, （七）总计 is {total}',
    },
  },
  check(report, ctx) {
    for (const col of REQUEST_COLS) {
      const total = stated(report, `requests.resultTotal.${col}`);
      if (!total) continue;
      let sum = 0;
      let seen = false;
      const parts: ReturnType<typeof figureEvidence>[] = [];
      for (const g of OUTCOME_GROUPS) {
        const items = sumOf(
          report,
          g.items.map((i) => requestKey(i, col)),
        );
        const subtotalKey = `requests.${g.group}.subtotal.${col}`;
        const subtotal = report.figures[subtotalKey];
        if (items) {
          seen = true;
          sum += items.sum;
          for (const [k, f] of items.parts) if (f.value !== 0) parts.push(figureEvidence('part', k, f));
        } else if (subtotal) {
          seen = true;
          sum += subtotal.value;
          if (!subtotal.derived) parts.push(figureEvidence('part', subtotalKey, subtotal));
        }
      }
      sum = round(sum);
      if (!seen || sum === total.value) continue;
      ctx.report({
        messageId: 'column',
        data: { col: COL_NAMES[col] ?? col, sum, total: total.value },
        place: total.span,
        evidence: [figureEvidence('total', `requests.resultTotal.${col}`, total), ...parts],
        actual: sum,
        expected: total.value,
      });
    }
  },
});
