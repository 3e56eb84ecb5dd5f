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
 * Not flagged: a row the text ends in (a cut page or excerpt), whose total was never printed.
 */
import type { Figure, FigureKey, Report } from '../model/index.js';
import { REQUEST_COLUMNS, REQUEST_ROWS, REVIEW_BLOCKS, REVIEW_COLUMNS } from '../templates/template-bc.js';
import { defineRule } from './rule.js';
import { figureEvidence, stated } from './util/figures.js';

/** A row of a table: its printed name, its parts (key and column name) and its total. */
interface Row {
  name: string;
  parts: { key: FigureKey; name: string }[];
  total: FigureKey;
}

// Rows, blocks and columns come from the template data, so a revision that adds a row is checked too.
/** The rows of table 三 (by applicant column) and the blocks of table 四 (by result). */
const TABLES: Row[][] = [
  REQUEST_ROWS.filter((r) => !r.optional).map((r) => ({
    name: r.label,
    parts: REQUEST_COLUMNS.filter((c) => c.col !== 'total').map((c) => ({
      key: `requests.${r.row}.${c.col}` as FigureKey,
      name: c.label,
    })),
    total: `requests.${r.row}.total` as FigureKey,
  })),
  REVIEW_BLOCKS.map((b) => ({
    name: b.name,
    parts: REVIEW_COLUMNS.filter((c) => c.col !== 'total').map((c) => ({
      key: `${b.prefix}.${c.col}` as FigureKey,
      name: c.label,
    })),
    total: `${b.prefix}.total` as FigureKey,
  })),
];

/** A figure read from a table cell. */
function cell(report: Report, key: FigureKey): Figure | undefined {
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
          .map((p) => [p, cell(report, p.key)] as const)
          .filter((p): p is readonly [Row['parts'][number], Figure] => p[1] !== undefined);
        // A row with no cells at all is absent (missing rows are other checks), not a blank total.
        if (parts.length < 2) continue;
        // A row the text ends in (a cut page, an excerpt) never printed its total: cut, not blank.
        const end = Math.max(...parts.map(([, f]) => f.span[1]));
        if (text && /^[\s|｜]*$/.test(text.slice(end))) continue;
        const sum = parts.reduce((a, [, f]) => a + f.value, 0);
        const first = parts[0]?.[1] as Figure;
        const label = text ? rowLabel(text, first.span[0]) : undefined;
        const place = label ?? first.span;
        ctx.report({
          messageId: 'blank',
          data: {
            row: row.name,
            sum,
            parts: parts.map(([p, f]) => `${p.name} ${f.stated}`).join('，'),
          },
          place,
          evidence: [
            ...(label ? [ctx.evidence('row', label)] : []),
            ...parts.map(([p, f]) => figureEvidence('part', p.key, f)),
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
