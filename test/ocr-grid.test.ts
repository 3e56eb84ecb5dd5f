import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { layoutPage, type PageRulings, type TextRun } from '../src/layout/index.js';
import { pageRulings } from '../src/load/pdf-tables.js';
import { cleanCellText, tableCells } from '../src/ocr/page.js';
import { darkenLightInk, type GrayImage, inkLines } from '../src/ocr/raster.js';
import { corpusPath } from './helpers/corpus.js';

// Cell grids for OCR are built from rulings alone, so they are tested here on the rulings the text-layer
// original of the scan fixture paints (hongze-2023.pdf), without running any OCR.
const DPI = 150;
const SCALE = DPI / 72;

async function originalPage(n: number): Promise<{ rulings: PageRulings; height: number }> {
  const lib = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await lib.getDocument({
    data: new Uint8Array(readFileSync(corpusPath('hongze-2023.pdf'))),
    verbosity: 0,
  }).promise;
  const page = await doc.getPage(n);
  const ops = await page.getOperatorList();
  const rulings = pageRulings(ops.fnArray, ops.argsArray, lib.OPS, page.view);
  const height = (page.view[3] ?? 0) - (page.view[1] ?? 0);
  await doc.destroy();
  return { rulings, height };
}

/** Cells in page space (points, y upwards), undoing the pixel conversion and the inset from the borders. */
function cellsInPoints(rulings: PageRulings, height: number) {
  const imageHeight = Math.round(height * SCALE);
  const found = tableCells(rulings, SCALE, imageHeight);
  const cells = found.cells.map(([x0, top, x1, bottom]) => ({
    x0: (x0 - 5) / SCALE,
    x1: (x1 + 5) / SCALE,
    top: (imageHeight - top + 4) / SCALE,
    bottom: (imageHeight - bottom - 4) / SCALE,
  }));
  return { found, cells };
}

describe('OCR cell grids from rulings (hongze-2023.pdf)', () => {
  it('gives each table of a page its own columns, even where two tables almost share a line', async () => {
    const { rulings, height } = await originalPage(4);
    const { found, cells } = cellsInPoints(rulings, height);
    expect(found.tables).toHaveLength(2);
    // The review/litigation table (below y ≈ 520) has 15 columns on its own lines, 346, 376, 404 …, two
    // points off the lines of the table above (344, 373, 401 …).
    const review = cells.filter((c) => c.top < 520);
    const ownLines = [...new Set(rulings.v.filter((r) => r.y2 < 522).map((r) => Math.round(r.x1 * 2) / 2))];
    for (const c of review) {
      for (const edge of [c.x0, c.x1]) {
        const nearest = Math.min(...ownLines.map((x) => Math.abs(x - edge)));
        expect(nearest).toBeLessThan(0.6);
      }
    }
    // Three header rows (行政复议 and 行政诉讼, then the result columns) and one row of 15 numbers.
    const numbersRow = review.filter((c) => c.bottom < 390);
    expect(numbersRow).toHaveLength(15);
  });

  it('keeps the row above a page break that has no bottom border', async () => {
    const { rulings, height } = await originalPage(3);
    const { cells } = cellsInPoints(rulings, height);
    const lowestBorder = Math.min(...rulings.h.filter((r) => r.x2 - r.x1 > 300).map((r) => r.y1));
    // 2.没有现成信息需要另行制作: its label and seven numbers lie below the last horizontal ruling.
    const cut = cells.filter((c) => c.top <= lowestBorder + 0.5 && c.bottom < lowestBorder - 5);
    expect(cut).toHaveLength(8);
  });

  it('reads OCR boxes placed in those cells as a table, cell by cell', async () => {
    const { rulings, height } = await originalPage(4);
    const { found, cells } = cellsInPoints(rulings, height);
    // One box of text per cell of the numbers row, as the recognizer returns them, then laid out like a
    // PDF text layer.
    const row = cells.filter((c) => c.top < 520 && c.bottom < 390).sort((a, b) => a.x0 - b.x0);
    const values = ['10', '1', '0', '0', '11', '0', '0', '0', '0', '0', '5', '0', '0', '0', '5'];
    const runs: TextRun[] = row.map((c, i) => ({
      text: values[i] as string,
      x: (c.x0 + c.x1) / 2 - 3,
      y: c.bottom + 4,
      w: 6,
      h: 9,
      size: 9,
      page: 4,
    }));
    const { tables } = layoutPage({ page: 4, height, runs, rulings: found.rulings });
    const review = tables.find((t) => t.top < 520);
    expect(review?.grid.at(-1)?.map((c) => c.text)).toEqual(values);
  });
});

describe('lines of ink in a cell', () => {
  it('reach as far as the faint strokes of thin grey type', () => {
    // A 60 × 20 cell: a dark vertical stroke at x 10–12, then a faint (grey 190) horizontal stroke on to x 40,
    // as the horizontal strokes of 正 scan.
    const width = 60;
    const height = 20;
    const data = new Uint8Array(width * height).fill(255);
    for (let y = 4; y < 16; y++) for (let x = 10; x < 12; x++) data[y * width + x] = 60;
    for (let y = 9; y < 11; y++) for (let x = 12; x < 40; x++) data[y * width + x] = 190;
    const image: GrayImage = { data, width, height };
    expect(inkLines(image, [0, 0, width, height])).toEqual([[10, 4, 40, 16]]);
  });
});

describe('light type', () => {
  /** A 40 × 20 cell holding a 2-pixel-wide, 12-pixel-high stroke of grey `ink` on white paper. */
  function cell(ink: number): GrayImage {
    const data = new Uint8Array(40 * 20).fill(255);
    for (let y = 4; y < 16; y++) for (let x = 18; x < 20; x++) data[y * 40 + x] = ink;
    for (let y = 4; y < 16; y++) data[y * 40 + 20] = Math.min(255, ink + 40); // the stroke's soft edge
    return { data, width: 40, height: 20 };
  }

  it('darkens a thin grey stroke to black, so that it is found as a line of ink', () => {
    // Grey 170 with a 210 edge, as the strokes of huaian-2024.pdf's light typeface scan at 150 dpi.
    const light = cell(170);
    expect(inkLines(light, [0, 0, 40, 20])).toEqual([]);
    const dark = darkenLightInk(light);
    expect(dark.data[10 * 40 + 18]).toBe(0);
    expect(dark.data[0]).toBe(255);
    expect(inkLines(dark, [0, 0, 40, 20])).toEqual([[18, 4, 21, 16]]);
  });

  it('leaves black type and a cell with hardly any ink as they are', () => {
    const black = cell(30);
    expect(darkenLightInk(black)).toBe(black);
    const data = new Uint8Array(40 * 20).fill(255);
    for (let x = 5; x < 25; x++) data[3 * 40 + x] = 180; // 20 pixels of a ruling's blur
    const blank: GrayImage = { data, width: 40, height: 20 };
    expect(darkenLightInk(blank)).toBe(blank);
  });
});

describe('cell text', () => {
  it('reads zeros the recognizer took for the letter O as zeros, and leaves labels alone', () => {
    // Both seen on the scans: a zero cell of hongze-2023 page 3 read `O`, one of pingtan-syq-2022 page 5 `O.`.
    expect(cleanCellText('O')).toBe('0');
    expect(cleanCellText('O.')).toBe('0');
    expect(cleanCellText('[.0')).toBe('0');
    expect(cleanCellText('总.计')).toBe('总计');
    expect(cleanCellText('2.重复申请')).toBe('2.重复申请');
    // pingtan-syq-2022 page 5: the list number of a label, its dot read as a colon.
    expect(cleanCellText('1:信访举报投诉类申请')).toBe('1.信访举报投诉类申请');
    expect(cleanCellText('OCR')).toBe('OCR');
    // huaian-2024 page 4, light type darkened: specks around a label read as dots.
    expect(cleanCellText('行政强制．．·．．·．·')).toBe('行政强制');
    expect(cleanCellText('信息内容··“')).toBe('信息内容');
    expect(cleanCellText('（本列数据的勾稽关系为：第一项加第二项之和）')).toBe(
      '（本列数据的勾稽关系为：第一项加第二项之和）',
    );
  });
});
