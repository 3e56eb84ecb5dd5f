import { continues, dropRunningLines, textColumn, wrapJoiner } from './lines.js';
import type { LayoutBlock, LayoutCell, LayoutLine, LayoutTable } from './types.js';

/** A page laid out on its own: running lines and tables, before pages are joined. */
export interface PageLayout {
  page: number;
  height: number;
  lines: LayoutLine[];
  tables: LayoutTable[];
}

/**
 * Puts pages together in reading order: running headers and footers dropped, soft line wraps joined into
 * paragraphs (also across page breaks), a table continued at the top of the next page joined to it (a
 * repeated header skipped, a row split by the break mended).
 *
 * @example
 * const blocks = assemblePages([layoutPage(page1), layoutPage(page2)]);
 */
export function assemblePages(pages: PageLayout[]): LayoutBlock[] {
  dropRunningLines(
    pages.map((p) => p.lines),
    pages.map((p) => p.height),
  );
  const column = textColumn(pages.flatMap((p) => p.lines));
  type Block = { kind: 'line'; line: LayoutLine } | { kind: 'table'; table: LayoutTable; page: number };
  const blocks: Block[] = [];
  for (const p of pages) {
    const page: Block[] = [
      ...p.lines.map((line) => ({ kind: 'line' as const, line, y: line.y })),
      ...p.tables.map((table) => ({ kind: 'table' as const, table, page: p.page, y: table.top })),
    ].sort((a, b) => b.y - a.y);
    blocks.push(...page);
  }
  const out: LayoutBlock[] = [];
  let paragraph: { text: string; page: number }[] | undefined;
  let open: LayoutLine | undefined; // the line whose paragraph is still open
  let pending: Pending | undefined;
  const closeParagraph = () => {
    if (paragraph) out.push({ kind: 'paragraph', parts: paragraph });
    paragraph = undefined;
    open = undefined;
  };
  const flushTable = () => {
    if (!pending) return;
    out.push({ kind: 'table', grid: resolveMerges(pending.grid), rowPages: pending.rowPages });
    pending = undefined;
  };
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i] as Block;
    if (block.kind === 'table') {
      closeParagraph();
      if (pending && continuesTable(pending, block, blocks, i)) {
        appendRows(pending, block.table, block.page);
        continue;
      }
      flushTable();
      pending = {
        grid: block.table.grid.map((r) => [...r]),
        rowPages: block.table.grid.map(() => block.page),
        xs: block.table.xs,
        last: block.table,
        page: block.page,
      };
      continue;
    }
    const line = block.line;
    if (pending && line.page >= pending.page) flushTable();
    if (open && paragraph && continues(open, line, column)) {
      paragraph.push({ text: wrapJoiner(open.text, line.text) + line.text, page: line.page });
    } else {
      closeParagraph();
      paragraph = [{ text: line.text, page: line.page }];
    }
    open = line;
  }
  closeParagraph();
  flushTable();
  return out;
}

/**
 * A table at the top of a page continues the previous page's table when nothing came between them and
 * both have the same outer edges (inner columns may differ: a merged cell on one page hides rulings the
 * other page shows).
 */
function continuesTable(
  pending: { last: LayoutTable; page: number },
  block: { table: LayoutTable; page: number },
  blocks: { kind: string }[],
  i: number,
): boolean {
  if (block.page !== pending.page + 1) return false;
  if (blocks[i - 1]?.kind !== 'table') return false;
  return (
    Math.abs(pending.last.left - block.table.left) < 3 && Math.abs(pending.last.right - block.table.right) < 3
  );
}

interface Pending {
  grid: LayoutCell[][];
  rowPages: number[];
  xs: number[];
  last: LayoutTable;
  page: number;
}

/** Column boundaries of both tables together. */
function unionXs(a: number[], b: number[]): number[] {
  const out: number[] = [];
  for (const x of [...a, ...b].sort((p, q) => p - q))
    if (!out.length || x - (out.at(-1) as number) > 3) out.push(x);
  return out;
}

/** Re-expresses a grid on finer column boundaries: a cell spanning several new columns becomes merged. */
function regrid(grid: LayoutCell[][], xs: number[], union: number[]): LayoutCell[][] {
  if (xs.length === union.length) return grid;
  const colOf = union.slice(0, -1).map((x) => {
    const k = xs.findIndex(
      (start, j) => j < xs.length - 1 && x >= start - 3 && x < (xs[j + 1] as number) - 3,
    );
    return Math.max(0, k);
  });
  const first = (k: number) => colOf.indexOf(k);
  return grid.map((row, r) =>
    colOf.map((k, u): LayoutCell => {
      const cell = row[k] ?? { text: '' };
      if (cell.mergedFrom) return { mergedFrom: [cell.mergedFrom[0], first(cell.mergedFrom[1])] };
      return first(k) === u ? cell : { mergedFrom: [r, first(k)] };
    }),
  );
}

/** Appends a continuation's rows, skipping a repeated header and joining a row split by the page break. */
function appendRows(pending: Pending, table: LayoutTable, page: number): void {
  const union = unionXs(pending.xs, table.xs);
  pending.grid = regrid(pending.grid, pending.xs, union);
  pending.xs = union;
  const next = regrid(table.grid, table.xs, union);
  const rowText = (grid: LayoutCell[][], r: number) =>
    (grid[r] ?? []).map((c) => c.text ?? '\u0000').join('\t');
  let skip = 0;
  while (
    skip < next.length &&
    skip < pending.grid.length - 1 &&
    rowText(next, skip) === rowText(pending.grid, skip)
  ) {
    skip++;
  }
  let firstKept = skip;
  const first = next[skip];
  const prevIndex = pending.grid.length - 1;
  const prev = pending.grid[prevIndex];
  if (first && prev && splitRow(first, prev, (c) => ownerOf(pending.grid, prevIndex, c)?.text)) {
    first.forEach((more, c) => {
      const owner = ownerOf(pending.grid, prevIndex, c);
      if (owner && more.text) owner.text = owner.text ? `${owner.text}\n${more.text}` : more.text;
    });
    firstKept++;
  }
  // A cell merged down across the page break comes back blank under its owner: it is the same cell.
  const above = pending.grid[pending.grid.length - 1];
  const fromAbove = new Map<number, [number, number]>();
  const head = next[firstKept] ?? [];
  for (let c = 0; c < head.length; c++) {
    const up = above?.[c];
    if (head[c]?.text !== '' || !up) break; // only the label columns at the left continue downwards
    if (up.mergedFrom && up.mergedFrom[1] === c) fromAbove.set(c, up.mergedFrom);
    else if (up.text && !NUMERIC.test(up.text)) fromAbove.set(c, [pending.grid.length - 1, c]);
    else break;
  }
  const base = pending.grid.length;
  const moveRow = (fr: number): number => {
    if (fr >= firstKept) return base + fr - firstKept;
    if (fr >= skip) return prevIndex; // the split row, joined into the previous page's last row
    return fr; // a repeated header row: the same row at the top of the table
  };
  for (let k = firstKept; k < next.length; k++) {
    const row = next[k] as LayoutCell[];
    pending.grid.push(
      row.map((cell, c): LayoutCell => {
        const up = k === firstKept ? fromAbove.get(c) : undefined;
        if (up) return { mergedFrom: up };
        return cell.mergedFrom
          ? { mergedFrom: [moveRow(cell.mergedFrom[0]), cell.mergedFrom[1]] }
          : { ...cell };
      }),
    );
    pending.rowPages.push(page);
  }
  pending.last = table;
  pending.page = page;
}

/** Points every merged cell at the cell that owns the text (pages joined leave chains of references). */
function resolveMerges(grid: LayoutCell[][]): LayoutCell[][] {
  return grid.map((row) =>
    row.map((cell): LayoutCell => {
      let at = cell.mergedFrom;
      for (let hops = 0; at && hops < 1000; hops++) {
        const next = grid[at[0]]?.[at[1]]?.mergedFrom;
        if (!next) break;
        at = next;
      }
      return at ? { mergedFrom: at } : cell;
    }),
  );
}

function ownerOf(grid: LayoutCell[][], r: number, c: number): { text: string } | undefined {
  const cell = grid[r]?.[c];
  if (!cell) return undefined;
  if (cell.mergedFrom) return ownerOf(grid, cell.mergedFrom[0], cell.mergedFrom[1]);
  return cell as { text: string };
}

const NUMERIC = /^[-+]?\d[\d,.]*%?$/;

/**
 * Whether the first row on the new page is the rest of the previous page's last row (a row broken by
 * the page break): it holds no figure, and each of its texts continues a cell the previous row began.
 */
function splitRow(
  first: LayoutCell[],
  prev: LayoutCell[],
  ownerText: (c: number) => string | undefined,
): boolean {
  const texts = (row: LayoutCell[]) => row.map((c) => c.text ?? '').filter(Boolean);
  if (texts(first).some((t) => NUMERIC.test(t))) return false;
  // After a row of figures, only a row whose label cell is blank (not merged, not a new label) continues it.
  if (texts(prev).some((t) => NUMERIC.test(t)) && (first[0]?.mergedFrom || first[0]?.text)) return false;
  // Every piece of text must continue a cell the previous row itself began.
  const continued = first.filter((cell) => cell.text);
  // A cell merged down from above in the same column counts as begun (a tall header wrapping over the break).
  const begun = (c: number) =>
    Boolean(prev[c]?.text) || (prev[c]?.mergedFrom?.[1] === c && Boolean(ownerText(c)));
  return continued.length > 0 && first.every((cell, c) => !cell.text || begun(c));
}
