/**
 * subtotal-mismatch — a printed group subtotal of table 三 differs from the sum of its items.
 *
 * What: where a report prints a subtotal row for （三）不予公开, （四）无法提供, （五）不予处理 or （六）其他处理
 * (the official layout has none), the subtotal must equal the sum of the group's items, per column.
 *
 * Why it matters to auditors: readers quote the subtotal; if it disagrees with its items, one of them
 * was edited without the other.
 *
 * Known false positives: none known; derived (unprinted) subtotals are never checked.
 */
import { requestKey } from '../model/index.js';
import { defineRule } from './rule.js';
import { COL_NAMES, figureEvidence, OUTCOME_GROUPS, REQUEST_COLS, stated, sumOf } from './util/figures.js';

/**
 * The `subtotal-mismatch` rule (described in the header of this file), registered in registry.ts.
 *
 * @example
 * checkReport(report, { 'subtotal-mismatch': 'error' }).filter((a) => a.ruleId === 'subtotal-mismatch');
 */
export const subtotalMismatch = defineRule({
  id: 'subtotal-mismatch',
  meta: {
    severity: 'error',
    category: 'table',
    description: {
      zh: '表三：小计不等于其各项之和',
      en: 'Table 三: a printed subtotal differs from the sum of its items',
    },
    why: 'Readers quote the subtotal; if it disagrees with its items, one was edited without the other.',
    falsePositives: 'None known; only printed subtotals are checked.',
  },
  messages: {
    subtotal: {
      zh: '“{group}”小计（{col}）为 {subtotal}，其各项之和为 {sum}',
      en: 'Subtotal of "{group}" ({col}) is {subtotal}, its items add up to {sum}',
    },
  },
  check(report, ctx) {
    for (const g of OUTCOME_GROUPS) {
      if (g.items.length < 2 || !g.subtotal) continue;
      for (const col of REQUEST_COLS) {
        const key = requestKey(g.subtotal, col);
        const subtotal = stated(report, key);
        if (!subtotal) continue;
        const items = sumOf(
          report,
          g.items.map((i) => requestKey(i, col)),
        );
        if (!subtotal || !items || items.sum === subtotal.value) continue;
        ctx.report({
          messageId: 'subtotal',
          data: { group: g.name, col: COL_NAMES[col] ?? col, subtotal: subtotal.value, sum: items.sum },
          place: subtotal.span,
          evidence: [
            figureEvidence('subtotal', key, subtotal),
            ...items.parts.map(([k, f]) => figureEvidence('part', k, f)),
          ],
          actual: items.sum,
          expected: subtotal.value,
        });
      }
    }
  },
});
