/**
 * carryover-chain — 上年结转 this year differs from last year's 结转下年度继续办理.
 *
 * What: across the reports of one agency in a batch (one agency key: division code and department, so name
 * variants such as 党工委管委会/管委会 or 人民政府/政府 are one agency), for every column of table 三,
 * `requests.carriedOver.<col>` of year t must equal `requests.carriedForward.<col>` of year t−1.
 *
 * Why it matters to auditors: requests carried forward must reappear the next year; a break means
 * requests were lost between years or one of the two tables is wrong.
 *
 * Known false positives: a corrected earlier report that the batch does not include; agencies that merged
 * between the two years.
 */

import { defineCrossRule } from './rule.js';
import { agencyKeyOf, digestEvidence, yearPairs } from './util/chain.js';
import { COL_NAMES, REQUEST_COLS } from './util/figures.js';

/**
 * The `carryover-chain` cross-report rule (described in the header of this file), registered in registry.ts.
 *
 * @example
 * checkAcross(digests, { 'carryover-chain': 'warning' }).filter((f) => f.anomaly.ruleId === 'carryover-chain');
 */
export const carryoverChain = defineCrossRule({
  id: 'carryover-chain',
  meta: {
    severity: 'warning',
    strictSeverity: 'error',
    category: 'across',
    description: {
      zh: '本年“上年结转”与上一年度报告“结转下年度”不符',
      en: 'Carried over this year differs from carried forward last year',
    },
    why: 'Requests carried forward must reappear the next year; a break means requests were lost between years or one of the two tables is wrong.',
    falsePositives:
      'Corrected earlier reports outside the batch; agencies merged between the years (the merged body keeps one key).',
  },
  messages: {
    chain: {
      zh: '“{col}”列上年结转为 {current}，而 {year} 年报告结转下年度为 {previous}',
      en: 'Column "{col}": carried over {current}, but the {year} report carried forward {previous}',
    },
  },
  check(digests, ctx) {
    const pairs = yearPairs(digests, (d) =>
      Object.keys(d.figures).some((k) => k.startsWith('requests.carriedForward.')),
    );
    for (const { current, previous, sameAgency } of pairs) {
      for (const col of REQUEST_COLS) {
        const now = current.figures[`requests.carriedOver.${col}`];
        const before = previous.figures[`requests.carriedForward.${col}`];
        if (!now || !before || now.value === before.value) continue;
        ctx.report({
          file: current.file,
          line: now.line,
          messageId: 'chain',
          data: {
            sameAgency,
            agencyKey: agencyKeyOf(current) ?? '',
            col: COL_NAMES[col] ?? col,
            current: now.value,
            previous: before.value,
            year: previous.reportYear ?? '',
          },
          place: now.span,
          evidence: [
            digestEvidence('carried-over', `requests.carriedOver.${col}`, now),
            digestEvidence(
              'previous-carried-forward',
              `requests.carriedForward.${col}`,
              before,
              previous.file,
            ),
          ],
          actual: now.value,
          expected: before.value,
        });
      }
    }
  },
});
