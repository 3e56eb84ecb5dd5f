/**
 * empty-part — a template table, or a cell of one, is printed but left empty.
 *
 * What: in era B and C reports, a section holding table 二, 三 or 四 that prints the table's row labels
 * (规范性文件, 本年新收, 维持…) but not one number after them (blank cells, or only placeholders such as
 * - / 无); and a row of table 三 or 四 whose 总计 and most cells are filled while one or two cells are
 * blank although other rows fill that column. In era A reports, rows of the statistics table (指标名称,
 * 计量单位, 本年度, 历年累计) printed with their unit but no number (`行政复议数 件 行政诉讼数 件`), where at
 * least three rows show the unit column.
 *
 * Why it matters to auditors: the template asks for a number in every cell, 0 included; an empty table
 * or cell cannot be told from "nothing happened" or "not counted", and every sum over it is unchecked.
 *
 * Known false positives: a table printed as an image or in a layout the reader could not take apart
 * (then the labels are text while the numbers are not).
 */

import { findIndicatorLabels, type LabelHit } from '../extract/era-a-labels.js';
import { UNIT_RE } from '../extract/figure-util.js';
import type { Figure, FigureKey, Report, Span } from '../model/index.js';
import { REQUEST_COLUMNS, REQUEST_ROWS, REVIEW_BLOCKS, REVIEW_COLUMNS } from '../templates/template-bc.js';
import { defineRule } from './rule.js';
import { figureEvidence, stated } from './util/figures.js';

/** A template table: the section that holds it, labels its rows print, and its figure keys. */
interface TableDef {
  name: string;
  section: RegExp;
  labels: RegExp;
  keys: RegExp;
}

const TABLES: TableDef[] = [
  {
    name: '主动公开政府信息情况（表二）',
    section: /主动公开/,
    labels: /规范性文件|行政许可|行政处罚/g,
    keys: /^active\./,
  },
  {
    name: '收到和处理政府信息公开申请情况（表三）',
    section: /收到和处理|依申请/,
    labels: /本年新收|予以公开|不予公开/g,
    keys: /^requests\./,
  },
  {
    name: '政府信息公开行政复议、行政诉讼情况（表四）',
    section: /复议|诉讼/,
    labels: /维持|纠正|尚未审结/g,
    keys: /^(review|litigation)\./,
  },
];

/** A row of table 三 or 四: its printed name, its parts in printed order, and its total. */
interface Row {
  name: string;
  parts: { key: FigureKey; name: string }[];
  total: FigureKey;
}

const ROWS: Row[][] = [
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

function cell(report: Report, key: FigureKey): Figure | undefined {
  const f = stated(report, key);
  return f && f.source !== 'prose' ? f : undefined;
}

/**
 * The `empty-part` rule (described in the header of this file), registered in registry.ts.
 *
 * @example
 * checkReport(report, { 'empty-part': 'warning' }).filter((a) => a.ruleId === 'empty-part');
 */
export const emptyPart = defineRule({
  id: 'empty-part',
  meta: {
    severity: 'warning',
    category: 'table',
    description: {
      zh: '模板表格或单元格已列出但未填写',
      en: 'A template table or cell is printed but left empty',
    },
    why: 'The template asks for a number in every cell, 0 included; an empty table or cell cannot be told from "nothing happened" or "not counted", and every sum over it goes unchecked.',
    falsePositives: 'A table printed as an image or in a layout the reader could not take apart.',
  },
  messages: {
    table: {
      zh: '“{table}”列出了表格栏目，但没有填写任何数字',
      en: 'Section "{table}" prints the table’s labels but no number',
    },
    rows: {
      zh: '统计表“{rows}”一栏列出了计量单位，但没有填写数字',
      en: 'The statistics table prints "{rows}" with its unit but no number',
    },
    cell: {
      zh: '“{row}”一行“{column}”栏为空，而总计为 {total}',
      en: 'Row "{row}": the cell "{column}" is blank, the total is {total}',
    },
  },
  check(report, ctx) {
    const text = ctx.text;
    if (!text) return;
    if (report.meta.era === 'A') {
      for (const run of blankStatisticsRows(text)) {
        const first = run[0] as LabelHit;
        const last = run[run.length - 1] as LabelHit;
        ctx.report({
          messageId: 'rows',
          data: { rows: run.map((h) => h.label).join('、') },
          place: [first.start, last.end],
          evidence: run.map((h) => ctx.evidence('label', [h.start, h.end])),
          actual: '(blank)',
        });
      }
      return;
    }
    if (report.meta.era !== 'B' && report.meta.era !== 'C') return;
    const keys = Object.keys(report.figures);
    for (const table of TABLES) {
      const section = report.sections.find((s) => table.section.test(s.title));
      if (!section) continue;
      // A cell read from the table with a digit in it; totals derived from blank cells do not count.
      const inSection = (f: Figure) =>
        f.source === 'table' &&
        f.span[0] >= section.extent[0] &&
        f.span[0] < section.extent[1] &&
        /\d/.test(text.slice(f.span[0], f.span[1]));
      if (keys.some((k) => table.keys.test(k) && inSection(report.figures[k as FigureKey] as Figure)))
        continue;
      const labels = [...text.slice(section.span[1], section.extent[1]).matchAll(table.labels)];
      const first = labels[0];
      if (labels.length < 2 || first?.index === undefined) continue;
      const from = section.span[1] + first.index;
      // The table ends soon after its last label; the text after it may be another table.
      const last = labels[labels.length - 1] as RegExpExecArray;
      const to = Math.min(section.extent[1], section.span[1] + (last.index ?? 0) + last[0].length + 80);
      if (holdsNumber(text.slice(from, to))) continue;
      ctx.report({
        messageId: 'table',
        data: { table: table.name },
        place: section.span,
        evidence: [
          ctx.evidence('heading', section.span),
          ...labels.slice(0, 3).map((m) => {
            const at = section.span[1] + (m.index ?? 0);
            return ctx.evidence('label', [at, at + m[0].length]);
          }),
        ],
        actual: '(blank)',
      });
    }
    for (const rows of ROWS) checkCells(report, rows);

    function checkCells(r: Report, rows: Row[]): void {
      const filled = (key: FigureKey) => cell(r, key) !== undefined;
      for (const row of rows) {
        const total = cell(r, row.total);
        if (!total) continue;
        const present = row.parts.filter((p) => filled(p.key));
        const blank = row.parts.filter((p) => !filled(p.key));
        if (blank.length === 0 || blank.length > 2 || present.length < 2) continue;
        for (const b of blank) {
          const column = row.parts.indexOf(b);
          // The column exists: other rows of the table fill it.
          if (rows.filter((o) => o !== row && filled(o.parts[column]?.key as FigureKey)).length < 2) continue;
          const before = row.parts
            .slice(0, column)
            .reverse()
            .map((p) => cell(r, p.key))
            .find(Boolean);
          const after = [...row.parts.slice(column + 1).map((p) => cell(r, p.key)), total].find(Boolean);
          const place: Span | undefined =
            before && after ? [before.span[1], after.span[0]] : (before?.span ?? after?.span);
          ctx.report({
            messageId: 'cell',
            data: { row: row.name, column: b.name, total: total.stated },
            ...(place ? { place } : {}),
            evidence: [
              figureEvidence('total', row.total, total),
              ...(before ? [ctx.evidence('cell-before', before.span)] : []),
              ...(after && after !== total ? [ctx.evidence('cell-after', after.span)] : []),
            ],
            actual: '(blank)',
          });
        }
      }
    }
  },
});

/** Whether a table's text holds a number: digits other than row markers (1. 2、) and years. */
function holdsNumber(s: string): boolean {
  return /\d/.test(s.replace(/\d+\s*[.．、]|(?:19|20)\d{2}\s*年|[（(]\d+[)）]/g, ''));
}

/** What may stand between a blank row's unit and the next row: 其中 and the next row's list marker. */
const ROW_GLUE = /^[ \t]*(?:其中[:：]?[ \t]*)?(?:\d{1,2}[、.．][ \t]*)?$/;
const UNIT_FIRST = new RegExp(`^[ \\t]*(${UNIT_RE})`);

/**
 * Era A: runs of consecutive rows of a statistics table (label, unit, 本年度, 历年累计) printed with
 * their unit but no number. The table must show itself as one: at least three rows with a unit column
 * (the unit followed by a number, or by the next row as in a blank one).
 */
function blankStatisticsRows(text: string): LabelHit[][] {
  const hits = findIndicatorLabels(text);
  const rows = hits.map((hit, i) => {
    const next = hits[i + 1];
    const lineEnd = text.indexOf('\n', hit.end);
    const to = Math.min(next?.start ?? text.length, lineEnd < 0 ? text.length : lineEnd, hit.end + 30);
    const gap = text.slice(hit.end, to);
    const unit = UNIT_FIRST.exec(gap);
    if (!unit) return { hit, column: false, blank: false };
    const rest = gap.slice(unit[0].length);
    // A value may stand on the next line (`行政复议数 件` then `0 0`).
    const blank =
      ROW_GLUE.test(rest) &&
      (to === next?.start || (/^[ \t]*$/.test(rest) && !/^\s*\d/.test(text.slice(to, to + 8))));
    return { hit, column: blank || /^[ \t]*\d/.test(rest), blank };
  });
  if (rows.filter((r) => r.column).length < 3) return [];
  const runs: LabelHit[][] = [];
  let run: LabelHit[] = [];
  for (const r of rows) {
    if (r.blank) run.push(r.hit);
    else if (run.length > 0) {
      runs.push(run);
      run = [];
    }
  }
  if (run.length > 0) runs.push(run);
  return runs;
}
