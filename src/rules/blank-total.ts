/**
 * blank-total — a table row whose 总计 cell is blank while its parts are filled.
 *
 * What: in table 三 every row from 本年新收 to 结转下年度继续办理, and in table 四 the blocks 行政复议,
 * 未经复议直接起诉 and 复议后起诉: when the row's parts hold numbers and its 总计 cell is blank, while the
 * table does print 总计 in other rows (so the column exists and was read). A stated total that disagrees
 * with its parts is another rule's error (outcome-total-mismatch, review-litigation-total, table-row-sum);
 * a blank total is only a warning: the reader has to add the parts up.
 *
 * Why it matters to auditors: summaries quote the 总计 column; a blank cell there reads as 0 or as
 * "not reported" although the row has cases (the row 四、结转下年度继续办理 1/0/0/0/0/0 with no total).
 *
 * Known false positives: a total printed in a cell the table reader could not place.
 */
import type { Figure, Report } from '../model/index.js';
import { defineRule } from './rule.js';
import { APPLICANT_COLS, COL_NAMES, figureEvidence, REQUEST_ROWS, stated } from './util/figures.js';

/** A row of a table: its printed name, the keys of its parts and of its total. */
interface Row {
  name: string;
  parts: string[];
  total: string;
}

const RESULTS = ['upheld', 'corrected', 'other', 'pending'];
const NAMES: Record<string, string> = {
  ...COL_NAMES,
  upheld: '结果维持',
  corrected: '结果纠正',
  other: '其他结果',
  pending: '尚未审结',
};

const ROW_NAMES: Record<string, string> = {
  newReceived: '一、本年新收政府信息公开申请数量',
  carriedOver: '二、上年结转政府信息公开申请数量',
  resultTotal: '（七）总计',
  carriedForward: '四、结转下年度继续办理',
};

/** The rows of table 三 (by applicant column) and the blocks of table 四 (by result). */
const TABLES: Row[][] = [
  REQUEST_ROWS.map((row) => ({
    name: ROW_NAMES[row] ?? row,
    parts: APPLICANT_COLS.map((c) => `requests.${row}.${c}`),
    total: `requests.${row}.total`,
  })),
  [
    { key: 'review', name: '行政复议' },
    { key: 'litigation.direct', name: '行政诉讼（未经复议直接起诉）' },
    { key: 'litigation.afterReview', name: '行政诉讼（复议后起诉）' },
  ].map((b) => ({ name: b.name, parts: RESULTS.map((r) => `${b.key}.${r}`), total: `${b.key}.total` })),
];

/** A figure read from a table cell. */
function cell(report: Report, key: string): Figure | undefined {
  const f = stated(report, key);
  return f && f.source !== 'prose' ? f : undefined;
}

/**
 * The `blank-total` rule (described in the header of this file), registered in registry.ts.
 *
 * @example
 * checkReport(report, { 'blank-total': 'warning' }).filter((a) => a.ruleId === 'blank-total');
 */
export const blankTotal = defineRule({
  id: 'blank-total',
  meta: {
    severity: 'warning',
    category: 'table',
    description: {
      zh: '分项已填而总计栏为空',
      en: 'A total cell is blank next to filled parts',
    },
    why: 'Summaries quote the 总计 column; a blank cell there reads as 0 or as "not reported" although the row has cases.',
    falsePositives: 'A total printed in a cell the table reader could not place.',
  },
  messages: {
    blank: {
      zh: '“{row}”一行分项合计 {sum}（{parts}），总计栏为空',
      en: 'Row "{row}": the parts add up to {sum} ({parts}), the total cell is blank',
    },
  },
  check(report, ctx) {
    const text = ctx.text;
    for (const rows of TABLES) {
      // Only where the table prints its total column in other rows: else the column itself is missing.
      if (!rows.some((r) => cell(report, r.total))) continue;
      for (const row of rows) {
        // A total the extractor derived from the parts stands for a blank cell too.
        if (cell(report, row.total)) continue;
        const parts = row.parts
          .map((k) => [k, cell(report, k)] as const)
          .filter((p): p is readonly [string, Figure] => p[1] !== undefined);
        // A row with no cells at all is absent (missing rows are other checks), not a blank total.
        if (parts.length < 2) continue;
        const sum = parts.reduce((a, [, f]) => a + f.value, 0);
        const first = parts[0]?.[1] as Figure;
        const label = text ? rowLabel(text, first.span[0]) : undefined;
        const place = label ?? first.span;
        ctx.report({
          messageId: 'blank',
          data: {
            row: row.name,
            sum,
            parts: parts
              .map(([k, f]) => `${NAMES[k.split('.').pop() as string] ?? k} ${f.stated}`)
              .join('，'),
          },
          place,
          evidence: [
            ...(label ? [ctx.evidence('row', label)] : []),
            ...parts.map(([k, f]) => figureEvidence('part', k, f)),
          ],
          actual: '(blank)',
          expected: sum,
        });
      }
    }
  },
});

/** The row's label: the text before its first cell on the same line (`| 四、结转下年度继续办理 |`). */
function rowLabel(text: string, firstCell: number): [number, number] | undefined {
  const lineStart = text.lastIndexOf('\n', firstCell - 1) + 1;
  const before = text.slice(lineStart, firstCell);
  const m = /[^\s|｜\d][^|｜]*?(?=[\s|｜]*$)/.exec(before);
  if (!m || m[0].length > 40) return undefined;
  return [lineStart + m.index, lineStart + m.index + m[0].length];
}
