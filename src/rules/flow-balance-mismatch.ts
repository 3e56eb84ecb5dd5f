/**
 * flow-balance-mismatch — table 三: 本年新收 + 上年结转 ≠ （七）总计 + 结转下年度.
 *
 * What: the identity the template prints in its top-left cell (第一项加第二项之和，等于第三项加第四项之和),
 * per column. A blank carry-over cell counts as 0 when the rest of its row is 0 too.
 *
 * Why it matters to auditors: every request received or carried over must be either handled this year
 * or carried forward; a gap means requests disappeared from the statistics.
 *
 * Known false positives: none known for correctly extracted tables; wrong digit splits in flattened tables.
 */
import type { Report, RequestColumn } from '../model/index.js';
import type { RequestRow } from '../templates/template-bc.js';
import { defineRule } from './rule.js';
import { COL_NAMES, figureEvidence, REQUEST_COLS, round, stated } from './util/figures.js';

/**
 * The `flow-balance-mismatch` rule (described in the header of this file), registered in registry.ts.
 *
 * @example
 * checkReport(report, { 'flow-balance-mismatch': 'error' }).filter((a) => a.ruleId === 'flow-balance-mismatch');
 */
export const flowBalanceMismatch = defineRule({
  id: 'flow-balance-mismatch',
  meta: {
    severity: 'error',
    category: 'table',
    description: {
      zh: '表三：本年新收 + 上年结转 ≠ 办理结果总计 + 结转下年度',
      en: 'Table 三: new + carried over ≠ handled + carried forward',
    },
    why: 'Every request received or carried over is either handled or carried forward; a gap means requests vanished from the statistics.',
    falsePositives: 'Wrong digit splits in flattened tables.',
  },
  messages: {
    column: {
      zh: '“{col}”列：新收 {newReceived} + 上年结转 {carriedOver} = {inflow}，而办理结果总计 {resultTotal} + 结转下年度 {carriedForward} = {outflow}',
      en: 'Column "{col}": new {newReceived} + carried over {carriedOver} = {inflow}, but handled {resultTotal} + carried forward {carriedForward} = {outflow}',
    },
  },
  check(report, ctx) {
    for (const col of REQUEST_COLS) {
      const fresh = stated(report, `requests.newReceived.${col}`);
      const handled = stated(report, `requests.resultTotal.${col}`);
      if (!fresh || !handled) continue;
      const over = rowValue(report, 'carriedOver', col);
      const forward = rowValue(report, 'carriedForward', col);
      if (over === undefined || forward === undefined) continue;
      const inflow = round(fresh.value + over.value);
      const outflow = round(handled.value + forward.value);
      if (inflow === outflow) continue;
      const evidence = [
        figureEvidence('new-received', `requests.newReceived.${col}`, fresh),
        ...(over.figure ? [figureEvidence('carried-over', `requests.carriedOver.${col}`, over.figure)] : []),
        figureEvidence('result-total', `requests.resultTotal.${col}`, handled),
        ...(forward.figure
          ? [figureEvidence('carried-forward', `requests.carriedForward.${col}`, forward.figure)]
          : []),
      ];
      ctx.report({
        messageId: 'column',
        data: {
          col: COL_NAMES[col] ?? col,
          newReceived: fresh.value,
          carriedOver: over.value,
          inflow,
          resultTotal: handled.value,
          carriedForward: forward.value,
          outflow,
        },
        place: handled.span,
        evidence,
        actual: outflow,
        expected: inflow,
      });
    }
  },
});

/**
 * A row's value in a column; a blank cell counts as 0 only when the row has no non-zero cell elsewhere
 * (a blank 总计 beside non-zero applicant cells is missing, not zero).
 */
function rowValue(report: Report, row: RequestRow, col: RequestColumn) {
  const f = stated(report, `requests.${row}.${col}`);
  if (f) return { value: f.value, figure: f };
  const others = Object.entries(report.figures).filter(([k]) => k.startsWith(`requests.${row}.`));
  if (others.length === 0 || others.some(([, g]) => g.value !== 0)) return undefined;
  return { value: 0, figure: undefined };
}
