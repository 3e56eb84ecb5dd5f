import type { DocContext } from '../../model/doc-context.js';
import type { Ambiguity, Anchor, Figure, Origin, Section, Table } from '../../model/index.js';
import type { CellReading, RowReading, RunToken } from './split-run.js';
import { isBlankCell, isNumberCell, numberPart, pipeCells, pipeLines } from './text-scan.js';

/**
 * One row of a template table as found in the document, before its cells are decided: the label it
 * carries (if recognised), and the tokens that hold its numbers.
 *
 * @example
 * const row: DataRow = { id: 'granted', label: '（一）予以公开', positional: false, tokens: [{ text: '270020130', start: 812 }] };
 */
export interface DataRow {
  /** Row id the label names, when it was recognised. */
  id?: string;
  /** The label text as printed. */
  label: string;
  /** True when each token is one cell in place (grid or pipe row); false for running text. */
  positional: boolean;
  tokens: RunToken[];
  /** The text ends inside this row: its tokens are its first cells, the rest was never printed. */
  cut?: boolean;
  /** Where the row sat when it came from `ctx.tables`. */
  table?: number;
  row?: number;
  page?: number;
}

/**
 * Rows of Markdown pipe tables between `from` and `to` that hold at least one number. The label is the
 * last non-number cell; the value cells are those after it.
 *
 * @example
 * pipeRows('| 规章 | 0 | 0 | 0 |', 0, 16, (c) => (c === '规章' ? 'regulations' : undefined))[0].tokens.length; // 3
 */
export function pipeRows(
  text: string,
  from: number,
  to: number,
  labelOf: (cell: string) => string | undefined,
): DataRow[] {
  const rows: DataRow[] = [];
  for (const { line, start } of pipeLines(text, from, to)) {
    const cells = pipeCells(line, start);
    const row = cellsToRow(
      cells.map((c) => ({ text: c.text, start: c.start })),
      labelOf,
    );
    if (row) rows.push(row);
  }
  return rows;
}

/**
 * Turns a list of cells into a data row: label = the last cell that is neither a number nor a blank,
 * values = the cells after it. Returns undefined when no cell holds a number.
 *
 * @example
 * cellsToRow([{ text: '规章', start: 0 }, { text: '0', start: 3 }], () => 'x')?.tokens[0].text; // '0'
 */
export function cellsToRow(
  cells: { text: string; start: number; col?: number }[],
  labelOf: (cell: string) => string | undefined,
): DataRow | undefined {
  let last = -1;
  for (let i = 0; i < cells.length; i++) {
    const t = cells[i]?.text ?? '';
    if (!isNumberCell(t) && !isBlankCell(t)) last = i;
  }
  const values = cells.slice(last + 1);
  if (!values.some((c) => isNumberCell(c.text))) return undefined;
  const label = last >= 0 ? (cells[last]?.text ?? '') : '';
  const id = label ? labelOf(label) : undefined;
  const tokens: RunToken[] = values.map((c) => {
    const t: RunToken = isNumberCell(c.text)
      ? { text: numberPart(c.text), start: c.start, single: true }
      : { text: c.text, start: c.start, blank: true };
    if (c.col !== undefined) t.col = c.col;
    return t;
  });
  const row: DataRow = { label, positional: true, tokens };
  if (id) row.id = id;
  return row;
}

/**
 * The `width` value cells of a positional row: empty cells past the end are dropped first (a Markdown
 * row often ends in an empty column), then the last `width` cells are kept.
 *
 * @example
 * fitCells([a, b, empty], 2); // [a, b]
 */
export function fitCells(tokens: RunToken[], width: number): RunToken[] {
  const out = tokens.slice();
  while (out.length > width && out[out.length - 1]?.blank && out[out.length - 1]?.text === '') out.pop();
  return out.length > width ? out.slice(-width) : out;
}

/**
 * Rows of a loader's table grid, with horizontally merged copies dropped, each cell's number located in
 * the report text so that its span slices exactly to it.
 *
 * @example
 * gridRows(ctx.text, ctx.tables[1], labelOf).length;
 */
export function gridRows(
  text: string,
  table: Table,
  labelOf: (cell: string) => string | undefined,
  labelsIn: (cell: string) => string[] = () => [],
): DataRow[] {
  const rows: DataRow[] = [];
  table.rows.forEach((cells, r) => {
    const kept: { text: string; start: number; col: number; copy: boolean }[] = [];
    cells.forEach((cell, c) => {
      const owner = cell.mergedFrom;
      if (owner && owner[1] !== c && owner[0] === r) return; // a horizontal merge repeats its owner
      const raw = text.slice(cell.span[0], cell.span[1]);
      const trimmed = raw.trim();
      const lead = raw.length - raw.trimStart().length;
      const number = isNumberCell(trimmed) || STACKED.test(trimmed);
      const cellText = number ? trimmed : trimmed.replace(/\s+/g, '');
      kept.push({ text: cellText, start: cell.span[0] + lead, col: c, copy: !!owner && owner[0] !== r });
    });
    // A row whose numbers all repeat the row above is the wrapped tail of that row's label.
    const numbers = kept.filter((k) => isNumberCell(k.text) || STACKED.test(k.text));
    if (numbers.length > 0 && numbers.every((k) => k.copy)) return;
    for (const sub of unstack(kept, labelsIn)) {
      const row = cellsToRow(sub.cells, (cell) => sub.label ?? labelOf(cell));
      if (!row) continue;
      row.table = table.index;
      row.row = r;
      if (table.page !== undefined) row.page = table.page;
      rows.push(row);
    }
  });
  return rows;
}

/** A cell holding the numbers of two rows that extraction merged (`3 0`). */
const STACKED = /^\d+(?:\s+\d+)+$/;

/**
 * Splits a grid row that holds two table rows at once (a page break merged them: label cell
 * `2.没有现成…3.补正后…`, value cells `3 0`) into one row per stacked number.
 */
function unstack(
  cells: { text: string; start: number; col: number }[],
  labelsIn: (cell: string) => string[],
): { cells: { text: string; start: number; col: number }[]; label?: string }[] {
  const stacked = cells.filter((c) => STACKED.test(c.text));
  if (stacked.length === 0) return [{ cells }];
  const k = stacked[0]?.text.split(/\s+/).length ?? 0;
  const values = cells.filter((c) => isNumberCell(c.text) || STACKED.test(c.text));
  if (values.some((c) => !STACKED.test(c.text) || c.text.split(/\s+/).length !== k)) return [];
  const labelCell = cells.filter((c) => !values.includes(c) && c.text !== '').pop();
  const labels = labelCell ? labelsIn(labelCell.text) : [];
  const out: { cells: { text: string; start: number; col: number }[]; label?: string }[] = [];
  for (let j = 0; j < k; j++) {
    const sub = cells.map((c) => {
      if (!values.includes(c)) return c === labelCell ? { ...c, text: `#${j}` } : c;
      const re = /\d+/g;
      let m: RegExpExecArray | null = null;
      for (let i = 0; i <= j; i++) m = re.exec(c.text);
      return { text: m?.[0] ?? '', start: c.start + (m?.index ?? 0), col: c.col };
    });
    const entry: { cells: typeof sub; label?: string } = { cells: sub };
    if (labels.length === k) entry.label = labels[j] as string;
    out.push(entry);
  }
  return out;
}

/** Deepest section whose extent holds `at`. */
function sectionAt(sections: Section[], at: number): string | undefined {
  for (const s of sections) {
    if (at >= s.extent[0] && at < s.extent[1]) return sectionAt(s.children, at) ?? s.id;
  }
  return undefined;
}

const PAGE_ANCHORS = new WeakMap<Anchor[], Anchor[]>();

/** Page of the anchor that covers `at`, if the loader gave pages. */
function pageAt(ctx: DocContext, at: number): number | undefined {
  let pages = PAGE_ANCHORS.get(ctx.anchors);
  if (!pages) {
    pages = ctx.anchors.filter((a) => a.origin.page !== undefined);
    PAGE_ANCHORS.set(ctx.anchors, pages);
  }
  for (const a of pages) {
    if (at >= a.span[0] && at < a.span[1]) return a.origin.page;
  }
  return undefined;
}

/**
 * Builds the figure for one decided cell: value (money in 万元 when `unit` is 元), the stated digits and
 * their span, the row label, and where it sat (grid cell or page; section).
 *
 * @example
 * cellFigure(ctx, reading, { unit: '件', label: '（一）予以公开 · 自然人', row });
 */
export function cellFigure(
  ctx: DocContext,
  cell: CellReading,
  opts: { unit: string; label: string; row: DataRow },
): Figure {
  const value = opts.unit === '元' ? roundMoney(cell.value / 10000, cell.stated) : cell.value;
  const fig: Figure = {
    value,
    unit: opts.unit,
    qualifier: 'exact',
    stated: cell.stated,
    span: cell.span,
    source: 'table',
    label: opts.label,
  };
  const origin: Origin = {};
  if (opts.row.table !== undefined) {
    origin.table = opts.row.table;
    if (opts.row.row !== undefined) origin.row = opts.row.row;
    if (cell.col !== undefined) origin.col = cell.col;
  }
  const page = opts.row.page ?? pageAt(ctx, cell.span[0]);
  if (page !== undefined) origin.page = page;
  if (Object.keys(origin).length > 0) fig.origin = origin;
  const section = sectionAt(ctx.sections, cell.span[0]);
  if (section) fig.section = section;
  return fig;
}

function roundMoney(v: number, stated: string): number {
  const decimals = (stated.split('.')[1] ?? '').length + 4;
  return Number(v.toFixed(Math.min(decimals, 12)));
}

/**
 * Records a row whose cells could not all be decided: the text of its tokens, the keys it should have
 * filled, and the readings that still fit.
 *
 * @example
 * runAmbiguity(ctx.text, row, ['requests.newReceived.natural'], readings);
 */
export function runAmbiguity(
  text: string,
  row: DataRow,
  keys: string[],
  readings: RowReading[],
  note?: string,
): Ambiguity | undefined {
  const first = row.tokens[0];
  const last = row.tokens[row.tokens.length - 1];
  if (!first || !last) return undefined;
  const span: [number, number] = [first.start, last.start + last.text.length];
  const amb: Ambiguity = {
    kind: 'digit-run',
    label: row.label,
    keys,
    text: text.slice(span[0], span[1]),
    span,
    candidates: readings
      .slice(0, 24)
      .map((r) => r.filter((c): c is CellReading => c !== null).map((c) => c.value)),
  };
  if (note) amb.note = note;
  return amb;
}
