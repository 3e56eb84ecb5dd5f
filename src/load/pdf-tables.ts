import type { GridCell } from './text-builder.js';

/** A text item placed on the page (PDF user space, y upwards). */
export interface PdfItem {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

/** An axis-aligned ruling: horizontal when `y1 === y2`, vertical when `x1 === x2`. */
interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** A ruled table found on a page: its grid of cells (owners hold the text), its box and the items it took. */
export interface PdfTable {
  top: number;
  bottom: number;
  left: number;
  right: number;
  /** Column boundaries, left to right. */
  xs: number[];
  grid: GridCell[][];
}

/** The subset of pdf.js `OPS` codes the ruling reader needs. */
export interface PathOps {
  save: number;
  restore: number;
  transform: number;
  constructPath: number;
  endPath: number;
  fill: number;
  eoFill: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
}

/** Most rulings a page may have for table detection to run. */
export const MAX_RULINGS = 4000;

type Matrix = [number, number, number, number, number, number];
const TOL = 2;

function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

/**
 * Collects the horizontal and vertical rulings a page paints (stroked lines, thin filled rectangles and the
 * edges of filled cell boxes), in page space, from a pdf.js operator list.
 *
 * @example
 * const segments = pageRulings(opList.fnArray, opList.argsArray, pdfjs.OPS, [0, 0, 595, 842]);
 */
export function pageRulings(
  fnArray: number[],
  argsArray: unknown[],
  ops: PathOps,
  view: number[],
): { h: Segment[]; v: Segment[] } {
  const h: Segment[] = [];
  const v: Segment[] = [];
  const pageArea = Math.abs(((view[2] ?? 0) - (view[0] ?? 0)) * ((view[3] ?? 0) - (view[1] ?? 0)));
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  const add = (ax: number, ay: number, bx: number, by: number) => {
    if (Math.abs(ay - by) < 0.5 && Math.abs(ax - bx) > TOL) {
      h.push({ x1: Math.min(ax, bx), x2: Math.max(ax, bx), y1: (ay + by) / 2, y2: (ay + by) / 2 });
    } else if (Math.abs(ax - bx) < 0.5 && Math.abs(ay - by) > TOL) {
      v.push({ y1: Math.min(ay, by), y2: Math.max(ay, by), x1: (ax + bx) / 2, x2: (ax + bx) / 2 });
    }
  };
  const point = (x: number, y: number): [number, number] => [
    ctm[0] * x + ctm[2] * y + ctm[4],
    ctm[1] * x + ctm[3] * y + ctm[5],
  ];
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[] | null;
    if (fn === ops.save) stack.push(ctm);
    else if (fn === ops.restore) ctm = stack.pop() ?? ctm;
    else if (fn === ops.transform && args) ctm = multiply(ctm, args as Matrix);
    else if (fn === ops.paintFormXObjectBegin && args) {
      stack.push(ctm);
      if (Array.isArray(args[0]) || ArrayBuffer.isView(args[0]))
        ctm = multiply(ctm, Array.from(args[0] as number[]) as Matrix);
    } else if (fn === ops.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === ops.constructPath && args) {
      const paint = args[0] as number;
      if (paint === ops.endPath) continue; // a clipping path: no ink
      // Filled shapes (paragraph backgrounds, logos, seals) are no rulings, except thin bars drawn as borders.
      const stroked = paint !== ops.fill && paint !== ops.eoFill;
      const data = (args[1] as ArrayLike<number>[] | undefined)?.[0];
      if (!data) continue;
      const sub: [number, number][] = [];
      const flush = () => {
        if (sub.length === 5 || sub.length === 4) {
          const xs = sub.map((p) => p[0]);
          const ys = sub.map((p) => p[1]);
          const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
          const rectangle = sub.every(
            (p) =>
              (Math.abs(p[0] - x0) < 0.5 || Math.abs(p[0] - x1) < 0.5) &&
              (Math.abs(p[1] - y0) < 0.5 || Math.abs(p[1] - y1) < 0.5),
          );
          if (rectangle && y1 - y0 < TOL && x1 - x0 > TOL) add(x0, (y0 + y1) / 2, x1, (y0 + y1) / 2);
          else if (rectangle && x1 - x0 < TOL && y1 - y0 > TOL) add((x0 + x1) / 2, y0, (x0 + x1) / 2, y1);
          else if (rectangle && stroked && (x1 - x0) * (y1 - y0) < pageArea * 0.5) {
            add(x0, y0, x1, y0);
            add(x0, y1, x1, y1);
            add(x0, y0, x0, y1);
            add(x1, y0, x1, y1);
          }
          if (rectangle) {
            sub.length = 0;
            return;
          }
        }
        if (stroked) {
          for (let k = 1; k < sub.length; k++) {
            const a = sub[k - 1] as [number, number];
            const b = sub[k] as [number, number];
            add(a[0], a[1], b[0], b[1]);
          }
        }
        sub.length = 0;
      };
      let k = 0;
      while (k < data.length) {
        const op = data[k];
        if (op === 0) {
          flush();
          sub.push(point(data[k + 1] as number, data[k + 2] as number));
          k += 3;
        } else if (op === 1) {
          sub.push(point(data[k + 1] as number, data[k + 2] as number));
          k += 3;
        } else if (op === 2) {
          flush();
          k += 7;
        } else if (op === 3) {
          if (sub.length > 1) sub.push(sub[0] as [number, number]);
          k += 1;
        } else break;
      }
      flush();
    }
  }
  return { h: mergeCollinear(h, 'h'), v: mergeCollinear(v, 'v') };
}

/** Joins touching or overlapping rulings on the same line into one. */
function mergeCollinear(segments: Segment[], dir: 'h' | 'v'): Segment[] {
  const key = (s: Segment) => (dir === 'h' ? s.y1 : s.x1);
  const lo = (s: Segment) => (dir === 'h' ? s.x1 : s.y1);
  const hi = (s: Segment) => (dir === 'h' ? s.x2 : s.y2);
  const sorted = [...segments].sort((a, b) => lo(a) - lo(b));
  const out: Segment[] = [];
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
function underlines(s: Segment, items: PdfItem[]): boolean {
  return items.some((it) => {
    const below = it.y - s.y1;
    if (below < 0 || below > it.size * 0.15 || !it.str.trim()) return false;
    // An underline is about as long as its text; a border runs across whole cells.
    if (s.x2 - s.x1 > it.width * 1.5 + it.size) return false;
    const overlap = Math.min(s.x2, it.x + it.width) - Math.max(s.x1, it.x);
    return overlap > Math.min(s.x2 - s.x1, it.width) * 0.5;
  });
}

/**
 * Keeps only rulings that end on perpendicular rulings at both ends, as cell borders do (or, for column
 * rulings, at a page-break cut); underlines, paragraph borders and other short strokes inside cells end in
 * the open and are dropped.
 */
function bordersOnly({ h, v }: { h: Segment[]; v: Segment[] }): { h: Segment[]; v: Segment[] } {
  // Borders meet within a line width; the paragraph borders LibreOffice draws inside cells stop short.
  const near = 1.2;
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
  const closing: Segment[] = [];
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
export function findTables(found: { h: Segment[]; v: Segment[] }, items: PdfItem[]): PdfTable[] {
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
      const a = all[i] as { s: Segment; h: boolean };
      const b = all[j] as { s: Segment; h: boolean };
      if (a.h === b.h) continue;
      const hs = a.h ? a.s : b.s;
      const vs = a.h ? b.s : a.s;
      if (vs.x1 >= hs.x1 - TOL && vs.x1 <= hs.x2 + TOL && hs.y1 >= vs.y1 - TOL && hs.y1 <= vs.y2 + TOL) {
        parent[find(i)] = find(j);
      }
    }
  }
  const groups = new Map<number, { h: Segment[]; v: Segment[] }>();
  all.forEach((e, i) => {
    const g = groups.get(find(i)) ?? { h: [], v: [] };
    (e.h ? g.h : g.v).push(e.s);
    groups.set(find(i), g);
  });
  const tables: PdfTable[] = [];
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
  g: { h: Segment[]; v: Segment[] },
  xs: number[],
  ys: number[],
  items: PdfItem[],
): PdfTable | null {
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
  const buckets = new Map<number, PdfItem[]>();
  for (let i = items.length - 1; i >= 0; i--) {
    const it = items[i] as PdfItem;
    const cx = it.x + Math.min(it.width / 2, it.size / 2);
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
  const grid: GridCell[][] = keptRows.map((r) =>
    keptCols.map((c): GridCell => {
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
function cellLines(items: PdfItem[]): string {
  const lines = groupLines(items);
  const parts = lines.map((l) => lineText(l));
  // Chinese wrapped inside a cell joins without a space; the builder's joinCellParts does the rest.
  return parts.join('\n');
}

/** Groups items into lines (top to bottom), each sorted left to right. */
export function groupLines<I extends PdfItem>(items: I[]): I[][] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: I[][] = [];
  let current: I[] = [];
  let y = Number.NaN;
  for (const it of sorted) {
    if (current.length > 0 && Math.abs(it.y - y) > Math.max(2, it.size * 0.45)) {
      lines.push(current.sort((a, b) => a.x - b.x));
      current = [];
    }
    if (current.length === 0) y = it.y;
    current.push(it);
  }
  if (current.length > 0) lines.push(current.sort((a, b) => a.x - b.x));
  return lines;
}

const CJK_END = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]$/;
const CJK_GAP =
  /(?<=[\u3000-\u303f\u3400-\u9fff\uff00-\uffef\u201c\u201d])[ \u00a0]+(?=[\u3000-\u303f\u3400-\u9fff\uff00-\uffef\u201c\u201d])/g;
const CJK_START = /^[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

/** A line's text: items in order, with one space where the gap between two items is wide. */
export function lineText(line: PdfItem[]): string {
  let out = '';
  let end = Number.NaN;
  for (const it of line) {
    if (!it.str.trim()) continue;
    const cjkPair = CJK_END.test(out) && CJK_START.test(it.str);
    if (out && it.x - end > it.size * 0.3 && !out.endsWith(' ') && !cjkPair) out += ' ';
    out += it.str;
    end = it.x + it.width;
  }
  // Letter-spaced (justified) Chinese comes out as `结 果`: spaces between two Chinese characters go.
  return out.replace(CJK_GAP, '').trim();
}
