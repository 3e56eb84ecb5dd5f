/**
 * A run of text placed on a page, in page space with y upwards (PDF user space: `y` is the baseline,
 * larger is higher). Any source that knows where its text sits (a PDF text layer, OCR boxes, OFD) can
 * describe a page this way; the layout code knows nothing of the source.
 *
 * @example
 * const run: TextRun = { text: '予以公开', x: 96, y: 612, w: 40, h: 10, size: 10, page: 3 };
 */
export interface TextRun {
  text: string;
  /** Left edge. */
  x: number;
  /** Baseline. */
  y: number;
  /** Advance width. */
  w: number;
  /** Height of the glyph box (the font size when the source knows no better). */
  h: number;
  /** Font size. */
  size: number;
  /** Page number, from 1. */
  page: number;
}

/**
 * An axis-aligned ruling, in the same space as the runs: horizontal when `y1 === y2` (then `x1 <= x2`),
 * vertical when `x1 === x2` (then `y1 <= y2`).
 *
 * @example
 * const border: Ruling = { x1: 72, y1: 600, x2: 520, y2: 600 };
 */
export interface Ruling {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** The horizontal and vertical rulings of a page. */
export interface PageRulings {
  h: Ruling[];
  v: Ruling[];
}

/**
 * One page to lay out: its runs and, when the source has them, its rulings.
 *
 * @example
 * const page: LayoutPage = { page: 1, height: 842, runs, rulings: { h: [], v: [] } };
 */
export interface LayoutPage {
  page: number;
  height: number;
  runs: TextRun[];
  rulings?: PageRulings;
}

/** One grid position: the owner of its text, or a copy of a merged cell (`[row, col]` of the owner). */
export type LayoutCell =
  | { text: string; mergedFrom?: undefined }
  | { text?: undefined; mergedFrom: [number, number] };

/** A table found on a page: its box, its column boundaries (left to right) and its grid. */
export interface LayoutTable {
  top: number;
  bottom: number;
  left: number;
  right: number;
  xs: number[];
  grid: LayoutCell[][];
}

/** One line of running text on a page. */
export interface LayoutLine {
  page: number;
  text: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
}

/**
 * What layout hands back, in reading order: paragraphs (wrapped lines joined, each piece with its page)
 * and tables (joined across page breaks, each row with its page).
 *
 * @example
 * for (const b of blocks) if (b.kind === 'table') console.log(b.grid.length, b.rowPages[0]);
 */
export type LayoutBlock =
  | { kind: 'paragraph'; parts: { text: string; page: number }[] }
  | { kind: 'table'; grid: LayoutCell[][]; rowPages: number[] };
