import { groupLines, lineText } from './lines.js';
import type { LayoutCell, LayoutTable, PageRulings, Ruling, TextRun } from './types.js';

/** Most rulings a page may have for table detection to run. */
export const MAX_RULINGS = 4000;

const TOL = 2;

/**
 * Joins touching or overlapping rulings on the same line into one.
 *
 * @example
 * mergeCollinear([{ x1: 0, x2: 10, y1: 5, y2: 5 }, { x1: 10, x2: 20, y1: 5, y2: 5 }], 'h'); // one ruling 0–20
 */
export function mergeCollinear(segments: Ruling[], dir: 'h' | 'v'): Ruling[] {
  const key = (s: Ruling) => (dir === 'h' ? s.y1 : s.x1);
  const lo = (s: Ruling) => (dir === 'h' ? s.x1 : s.y1);
  const hi = (s: Ruling) => (dir === 'h' ? s.x2 : s.y2);
  const sorted = [...segments].sort((a, b) => lo(a) - lo(b));
  const out: Ruling[] = [];
  for (const s of sorted) {
    const last = out.findLast(
      (o) => Math.abs(key(o) - key(s)) < TOL && lo(s) <= hi(o) + TOL && hi(s) >= lo(o) - TOL,
    );
    if (last) {
      if (dir === 'h') last.x2 = Math.max(last.x2, s.x2);
      else last.y2 = Math.max(last.y2, s.y2);
    } else out.push({ ...s });
  }
  return out;
}

/** Whether a horizontal stroke sits just under the baseline of text it spans: an underline, not a border. */
function underlines(s: Ruling, items: TextRun[]): boolean {
  return items.some((it) => {
    const below = it.y - s.y1;
    if (below < 0 || below > it.size * 0.15 || !it.text.trim()) return false;
    // An underline is about as long as its text; a border runs across whole cells.
    if (s.x2 - s.x1 > it.w * 1.5 + it.size) return false;
    const overlap = Math.min(s.x2, it.x + it.w) - Math.max(s.x1, it.x);
    return overlap > Math.min(s.x2 - s.x1, it.w) * 0.5;
  });
}

/**
 * Keeps only rulings that end on perpendicular rulings at both ends, as cell borders do (or, for column
 * rulings, at a page-break cut); underlines, paragraph borders and other short strokes inside cells end in
 * the open and are dropped.
 */
function bordersOnly({ h, v }: PageRulings): PageRulings {
  // Borders meet within a line width; the paragraph borders LibreOffice draws inside cells stop short.
  const near = 1.5;
  const touchesV = (x: number, y: number) =>
    v.some((s) => Math.abs(s.x1 - x) < near && y >= s.y1 - near && y <= s.y2 + near);
  const touchesH = (x: number, y: number) =>
    h.some((s) => Math.abs(s.y1 - y) < near && x >= s.x1 - near && x <= s.x2 + near);
  // A table cut by a page break often has no border along the cut: many column rulings end at that height.
  const ends = new Map<number, number>();
  for (const s of v)
    for (const y of [s.y1, s.y2]) ends.set(Math.round(y), (ends.get(Math.round(y)) ?? 0) + 1);
  const cut = (y: number) =>
    [-1, 0, 1].reduce((n, d) => n + (ends.get(Math.round(y) + d) ?? 0), 0) >= 3 && !touchesH(Number.NaN, y);
  const endsV = (x: number, y: number) => touchesH(x, y) || cut(y);
  const kept = v.filter((s) => endsV(s.x1, s.y1) && endsV(s.x1, s.y2));
  // Close the cut with a ruling of its own, so the last row before the break is a row.
  const closing: Ruling[] = [];
  for (const y of new Set(
    kept.flatMap((s) => [s.y1, s.y2]).filter((y) => !touchesH(Number.NaN, y) && cut(y)),
  )) {
    const at = kept.filter((s) => Math.abs(s.y1 - y) < near || Math.abs(s.y2 - y) < near);
    if (closing.some((c) => Math.abs(c.y1 - y) < near)) continue;
    const xs = at.map((s) => s.x1);
    closing.push({ x1: Math.min(...xs), x2: Math.max(...xs), y1: y, y2: y });
  }
  return {
    h: [...h.filter((s) => touchesV(s.x1, s.y1) && touchesV(s.x2, s.y1)), ...closing],
    v: kept,
  };
}

function cluster(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  for (const v of sorted) if (out.length === 0 || v - (out.at(-1) as number) > TOL * 1.5) out.push(v);
  return out;
}

/**
 * Finds ruled tables among a page's rulings and fills their cells with the text items inside them.
 * Connected rulings form a table; distinct ruling positions give the grid; a missing ruling between two
 * grid cells merges them. Items taken by a table are removed from `items`.
 *
 * @example
 * const tables = findTables(rulings, items); // items left are the page's running text
 */
export function findTables(found: PageRulings, items: TextRun[]): LayoutTable[] {
  // Pairing rulings is quadratic; a page with thousands of strokes is a drawing, not a report table.
  if (found.h.length + found.v.length > MAX_RULINGS) return [];
  const rulings = bordersOnly({ h: found.h.filter((s) => !underlines(s, items)), v: found.v });
  const all = [...rulings.h.map((s) => ({ s, h: true })), ...rulings.v.map((s) => ({ s, h: false }))];
  const parent = all.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number;
    return i;
  };
  for (let i = 0; i < all.length; i++) {
    for (let j = i + 1; j < all.length; j++) {
      const a = all[i] as { s: Ruling; h: boolean };
      const b = all[j] as { s: Ruling; h: boolean };
      if (a.h === b.h) continue;
      const hs = a.h ? a.s : b.s;
      const vs = a.h ? b.s : a.s;
      if (vs.x1 >= hs.x1 - TOL && vs.x1 <= hs.x2 + TOL && hs.y1 >= vs.y1 - TOL && hs.y1 <= vs.y2 + TOL) {
        parent[find(i)] = find(j);
      }
    }
  }
  const groups = new Map<number, { h: Ruling[]; v: Ruling[] }>();
  all.forEach((e, i) => {
    const g = groups.get(find(i)) ?? { h: [], v: [] };
    (e.h ? g.h : g.v).push(e.s);
    groups.set(find(i), g);
  });
  const tables: LayoutTable[] = [];
  for (const g of groups.values()) {
    const xs = cluster(g.v.map((s) => s.x1));
    const ys = cluster(g.h.map((s) => s.y1)).reverse();
    if (xs.length < 3 || ys.length < 3) continue;
    const table = buildGrid(g, xs, ys, items);
    if (table) tables.push(table);
  }
  return tables.sort((a, b) => b.top - a.top);
}

function buildGrid(
  g: { h: Ruling[]; v: Ruling[] },
  xs: number[],
  ys: number[],
  items: TextRun[],
): LayoutTable | null {
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  // A ruling "separates" two neighbouring grid cells when it crosses the middle of their shared edge.
  const hasV = (x: number, yLo: number, yHi: number) =>
    g.v.some((s) => Math.abs(s.x1 - x) < TOL * 1.5 && s.y1 <= (yLo + yHi) / 2 && s.y2 >= (yLo + yHi) / 2);
  const hasH = (y: number, xLo: number, xHi: number) =>
    g.h.some((s) => Math.abs(s.y1 - y) < TOL * 1.5 && s.x1 <= (xLo + xHi) / 2 && s.x2 >= (xLo + xHi) / 2);
  const parent = Array.from({ length: rows * cols }, (_, k) => k);
  const root = (k: number): number => {
    while (parent[k] !== k) k = parent[k] = parent[parent[k] as number] as number;
    return k;
  };
  // The smaller index (earlier in reading order) stays the root, so the owner is the top-left cell.
  const union = (a: number, b: number) => {
    const ra = root(a);
    const rb = root(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const yHi = ys[r] as number;
      const yLo = ys[r + 1] as number;
      const xLo = xs[c] as number;
      const xHi = xs[c + 1] as number;
      if (c > 0 && !hasV(xLo, yLo, yHi)) union(r * cols + c, r * cols + c - 1);
      if (r > 0 && !hasH(yHi, xLo, xHi)) union(r * cols + c, (r - 1) * cols + c);
    }
  }
  const top = ys[0] as number;
  const bottom = ys[rows] as number;
  const left = xs[0] as number;
  const right = xs[cols] as number;
  const buckets = new Map<number, TextRun[]>();
  for (let i = items.length - 1; i >= 0; i--) {
    const it = items[i] as TextRun;
    const cx = it.x + Math.min(it.w / 2, it.size / 2);
    const cy = it.y + it.size * 0.35;
    if (cx < left || cx > right || cy < bottom || cy > top) continue;
    const c = xs.findIndex((x, k) => k < cols && cx >= x && cx < (xs[k + 1] as number));
    const r = ys.findIndex((y, k) => k < rows && cy <= y && cy > (ys[k + 1] as number));
    items.splice(i, 1);
    if (c < 0 || r < 0) continue;
    const o = root(r * cols + c);
    const list = buckets.get(o) ?? [];
    list.push(it);
    buckets.set(o, list);
  }
  // Rulings that stop short (a border under part of a row) leave grid rows or columns with no cell of
  // their own; they are dropped so the grid has the table's real rows and columns.
  const ownRow = (r: number) =>
    Array.from({ length: cols }, (_, c) => Math.floor(root(r * cols + c) / cols) === r);
  const ownCol = (c: number) => Array.from({ length: rows }, (_, r) => root(r * cols + c) % cols === c);
  const keptRows = [...Array(rows).keys()].filter((r) => ownRow(r).some(Boolean));
  const keptCols = [...Array(cols).keys()].filter((c) => ownCol(c).some(Boolean));
  const rowIndex = new Map(keptRows.map((r, i) => [r, i]));
  const colIndex = new Map(keptCols.map((c, i) => [c, i]));
  const grid: LayoutCell[][] = keptRows.map((r) =>
    keptCols.map((c): LayoutCell => {
      const o = root(r * cols + c);
      if (o !== r * cols + c) {
        return { mergedFrom: [rowIndex.get(Math.floor(o / cols)) ?? 0, colIndex.get(o % cols) ?? 0] };
      }
      return { text: cellLines(buckets.get(o) ?? []) };
    }),
  );
  const keptXs = [...keptCols.map((c) => xs[c] as number), right];
  return { top, bottom, left, right, xs: keptXs, grid };
}

/** The text of a cell: its items as lines, top to bottom, joined as one label. */
function cellLines(items: TextRun[]): string {
  const lines = groupLines(items);
  const parts = lines.map((l) => lineText(l));
  // Chinese wrapped inside a cell joins without a space; the builder's joinCellParts does the rest.
  return parts.join('\n');
}
