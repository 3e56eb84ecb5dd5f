import type { DocContext } from '../model/doc-context.js';
import type { Figure, Table, TableCell } from '../model/index.js';
import { findIndicatorLabels } from './era-a-labels.js';
import { makeFigure, UNITS } from './figure-util.js';

const NUMBER = /^\d+(?:\.\d+)?$/;

/**
 * Reads era A statistics tables that a loader recovered as grids (HTML, DOCX, PDF): a row whose label
 * cell names an indicator gives its value from the first number cell after it, and its 历年累计 value
 * from the column headed so. Each figure's origin names the table, row and column.
 *
 * @example
 * extractEraAGrid(ctx)['active.total@cumulative'].origin; // { table: 0, row: 1, col: 3 }
 */
export function extractEraAGrid(ctx: DocContext): Record<string, Figure> {
  const figures: Record<string, Figure> = {};
  for (const table of ctx.tables) readGrid(ctx, table, figures);
  return figures;
}

function readGrid(ctx: DocContext, table: Table, figures: Record<string, Figure>): void {
  const cumulativeCol = findColumn(table, /历年\s*累计|累\s*计/);
  let parent: string | undefined;
  table.rows.forEach((row, r) => {
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (!cell || cell.mergedFrom) continue;
      const hits = findIndicatorLabels(cell.text);
      const hit = hits[hits.length - 1];
      if (!hit || NUMBER.test(cell.text.trim())) continue;
      let key = hit.key;
      if (key === 'review.total' || key === 'litigation.total') parent = key;
      else if (parent && /^review\.(upheld|corrected|other)$/.test(key) && parent === 'litigation.total') {
        key = key.replace('review.', 'litigation.');
      }
      const unitCell = row.slice(c + 1).find((x) => UNITS.includes(x.text.trim()));
      const unit = unitCell?.text.trim() ?? hit.unit;
      const numbers = row
        .map((x, i) => ({ x, i }))
        .filter(({ x, i }) => i > c && !x.mergedFrom && NUMBER.test(x.text.trim()));
      const annual = numbers.find(({ i }) => i !== cumulativeCol);
      if (annual) put(ctx, figures, key, annual.x, unit, hit.label, table.index, r, annual.i);
      const cumulative = numbers.find(({ i }) => i === cumulativeCol);
      if (cumulative) {
        put(ctx, figures, `${key}@cumulative`, cumulative.x, unit, hit.label, table.index, r, cumulative.i);
      }
      return;
    }
  });
}

function findColumn(table: Table, re: RegExp): number | undefined {
  for (const row of table.rows.slice(0, 3)) {
    const i = row.findIndex((cell) => re.test(cell.text));
    if (i >= 0) return i;
  }
  return undefined;
}

function put(
  ctx: DocContext,
  figures: Record<string, Figure>,
  key: string,
  cell: TableCell,
  unit: string,
  label: string,
  table: number,
  row: number,
  col: number,
): void {
  if (figures[key]) return;
  const lead = cell.text.length - cell.text.trimStart().length;
  const start = cell.span[0] + lead;
  const stated = cell.text.trim();
  const figure = makeFigure(ctx, {
    start,
    end: start + stated.length,
    value: Number(stated),
    unit,
    source: 'table',
    label,
  });
  figure.origin = { ...(figure.origin ?? {}), table, row, col };
  figures[key] = figure;
}
