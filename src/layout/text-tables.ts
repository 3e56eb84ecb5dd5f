import { HEADING_START } from './lines.js';
import type { LayoutCell, LayoutTable, PageRulings, TextRun } from './types.js';

/**
 * Tables drawn without rulings (or with rulings that do not close into a grid) have their columns only in
 * the positions of their text. A blank cell prints nothing, so reading such a row as a line gives
 * `821 35 2 1 859` for seven columns; read by position, every number keeps its column and the blanks stay
 * blank cells.
 */

/** A cell value: a number, a percentage or money, or a mark standing for a blank (`-`, `/`, `—`). */
const VALUE = /^(?:[-+−]?\d[\d,，]*(?:\.\d+)?(?:%|元|万元)?|[-－—–/／―]{1,2})$/;
/** Pieces closer than this (in font sizes) belong to the same chunk of text. */
const JOIN_GAP = 0.5;
/** Most lines above the first row read as the table's header. */
const MAX_HEADER_LINES = 8;

interface Chunk {
  text: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
  value: boolean;
  runs: Set<TextRun>;
}

interface Line {
  y: number;
  size: number;
  chunks: Chunk[];
}

/** Display width of a character in ems, for placing the pieces of a run split at spaces. */
function ems(ch: string): number {
  return /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
    ch,
  )
    ? 1
    : 0.5;
}

/** Splits a run at its spaces into pieces, each placed in proportion to the width of its characters. */
function pieces(run: TextRun): Chunk[] {
  const chars = [...run.text];
  const total = chars.reduce((s, c) => s + ems(c), 0) || 1;
  const scale = run.w / total;
  const out: Chunk[] = [];
  let x = run.x;
  let current: Chunk | undefined;
  for (const c of chars) {
    const w = ems(c) * scale;
    if (/\s/.test(c)) current = undefined;
    else if (current) {
      current.text += c;
      current.x1 = x + w;
    } else {
      current = { text: c, x0: x, x1: x + w, y: run.y, size: run.size, value: false, runs: new Set([run]) };
      out.push(current);
    }
    x += w;
  }
  return out;
}

/** Groups pieces into lines (top to bottom) and joins close pieces of a line into chunks. */
function linesOf(runs: TextRun[]): Line[] {
  const all = runs.flatMap((r) => pieces(r).map((p) => ({ p, run: r })));
  all.sort((a, b) => b.p.y - a.p.y || a.p.x0 - b.p.x0);
  const groups: Chunk[][] = [];
  let y = Number.NaN;
  for (const { p } of all) {
    const last = groups.at(-1);
    if (!last || Math.abs(p.y - y) > Math.max(2, p.size * 0.45)) {
      groups.push([p]);
      y = p.y;
    } else last.push(p);
  }
  return groups.map((group) => {
    group.sort((a, b) => a.x0 - b.x0);
    const chunks: Chunk[] = [];
    for (const p of group) {
      const prev = chunks.at(-1);
      const gap = prev ? p.x0 - prev.x1 : Number.POSITIVE_INFINITY;
      // Two numbers are two cells even when only a space parts them; other pieces join when close.
      const bothValues = prev && VALUE.test(prev.text) && VALUE.test(p.text);
      if (prev && gap < p.size * JOIN_GAP && !(bothValues && gap > p.size * 0.1)) {
        prev.text += gap > p.size * 0.2 && /[A-Za-z0-9]$/.test(prev.text) ? ` ${p.text}` : p.text;
        prev.x1 = Math.max(prev.x1, p.x1);
        for (const r of p.runs) prev.runs.add(r);
      } else chunks.push({ ...p, runs: new Set(p.runs) });
    }
    for (const c of chunks) c.value = VALUE.test(c.text);
    return {
      y: group[0]?.y ?? 0,
      size: Math.max(...group.map((p) => p.size)),
      chunks,
    };
  });
}

/** A row of figures: values in separate chunks, after any label. */
function isDataLine(line: Line): boolean {
  const firstValue = line.chunks.findIndex((c) => c.value);
  if (firstValue < 0) return false;
  // Labels sit left of the figures; text between or after figures is running text with numbers in it.
  if (line.chunks.slice(firstValue).some((c) => !c.value)) return false;
  // A page number between dashes (`- 4 -`) is one figure, not a row.
  const figures = line.chunks.filter((c) => c.value && /\d/.test(c.text)).length;
  return figures >= 2 || (figures === 1 && firstValue > 0);
}

function overlap(a: { x0: number; x1: number }, b: { x0: number; x1: number }): number {
  return Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
}

interface Column {
  x0: number;
  x1: number;
}

/**
 * Value columns from the figures of the rows (the fullest rows first, so that a figure centred over
 * merged columns cannot join two columns) and from header cells over columns no row fills.
 */
function valueColumns(rows: Line[], headers: Line[], labelRight: number): Column[] {
  const cols: Column[] = [];
  const byCount = [...rows].sort(
    (a, b) => b.chunks.filter((c) => c.value).length - a.chunks.filter((c) => c.value).length,
  );
  for (const row of byCount) {
    for (const c of row.chunks) {
      if (!c.value) continue;
      const hits = cols.filter((k) => overlap(k, c) > 0);
      if (hits.length === 0) cols.push({ x0: c.x0, x1: c.x1 });
      else if (hits.length === 1) {
        const k = hits[0] as Column;
        k.x0 = Math.min(k.x0, c.x0);
        k.x1 = Math.max(k.x1, c.x1);
      }
    }
  }
  // A header cell with no other header cell under it heads a column of its own; when no row fills
  // that column, the header is the only sign of it.
  const cells = headers.flatMap((l) => l.chunks.filter((c) => c.x0 > labelRight).map((c) => ({ c, y: l.y })));
  for (const { c, y } of cells) {
    const leaf = !cells.some((o) => o.y < y && overlap(o.c, c) > 0);
    if (leaf && !cols.some((k) => overlap(k, c) > 0)) cols.push({ x0: c.x0, x1: c.x1 });
  }
  return cols.sort((a, b) => a.x0 - b.x0);
}

interface LabelBlock {
  col: number;
  top: number;
  bottom: number;
  marker: boolean;
  chunks: Chunk[];
}

/**
 * The label cells of the body: in each label column, chunks one under the other at line spacing form one
 * cell (a wrapped label); a list marker (1. （三） 四、) or a wider gap starts the next.
 */
function labelBlocks(
  body: Line[],
  isLabel: (c: Chunk) => boolean,
  colOf: (c: Chunk, value: boolean) => number,
): LabelBlock[] {
  const byCol = new Map<number, Chunk[]>();
  for (const l of body)
    for (const c of l.chunks) {
      if (!isLabel(c)) continue;
      const k = colOf(c, false);
      byCol.set(k, [...(byCol.get(k) ?? []), c]);
    }
  const out: LabelBlock[] = [];
  for (const [col, chunks] of byCol) {
    chunks.sort((a, b) => b.y - a.y || a.x0 - b.x0);
    let current: LabelBlock | undefined;
    for (const c of chunks) {
      const marker = HEADING_START.test(c.text);
      if (current && !marker && current.bottom - c.y <= c.size * 1.5) {
        current.chunks.push(c);
        current.bottom = Math.min(current.bottom, c.y);
        continue;
      }
      current = { col, top: c.y, bottom: c.y, marker, chunks: [c] };
      out.push(current);
    }
  }
  return out;
}

/** Left edges of the label columns: the label chunks' left edges, clustered. */
function labelColumns(chunks: Chunk[]): number[] {
  const xs = chunks.map((c) => c.x0).sort((a, b) => a - b);
  const out: number[] = [];
  for (const x of xs) {
    const size = chunks[0]?.size ?? 10;
    if (out.length === 0 || x - (out.at(-1) as number) > size * 1.5) out.push(x);
  }
  return out;
}

/**
 * Finds tables whose columns only the positions of their text show, and takes their runs out of `runs`.
 * Rows are the lines that hold figures after a label; label lines around a row (a wrapped label) join the
 * nearest row; the lines just above the first row are the header. Value columns come from the figures'
 * x extents across all rows and from header cells with no header under them, so a column left blank in a
 * row (or in every row) is still a column, and every figure lands in the column it sits under.
 *
 * @example
 * const tables = findTextTables(runs); // runs left are the page's running text
 */
export function findTextTables(runs: TextRun[], _rulings?: PageRulings): LayoutTable[] {
  const lines = linesOf(runs.filter((r) => r.text.trim()));
  const tables: LayoutTable[] = [];
  const used = new Set<TextRun>();
  let i = 0;
  while (i < lines.length) {
    const block = blockAt(lines, i);
    if (!block) break;
    if (block.firstRow < 0) {
      i = block.to;
      continue;
    }
    const table = buildTable(lines.slice(block.from, block.to), block.firstRow - block.from);
    if (table) {
      tables.push(table.table);
      for (const l of lines.slice(block.from, block.to))
        for (const c of l.chunks) for (const r of c.runs) used.add(r);
    }
    i = block.to;
  }
  if (used.size > 0) {
    for (let k = runs.length - 1; k >= 0; k--) if (used.has(runs[k] as TextRun)) runs.splice(k, 1);
  }
  return tables;
}

/** Whether a line reaches into the figures' columns (a header line, or running text across the page). */
function reachesValues(line: Line, valueLeft: number): boolean {
  return line.chunks.some((c) => c.x1 > valueLeft - line.size * 0.5);
}

/** The block of lines of a table whose first row of figures is at or after `i`: header, rows, wraps. */
function blockAt(lines: Line[], i: number): { from: number; to: number; firstRow: number } | undefined {
  let first = i;
  while (first < lines.length && !isDataLine(lines[first] as Line)) first++;
  if (first >= lines.length) return undefined;
  const head = lines[first] as Line;
  let valueLeft = Math.min(...head.chunks.filter((c) => c.value).map((c) => c.x0));
  let last = first;
  let full = head.chunks.filter((c) => c.value).length >= 2 ? 1 : 0;
  for (let k = first + 1; k < lines.length; k++) {
    const line = lines[k] as Line;
    const prev = lines[k - 1] as Line;
    if (prev.y - line.y > Math.max(prev.size, line.size) * 3.2) break;
    if (isDataLine(line)) {
      last = k;
      valueLeft = Math.min(valueLeft, ...line.chunks.filter((c) => c.value).map((c) => c.x0));
      if (line.chunks.filter((c) => c.value).length >= 2) full++;
      continue;
    }
    // A line reaching into the figures' columns ends the table (running text, or the next table's header).
    if (line.chunks.some((c) => c.x1 > valueLeft - line.size * 0.5)) break;
  }
  if (full < 2) return { from: first, to: first + 1, firstRow: -1 };
  // Label lines right after the last row belong to it only when they sit as close as the lines of a
  // wrapped label do.
  let to = last + 1;
  for (let after = lines[to]; after; after = lines[to]) {
    const above = lines[to - 1] as Line;
    if (
      isDataLine(after) ||
      above.y - after.y > after.size * 1.6 ||
      after.chunks.length !== 1 ||
      reachesValues(after, valueLeft)
    )
      break;
    to++;
  }
  // Header: lines just above the first row that reach into the figures' columns (label-only lines only
  // between two such lines), up to a caption that runs across both, or a wide gap.
  let from = first;
  let top = first;
  for (let k = first - 1; k >= 0 && first - k <= MAX_HEADER_LINES; k--) {
    const line = lines[k] as Line;
    const below = lines[k + 1] as Line;
    if (line.y - below.y > Math.max(line.size, below.size) * 3.2) break;
    // A figure above the first row is a row of its own (a continued table), not a header.
    if (isDataLine(line) || line.chunks.some((c) => c.value && /\d/.test(c.text))) break;
    const spans = line.chunks.some(
      (c) => c.x0 < valueLeft - line.size * 2 && c.x1 > valueLeft + line.size * 4 && line.chunks.length === 1,
    );
    if (spans) break;
    from = k;
    if (reachesValues(line, valueLeft)) top = k;
  }
  from = Math.max(from, top);
  if (top === first) from = first;
  // Label lines under the header's last line are the first row's label wrapped above its figures (a label
  // centred in a tall cell), not header.
  let bodyStart = first;
  while (bodyStart > from && !reachesValues(lines[bodyStart - 1] as Line, valueLeft)) bodyStart--;
  if (bodyStart === from) bodyStart = first;
  return { from, to, firstRow: bodyStart };
}

function buildTable(lines: Line[], firstRow: number): { table: LayoutTable } | undefined {
  const headers = lines.slice(0, firstRow);
  // Without a header only the figures show the columns, and a column blank in every row would vanish:
  // such rows stay running text (a table continued from the previous page without its header, say).
  if (headers.length === 0) return undefined;
  const body = lines.slice(firstRow);
  const dataLines = body.filter(isDataLine);
  // Label chunks: left of the rows' first figures, on rows and on the lines of wrapped labels between them.
  const firstFigure = Math.min(...dataLines.flatMap((l) => l.chunks.filter((c) => c.value).map((c) => c.x0)));
  const labelChunks = body.flatMap((l) => l.chunks.filter((c) => !c.value && c.x1 <= firstFigure));
  const labelRight = labelChunks.length
    ? Math.max(...labelChunks.map((c) => c.x1))
    : Number.NEGATIVE_INFINITY;
  const cols = valueColumns(dataLines, headers, labelRight);
  if (cols.length < 2) return undefined;
  const firstCol = cols[0] as Column;
  // Boundaries between value columns: halfway across the gap between their extents.
  const bounds = cols.slice(1).map((k, j) => {
    const p = cols[j] as Column;
    return k.x0 > p.x1 ? (p.x1 + k.x0) / 2 : (p.x0 + p.x1 + k.x0 + k.x1) / 4;
  });
  const valueStart = firstCol.x0;
  const isLabel = (c: Chunk) => !c.value && (c.x0 + c.x1) / 2 < valueStart;
  const labels = labelColumns([...headers, ...body].flatMap((l) => l.chunks.filter(isLabel)));
  const width = labels.length + cols.length;
  const colOf = (c: Chunk, value: boolean): number => {
    const mid = (c.x0 + c.x1) / 2;
    if (!value && isLabel(c)) {
      let k = 0;
      labels.forEach((x, j) => {
        if (c.x0 >= x - c.size * 0.75) k = j;
      });
      return k;
    }
    let k = 0;
    while (k < bounds.length && mid >= (bounds[k] as number)) k++;
    return labels.length + k;
  };
  const cellsOf = (): Chunk[][] => Array.from({ length: width }, () => []);
  const grid: Chunk[][][] = [];
  for (const h of headers) {
    const cells = cellsOf();
    for (const c of h.chunks) cells[colOf(c, false)]?.push(c);
    grid.push(cells);
  }
  // Rows: the lines of figures, then labels standing alone (a row whose cells are all blank).
  const rows: { y: number; size: number; cells: Chunk[][] }[] = [];
  for (const l of body) {
    if (!isDataLine(l)) continue;
    const cells = cellsOf();
    for (const c of l.chunks) if (c.value || !isLabel(c)) cells[colOf(c, c.value)]?.push(c);
    rows.push({ y: l.y, size: l.size, cells });
  }
  const blocks = labelBlocks(body, isLabel, colOf);
  const inside = (b: LabelBlock) =>
    rows
      .filter((r) => r.y <= b.top + r.size * 0.3 && r.y >= b.bottom - r.size * 0.3)
      .sort((p, q) => q.y - p.y);
  // Deepest label column first: a group label beside an item label then finds the item's row.
  for (const b of [...blocks].sort((p, q) => q.col - p.col)) {
    if (!b.marker || inside(b).length > 0) continue;
    rows.push({ y: b.top, size: b.chunks[0]?.size ?? 10, cells: cellsOf() });
  }
  rows.sort((p, q) => q.y - p.y);
  if (rows.length === 0) return undefined;
  // Each label cell goes to the first row it stands beside, else to the nearest row (the one above on a tie).
  for (const b of blocks) {
    let target = inside(b)[0];
    if (!target) {
      for (const r of rows) {
        const d = Math.min(Math.abs(r.y - b.top), Math.abs(r.y - b.bottom));
        const best = target ? Math.min(Math.abs(target.y - b.top), Math.abs(target.y - b.bottom)) : Infinity;
        if (d < best - 0.01) target = r;
      }
    }
    target?.cells[b.col]?.push(...b.chunks);
  }
  for (const r of rows) grid.push(r.cells);
  const layoutGrid: LayoutCell[][] = grid.map((cells, r) => {
    const texts = cells.map((list) =>
      [...list]
        .sort((a, b) => b.y - a.y || a.x0 - b.x0)
        .map((c) => c.text)
        .join('\n'),
    );
    // A row's label reaches across the empty label columns after it, as a cell spanning them would.
    let owner = -1;
    return texts.map((text, c): LayoutCell => {
      if (r >= headers.length && c < labels.length) {
        if (text) owner = c;
        else if (owner >= 0) return { mergedFrom: [r, owner] };
      }
      return { text };
    });
  });
  const all = lines.flatMap((l) => l.chunks);
  const left = Math.min(...all.map((c) => c.x0));
  const right = Math.max(...all.map((c) => c.x1));
  const topLine = lines[0] as Line;
  const bottomLine = lines.at(-1) as Line;
  return {
    table: {
      top: topLine.y + topLine.size,
      bottom: bottomLine.y - bottomLine.size * 0.3,
      left,
      right,
      xs: [left, ...labels.slice(1), ...(labels.length > 0 ? [valueStart] : []), ...bounds, right],
      grid: layoutGrid,
    },
  };
}
