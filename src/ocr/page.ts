import {
  findTables,
  type LayoutPage,
  type LayoutTable,
  type PageRulings,
  type Ruling,
  type TextRun,
} from '../layout/index.js';
import { LoadError } from '../load/loaded.js';
import type { OcrEngine } from './engine.js';
import {
  blank,
  cropRgba,
  cutOut,
  darkenLightInk,
  deskew,
  despeckle,
  encodePng,
  type GrayImage,
  inkLines,
  type PixelBox,
  skewAngle,
} from './raster.js';
import { imageRulings, toPageSpace } from './rulings.js';

import type { OcrRun } from './run.js';

export type { OcrRun } from './run.js';

/** What reading one page image gives: the page as positioned runs and rulings, and the runs' OCR record. */
export interface OcrPage {
  layout: LayoutPage;
  runs: OcrRun[];
  /** The rotation that was taken out, in degrees. */
  skew: number;
}

/**
 * Reads one page image: the page is levelled, table rulings are found in the pixels, each table cell is
 * cut out and read line by line (so neighbouring cells never merge and blank cells stay blank), and the
 * rest of the page is read by the line detector with the tables painted out. The result is a
 * {@link LayoutPage} like a PDF text layer gives, for the same layout code. `deadline` (ms since epoch)
 * stops the work between cells.
 *
 * @example
 * const { layout, runs } = await ocrPage(gray, { page: 2, dpi: 150, engine: await ocrEngine() });
 */
export async function ocrPage(
  image: GrayImage,
  options: { page: number; dpi: number; engine: OcrEngine; deadline?: number },
): Promise<OcrPage> {
  const skew = skewAngle(image);
  const level = await deskew(image, skew);
  const scale = options.dpi / 72;
  const heightPt = level.height / scale;
  const check = () => {
    if (options.deadline !== undefined && Date.now() > options.deadline) {
      throw new LoadError('ocr-timeout', `OCR of page ${options.page} ran past its time limit`);
    }
  };
  const pixelRulings = imageRulings(level, options.dpi);
  const rulings = toPageSpace(pixelRulings, scale, level.height);
  const cells = tableCells(rulings, scale, level.height);
  // Specks go after the rulings are found: a faint hairline is partly specks itself.
  const clean = despeckle(level);
  const runs: OcrRun[] = [];
  const toPage = (b: PixelBox): [number, number, number, number] => [
    b[0] / scale,
    b[1] / scale,
    b[2] / scale,
    b[3] / scale,
  ];
  for (const cell of cells.cells) {
    // Each cell on its own contrast: a light typeface is darkened where it is, black type left alone.
    const image = darkenLightInk(cutOut(clean, cell));
    for (const line of inkLines(image, [0, 0, image.width, image.height])) {
      check();
      const read = await options.engine.readLine(cropRgba(image, line));
      const text = read && cleanCellText(read.text);
      const box: PixelBox = [line[0] + cell[0], line[1] + cell[1], line[2] + cell[0], line[3] + cell[1]];
      if (read && text)
        runs.push({ page: options.page, text, confidence: read.confidence, box: toPage(box) });
    }
  }
  check();
  const rest = cells.tables.length ? blank(clean, cells.tables) : clean;
  for (const line of await options.engine.detect(await encodePng(rest))) {
    runs.push({ page: options.page, text: line.text, confidence: line.confidence, box: toPage(line.box) });
  }
  const size = typicalSize(runs);
  const textRuns: TextRun[] = runs.map((r) => {
    const h = r.box[3] - r.box[1];
    return {
      text: r.text,
      x: r.box[0],
      // The baseline sits about a fifth of the box above its bottom edge.
      y: heightPt - r.box[3] + h * 0.2,
      w: r.box[2] - r.box[0],
      h,
      size: Math.abs(h * 0.8 - size) < size * 0.25 ? size : Math.round(h * 0.8 * 2) / 2,
      page: options.page,
    };
  });
  // Only the rulings of the tables kept: the layout must not find the tables that were set aside.
  return {
    layout: { page: options.page, height: heightPt, runs: textRuns, rulings: cells.rulings },
    runs,
    skew,
  };
}

/**
 * The usual font size of a page's runs: box heights vary a little from line to line, and the layout code
 * compares sizes to join wrapped lines, so sizes near the usual one are snapped to it.
 */
function typicalSize(runs: OcrRun[]): number {
  const sizes = runs.map((r) => Math.round((r.box[3] - r.box[1]) * 0.8 * 2) / 2).sort((a, b) => a - b);
  return sizes[Math.floor(sizes.length / 2)] ?? 10;
}

/**
 * The cells of the page's ruled tables, in pixels, found by the layout code itself: a probe run is put in
 * every grid position the rulings make, and each cell the table reader builds tells which probes it took.
 * Merged cells thus come out whole, exactly as the layout will later read them. Each table gets a grid of
 * its own rulings: two tables on one page rarely share their column lines exactly, and a grid merged over
 * the page would cut one table's cells on the other's lines, a ruling's width off.
 */
export function tableCells(
  rulings: PageRulings,
  scale: number,
  imageHeight: number,
): { cells: PixelBox[]; tables: PixelBox[]; rulings: PageRulings } {
  const px = (b: [number, number, number, number]): PixelBox => [
    Math.round(b[0] * scale),
    Math.round(imageHeight - b[3] * scale),
    Math.round(b[2] * scale),
    Math.round(imageHeight - b[1] * scale),
  ];
  const cells: PixelBox[] = [];
  const tables: LayoutTable[] = [];
  for (const region of findTables(rulings, [])) {
    const inside = (r: Ruling) =>
      r.x1 >= region.left - 3 &&
      r.x2 <= region.right + 3 &&
      r.y1 >= region.bottom - 3 &&
      r.y2 <= region.top + 3;
    const own = { h: rulings.h.filter(inside), v: rulings.v.filter(inside) };
    const read = readGrid(own);
    if (!read || !wideColumns(read.table)) continue;
    tables.push(read.table);
    for (const box of read.cells) {
      const cell = px(box);
      // Keep clear of the borders: they are ink too.
      cells.push([cell[0] + 5, cell[1] + 4, cell[2] - 5, cell[3] - 4]);
    }
  }
  const inTable = (r: Ruling) =>
    tables.some(
      (t) => r.x1 >= t.left - 3 && r.x2 <= t.right + 3 && r.y1 >= t.bottom - 3 && r.y2 <= t.top + 3,
    );
  return {
    cells,
    tables: tables.map((t) => px([t.left, t.bottom, t.right, t.top])),
    rulings: { h: rulings.h.filter(inTable), v: rulings.v.filter(inTable) },
  };
}

/** Strokes of large bold type can pass for a few rulings; a real table has columns wider than a character. */
function wideColumns(table: LayoutTable): boolean {
  const widths = table.xs.slice(1).map((x, k) => x - (table.xs[k] as number));
  return widths.filter((w) => w < 14).length <= widths.length / 3;
}

/**
 * Reads one table's grid with probes: its cells as page-space boxes `[x0, y0, x1, y1]` (y upwards). Row
 * lines are where horizontal rulings lie and where column rulings end, so the last row above a page break
 * (cut without a bottom border) has its own cells too.
 */
function readGrid(
  rulings: PageRulings,
): { table: LayoutTable; cells: [number, number, number, number][] } | undefined {
  const xs = distinct(rulings.v.map((s) => s.x1));
  const ys = distinct([...rulings.h.map((s) => s.y1), ...rulings.v.flatMap((s) => [s.y1, s.y2])]);
  if (xs.length < 3 || ys.length < 3) return undefined;
  const probes: TextRun[] = [];
  const boxes: [number, number, number, number][] = [];
  for (let i = 0; i + 1 < ys.length; i++) {
    for (let j = 0; j + 1 < xs.length; j++) {
      const [x0, x1, y0, y1] = [xs[j] as number, xs[j + 1] as number, ys[i] as number, ys[i + 1] as number];
      boxes.push([x0, y0, x1, y1]);
      probes.push({
        text: `#${boxes.length - 1}#`,
        x: (x0 + x1) / 2 - 1,
        y: (y0 + y1) / 2 - 1,
        w: 2,
        h: 2,
        size: 2,
        page: 1,
      });
    }
  }
  const table = findTables(rulings, probes)[0];
  if (!table) return undefined;
  const cells: [number, number, number, number][] = [];
  for (const row of table.grid) {
    for (const cell of row) {
      if (cell.text === undefined) continue;
      const taken = [...cell.text.matchAll(/#(\d+)#/g)].map((m) => boxes[Number(m[1])] as number[]);
      if (!taken.length) continue;
      cells.push([
        Math.min(...taken.map((b) => b[0] as number)),
        Math.min(...taken.map((b) => b[1] as number)),
        Math.max(...taken.map((b) => b[2] as number)),
        Math.max(...taken.map((b) => b[3] as number)),
      ]);
    }
  }
  return { table, cells };
}

function distinct(values: number[]): number[] {
  const out: number[] = [];
  for (const v of [...values].sort((a, b) => a - b))
    if (!out.length || v - (out.at(-1) as number) > 3) out.push(v);
  return out;
}

/** Marks a speck or a ruling's remnant at a cell's edge reads as. */
const EDGE_NOISE = /^[[\]|丨」「.·,，'"“”`:：;。…_-]+|[[\]|丨」「.·,，'"“”`:：;。…_-]+$/g;

/** A run of marks at a label's start or end with a middle or full-width dot in it: specks, never text. */
const DOT_NOISE =
  /^[·．•・:：,，'"“”‘’\s-]*[·．•・][·．•・:：,，'"“”‘’\s-]*|[·．•・:：,，'"“”‘’\s-]*[·．•・][·．•・:：,，'"“”‘’\s-]*$/g;

/**
 * A cell's text without what specks and ruling remnants add: stray marks around a number (`[.0` → `0`) and
 * a dot between two Chinese characters (`总.计`); the dot of a label's list number read as a colon
 * (`1:信访举报投诉类申请`); runs of dots at a label's ends (`行政强制．．·．`). Labels keep their own
 * punctuation otherwise. A cell of digits and
 * the letter O is a number whose zeros the recognizer took for letters (`O.` → `0`): no table label is
 * made of them.
 *
 * @example
 * cleanCellText('[5'); // '5'
 * cleanCellText('1O'); // '10'
 */
export function cleanCellText(text: string): string {
  const bare = text.replace(EDGE_NOISE, '');
  if (/^[\d.,%]+$/.test(bare)) return bare;
  if (/^[\dOo.,%]+$/.test(bare)) return bare.replace(/[Oo]/g, '0');
  return text
    .replace(DOT_NOISE, '')
    .replace(/(?<=[\u3400-\u9fff])[.·](?=[\u3400-\u9fff])/g, '')
    .replace(/^(\d{1,2})[:：](?=[\u3400-\u9fff])/, '$1.');
}
