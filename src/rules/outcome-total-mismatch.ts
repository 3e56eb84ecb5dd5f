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
 * Outcome rows the table reader did not read at all (a wrapped label in a text copy of a PDF leaves its
 * numbers on a line of their own) can only add to the sum: where the outcomes read fall short of the total
 * and such rows are missing, the column is reported as not assessable, naming the rows, instead of as an
 * error. Outcomes that exceed the total are an error either way.
 *
 * Known false positives: tables whose rows were mis-assigned by extraction.
 */
import { type Report, requestKey } from '../model/index.js';
import { REQUEST_ROWS as ROW_DEFS } from '../templates/template-bc.js';
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
    unread: {
      zh: '“{col}”列读到的办理结果之和为 {sum}，（七）总计为 {total}；未读到的行：{rows}，无法判断',
      en: 'Column "{col}": the outcomes read add up to {sum}, （七）总计 is {total}; rows not read: {rows}, so this cannot be judged',
    },
  },
  check(report, ctx) {
    for (const col of REQUEST_COLS) {
      const total = stated(report, `requests.resultTotal.${col}`);
      if (!total) continue;
      const unread = unreadRows(report, ctx.text, total.span[0]);
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
      const judged = sum > total.value || unread.length === 0;
      ctx.report({
        messageId: judged ? 'column' : 'unread',
        ...(judged ? {} : { notAssessable: true as const }),
        data: {
          col: COL_NAMES[col] ?? col,
          sum,
          total: total.value,
          ...(judged ? {} : { rows: unread.join('、') }),
        },
        place: total.span,
        evidence: [figureEvidence('total', `requests.resultTotal.${col}`, total), ...parts],
        actual: sum,
        expected: total.value,
      });
    }
  },
});

/**
 * The outcome rows of the template whose label the table prints (between 本年新收 and （七）总计) but of which
 * no cell was read in any column. A group read as a subtotal or as a row of another revision (（六）其他处理
 * as one row) is read; a row the table does not print is a blank row, not an unread one.
 */
function unreadRows(report: Report, text: string, totalAt: number): string[] {
  const from = report.figures['requests.newReceived.total']?.span[0] ?? 0;
  const table = text.slice(from, totalAt).replace(/\s+/g, '');
  const read = (row: string) => REQUEST_COLS.some((c) => report.figures[`requests.${row}.${c}`]);
  const out: string[] = [];
  for (const g of OUTCOME_GROUPS) {
    const own = (k: string) => g.items.some((i) => k.startsWith(`requests.${i}.`));
    const other = Object.keys(report.figures).some((k) => k.startsWith(`requests.${g.group}.`) && !own(k));
    if (other) continue;
    for (const item of g.items) {
      if (read(item)) continue;
      const label = ROW_DEFS.find((r) => r.row === item)?.label ?? item;
      const core = (label.split(' ').pop() ?? '')
        .replace(/^[（(]?[一二三四五六七八九十\d]+[)）.、]?/, '')
        .slice(0, 6);
      if (core && table.includes(core)) out.push(label);
    }
  }
  return out;
}
