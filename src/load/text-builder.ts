import type { Anchor, Origin, Table, TableCell } from '../model/index.js';
import type { Format } from '../model/report.js';

/** One position of a table grid as a loader found it: the owner of its text, or a copy of a merged cell. */
export type GridCell =
  | { text: string; mergedFrom?: undefined }
  | { text?: undefined; mergedFrom: [number, number] };

/** A source cell with its spans, before merged cells are expanded (HTML rowspan/colspan, DOCX gridSpan). */
export interface SpanningCell {
  text: string;
  colSpan: number;
  rowSpan: number;
}

const CJK_OR_PUNCT = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/;

/**
 * Joins the pieces of one table cell (its paragraphs, lines or PDF text lines) into one label: no space
 * between two Chinese characters (a header wrapped as `科研\n机构` or split one character per paragraph
 * becomes `科研机构`), one space elsewhere.
 *
 * @example
 * joinCellParts(['科研', '机构']); // '科研机构'
 * joinCellParts(['Total', '12']); // 'Total 12'
 */
export function joinCellParts(parts: readonly string[]): string {
  let out = '';
  for (const raw of parts.flatMap((p) => p.split(/[\r\n]+/))) {
    const part = raw.replace(/[\t\u00a0 ]+/g, ' ').trim();
    if (!part) continue;
    if (out && !(CJK_OR_PUNCT.test(out.at(-1) as string) && CJK_OR_PUNCT.test(part[0] as string))) out += ' ';
    out += part;
  }
  return out;
}

/**
 * Expands cells with row and column spans into a full rectangular grid: every covered position repeats
 * its owner as `mergedFrom`, short rows are padded with empty cells.
 *
 * @example
 * expandSpans([[{ text: 'a', colSpan: 2, rowSpan: 1 }], [{ text: 'b', colSpan: 1, rowSpan: 1 }]]);
 * // [[{text:'a'},{mergedFrom:[0,0]}],[{text:'b'},{text:''}]]
 */
export function expandSpans(rows: readonly (readonly SpanningCell[])[], maxCols = 200): GridCell[][] {
  const grid: (GridCell | undefined)[][] = rows.map(() => []);
  rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row) {
      const line = grid[r] as (GridCell | undefined)[];
      while (line[c] !== undefined) c++;
      if (c >= maxCols) break;
      const colSpan = Math.max(1, Math.min(cell.colSpan, maxCols - c));
      const rowSpan = Math.max(1, Math.min(cell.rowSpan, rows.length - r));
      for (let dr = 0; dr < rowSpan; dr++) {
        for (let dc = 0; dc < colSpan; dc++) {
          const target = grid[r + dr] as (GridCell | undefined)[];
          target[c + dc] = dr === 0 && dc === 0 ? { text: cell.text } : { mergedFrom: [r, c] };
        }
      }
      c += colSpan;
    }
  });
  const width = Math.max(0, ...grid.map((row) => row.length));
  return grid.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? { text: '' }));
}

/**
 * Assembles a loader's plain text line by line while recording anchors and table grids whose spans index
 * that text. Paragraphs are lines; a table is one line per grid row with cells separated by `\t`.
 *
 * @example
 * const b = new TextBuilder();
 * b.paragraph('一、概述', { paragraph: 1 });
 * b.table([[{ text: '规章' }, { text: '0' }]]);
 * b.finish('docx').text; // '一、概述\n规章\t0\n'
 */
export class TextBuilder {
  private readonly parts: string[] = [];
  private length = 0;
  private readonly anchors: Anchor[] = [];
  private readonly tables: Table[] = [];

  /** Current length of the text. */
  get offset(): number {
    return this.length;
  }

  /** Appends raw text, recording `origin` for it (merged with the previous anchor when identical and adjacent). */
  append(text: string, origin?: Origin): void {
    if (!text) return;
    const start = this.length;
    this.parts.push(text);
    this.length += text.length;
    if (origin) this.anchor([start, this.length], origin);
  }

  /** Appends one paragraph as its own line; blank paragraphs are skipped. */
  paragraph(text: string, origin?: Origin): void {
    const clean = text.replace(/[\r\n]+$/, '');
    if (!clean.trim()) return;
    this.append(clean, origin);
    this.append('\n', origin);
  }

  /**
   * Appends a table as lines of tab-separated cells and records its grid. Merged positions repeat the
   * owner's span; each non-empty owner cell gets an anchor `{table,row,col}` plus `origin` (e.g. page).
   * `rowOrigins` gives a per-row origin (e.g. the page a row sits on).
   */
  table(grid: readonly (readonly GridCell[])[], origin: Origin = {}, rowOrigins?: readonly Origin[]): number {
    const rows = grid.filter((row) => row.length > 0);
    if (rows.length === 0) return -1;
    const index = this.tables.length;
    const start = this.length;
    const cells: TableCell[][] = [];
    rows.forEach((row, r) => {
      const out: TableCell[] = [];
      const rowOrigin = { ...origin, ...rowOrigins?.[r] };
      row.forEach((cell, c) => {
        if (c > 0) this.append('\t', rowOrigin.page ? { page: rowOrigin.page } : undefined);
        if (cell.mergedFrom) {
          const [fr, fc] = cell.mergedFrom;
          const owner = cells[fr]?.[fc] ?? out[fc];
          out.push(
            owner
              ? { text: owner.text, span: owner.span, mergedFrom: [fr, fc] }
              : { text: '', span: [this.length, this.length] },
          );
          return;
        }
        const text = joinCellParts([cell.text ?? '']);
        const s = this.length;
        this.append(text, rowOrigin.page ? { page: rowOrigin.page } : undefined);
        if (text)
          this.anchors.push({
            span: [s, this.length],
            origin: { ...rowOrigin, table: index, row: r, col: c },
          });
        out.push({ text, span: [s, this.length] });
      });
      cells.push(out);
      this.append('\n', rowOrigin.page ? { page: rowOrigin.page } : undefined);
    });
    const page = origin.page ?? rowOrigins?.[0]?.page;
    this.tables.push({ index, span: [start, this.length - 1], ...(page ? { page } : {}), rows: cells });
    return index;
  }

  private anchor(span: [number, number], origin: Origin): void {
    const last = this.anchors.findLast((a) => a.origin.table === undefined);
    if (last && last.span[1] === span[0] && sameOrigin(last.origin, origin)) {
      last.span = [last.span[0], span[1]];
      return;
    }
    this.anchors.push({ span, origin });
  }

  /** The assembled text, tables and anchors (sorted by start; cell anchors follow the range holding them). */
  finish<F extends Format>(format: F): { format: F; text: string; tables: Table[]; anchors: Anchor[] } {
    const anchors = [...this.anchors].sort(
      (a, b) => a.span[0] - b.span[0] || b.span[1] - a.span[1] || tableFirst(a) - tableFirst(b),
    );
    return { format, text: this.parts.join(''), tables: this.tables, anchors };
  }
}

function tableFirst(a: Anchor): number {
  return a.origin.table === undefined ? 0 : 1;
}

function sameOrigin(a: Origin, b: Origin): boolean {
  return (
    a.page === b.page &&
    a.paragraph === b.paragraph &&
    a.line === b.line &&
    a.table === b.table &&
    a.row === b.row &&
    a.col === b.col
  );
}
