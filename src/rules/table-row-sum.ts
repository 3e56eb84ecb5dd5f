/**
 * table-row-sum — table 三: the six applicant columns of a row do not add up to its 总计.
 *
 * What: for every row of 收到和处理政府信息公开申请情况 that has a 总计 figure, 自然人 + 商业企业 + 科研机构 +
 * 社会公益组织 + 法律服务机构 + 其他 must equal 总计 (blank cells count as 0 when the row has other cells).
 *
 * A row flattened into one run of digits (`…申请数量200000131`) whose digits admit no split at all where the
 * parts add up to the totals is reported as well: under every reading some sum is broken. This covers
 * table 三 and the blocks of table 四 (行政复议, 行政诉讼). A run with fewer digits than the row has cells
 * (a page number `-3-` taken for the row in a text copy of a PDF whose cells came out in another order)
 * cannot be the row: it is reported as not assessable, not as an error.
 *
 * Why it matters to auditors: the template defines 总计 as that sum; a mismatch means a cell was
 * mistyped or a column left out, and every later identity on the row is in doubt.
 *
 * Known false positives: a flattened table whose digits were split wrongly by extraction (then an
 * ambiguous-digit-run is usually reported too).
 */
import { requestKey } from '../model/index.js';
import { defineRule } from './rule.js';
import { APPLICANT_COLS, figureEvidence, REQUEST_ROWS, stated, sumOf } from './util/figures.js';

/**
 * The `table-row-sum` rule (described in the header of this file), registered in registry.ts.
 *
 * @example
 * checkReport(report, { 'table-row-sum': 'error' }).filter((a) => a.ruleId === 'table-row-sum');
 */
export const tableRowSum = defineRule({
  id: 'table-row-sum',
  meta: {
    severity: 'error',
    category: 'table',
    description: {
      zh: '表三：各申请人类别之和不等于总计',
      en: 'Table 三: the applicant columns do not add up to 总计',
    },
    why: 'The template defines 总计 as the sum of the six applicant columns; a mismatch means a mistyped or missing cell, and the row cannot be used.',
    falsePositives: 'Flattened tables whose digit runs were split wrongly during extraction.',
  },
  messages: {
    row: {
      zh: '“{row}”行各列之和为 {sum}，总计为 {total}',
      en: 'Row "{row}": the columns add up to {sum}, 总计 is {total}',
    },
    tooShort: {
      zh: '“{row}”只读到数字“{text}”，少于该行的 {cells} 个单元格，无法判断',
      en: 'Row "{row}": only the digits "{text}" were read, fewer than its {cells} cells; this cannot be judged',
    },
    noReading: {
      zh: '“{row}”的数字“{text}”无论如何拆分，分项之和都与总计不符',
      en: 'Row "{row}": no split of the digits "{text}" makes the parts add up to the totals',
    },
  },
  check(report, ctx) {
    for (const a of report.ambiguities) {
      const summed = (a.keys ?? []).some((k) => /^(requests|review|litigation)\./.test(k));
      if (a.kind !== 'digit-run' || a.candidates.length > 0 || !summed) continue;
      const cells = a.keys?.length ?? 0;
      const short = (a.text.match(/\d/g) ?? []).length < cells;
      ctx.report({
        messageId: short ? 'tooShort' : 'noReading',
        ...(short ? { notAssessable: true as const } : {}),
        data: { row: a.label ?? '', text: a.text, cells },
        place: a.span,
        evidence: [ctx.evidence('digit-run', a.span)],
        actual: a.text,
      });
    }
    for (const row of REQUEST_ROWS) {
      const total = stated(report, `requests.${row}.total`);
      if (!total) continue;
      const parts = sumOf(
        report,
        APPLICANT_COLS.map((c) => requestKey(row, c)),
      );
      if (!total || !parts || parts.sum === total.value) continue;
      ctx.report({
        messageId: 'row',
        data: { row: total.label ?? row, sum: parts.sum, total: total.value },
        place: total.span,
        evidence: [
          figureEvidence('total', `requests.${row}.total`, total),
          ...parts.parts.map(([k, f]) => figureEvidence('part', k, f)),
        ],
        actual: parts.sum,
        expected: total.value,
      });
    }
  },
});
