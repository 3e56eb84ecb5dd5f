import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeLoaded } from '../src/core/pipeline.js';
import { type LayoutCell, layoutDocument } from '../src/layout/index.js';
import { loadBuffer, readPdfPages } from '../src/load/index.js';
import { writeBlocks } from '../src/load/layout-text.js';
import type { LoadedText } from '../src/load/loaded.js';
import { parseFile } from '../src/node/parse-file.js';
import { normalizeLoaded } from '../src/text/normalize.js';
import { corpusPath } from './helpers/corpus.js';

// Two reports whose tables have blank cells, each as HTML and as the DOCX and PDF made from it: a blank
// cell prints nothing in the PDF, and must come back as a blank cell in its own column (not a 0, and not
// the next figure shifted left), so every figure of the PDF is the figure of the HTML.

const squash = (s: string) => s.replace(/[\s\u00a0\u3000]+/g, '');

async function loadNormalized(file: string): Promise<LoadedText> {
  return normalizeLoaded(await loadBuffer(readFileSync(corpusPath(file)), { path: file }));
}

const gridOf = (rows: ({ text: string; mergedFrom?: unknown } | LayoutCell)[][]) =>
  rows.map((r) => r.map((c) => (c.mergedFrom ? '^' : squash(c.text ?? ''))));

async function figures(file: string): Promise<Record<string, unknown>> {
  const report = await parseFile(corpusPath(file));
  return Object.fromEntries(Object.entries(report.figures).map(([k, f]) => [k, f.value]));
}

describe('a table with blank cells reads the same from the PDF as from the HTML', () => {
  it.each(['pingtan-syq-2013', 'wuhan-sthjj-2020', 'hanyang-bgs-2022'])(
    '%s: every figure and every cell of the docx and the pdf is the html one',
    async (name) => {
      const html = await figures(`${name}.html`);
      expect(Object.keys(html).length).toBeGreaterThan(10);
      expect(Object.values(html)).toContain(0);
      for (const ext of ['docx', 'pdf']) expect(await figures(`${name}.${ext}`), ext).toEqual(html);
      const grid = gridOf((await loadNormalized(`${name}.html`)).tables[0]?.rows ?? []);
      expect(grid.flat()).toContain('');
      for (const ext of ['docx', 'pdf']) {
        const other = gridOf((await loadNormalized(`${name}.${ext}`)).tables[0]?.rows ?? []);
        expect(other, ext).toEqual(grid);
      }
    },
  );

  it('pingtan-syq-2013: the blank 历年累计 cell is no figure, the printed 0 beside it is 0', async () => {
    const pdf = await figures('pingtan-syq-2013.pdf');
    expect(pdf['active.channels.gazette']).toBe(0);
    expect(pdf).not.toHaveProperty('active.channels.gazette@cumulative');
    expect(pdf['active.channels.website@cumulative']).toBe(76424);
    const rows = (await loadNormalized('pingtan-syq-2013.pdf')).tables[0]?.rows ?? [];
    expect(gridOf(rows).find((r) => r[0]?.includes('政府公报公开'))).toEqual([
      '2、政府公报公开',
      '条',
      '0',
      '',
    ]);
  });

  it('wuhan-sthjj-2020: the all-blank last row, alone on the next page, is still a row of the table', async () => {
    const grid = gridOf((await loadNormalized('wuhan-sthjj-2020.pdf')).tables[0]?.rows ?? []);
    expect(grid.at(-1)).toEqual(['行政事业性收费', '', '', '', '', '']);
    const coercion = grid.find((r) => r[0] === '行政强制');
    expect(coercion).toEqual(['行政强制', '4', '4', '-', '', '']);
    const pdf = await figures('wuhan-sthjj-2020.pdf');
    expect(pdf['active.coercion.change']).toBe(4);
    expect(pdf).not.toHaveProperty('active.coercion.decisions');
  });
  it('hanyang-bgs-2022 (era C table 二): the blank 现行有效件数 of 规章 is no figure, its printed zeros are', async () => {
    const pdf = await figures('hanyang-bgs-2022.pdf');
    expect(pdf['active.regulations.issued']).toBe(0);
    expect(pdf['active.regulations.repealed']).toBe(0);
    expect(pdf).not.toHaveProperty('active.regulations.inForce');
    expect(pdf['active.normativeDocs.inForce']).toBe(8);
  });
});

describe('the crawled TXT copy of the same report', () => {
  it.each(['pingtan-syq-2013', 'wuhan-sthjj-2020'])('%s: gives the figures of the html', async (name) => {
    expect(await figures(`${name}.txt`)).toEqual(await figures(`${name}.html`));
  });

  it('wuhan-sthjj-2020: 行政强制 named inside the note of 其他对外管理服务事项 takes none of its figures', async () => {
    const txt = await figures('wuhan-sthjj-2020.txt');
    expect(txt['active.otherServices.decisions']).toBe(165);
    expect(txt['active.coercion.previousCount']).toBe(4);
    expect(txt).not.toHaveProperty('active.coercion.decisions');
  });
});

describe('the same PDF table laid out from text positions alone (rulings left out)', () => {
  /** Row label → the figures of the value columns, read from the last `n` cells of each row. */
  function valuesByLabel(grid: string[][], n: number): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    for (const row of grid) {
      const label = row
        .slice(0, -n)
        .filter((c) => c !== '^')
        .join('');
      if (label) out[label] = row.slice(-n);
    }
    return out;
  }

  it('pingtan-syq-2013: each figure stays in its column, the blank cell stays blank', async () => {
    const html = gridOf((await loadNormalized('pingtan-syq-2013.html')).tables[0]?.rows ?? []);
    const pages = await readPdfPages(readFileSync(corpusPath('pingtan-syq-2013.pdf')));
    expect(pages.some((p) => p.rulings && p.rulings.v.length > 0)).toBe(true);
    const blocks = layoutDocument(pages.map((p) => ({ ...p, rulings: undefined })));
    const tables = blocks.filter((b) => b.kind === 'table');
    expect(tables).toHaveLength(1);
    const grid = gridOf(tables[0]?.kind === 'table' ? tables[0].grid : []);
    expect(valuesByLabel(grid, 3)).toEqual(valuesByLabel(html, 3));
    expect(valuesByLabel(grid, 3)['2、政府公报公开']).toEqual(['条', '0', '']);
  });

  it.each(['pingtan-syq-2013', 'wuhan-sthjj-2020'])(
    '%s: every figure is the html one, wrapped labels above and below a row stay its label',
    async (name) => {
      const bytes = readFileSync(corpusPath(`${name}.pdf`));
      const pages = await readPdfPages(bytes);
      const blocks = layoutDocument(pages.map((p) => ({ ...p, rulings: undefined })));
      const report = analyzeLoaded({ ...writeBlocks(blocks, 'pdf'), pages: pages.length }, { bytes });
      const mine = Object.fromEntries(Object.entries(report.figures).map(([k, f]) => [k, f.value]));
      expect(mine).toEqual(await figures(`${name}.html`));
      const labels = blocks.flatMap((b) =>
        b.kind === 'table' ? b.grid.map((r) => squash(r[0]?.text ?? '')) : [],
      );
      if (name === 'wuhan-sthjj-2020')
        expect(labels).toContain(
          '規範性檔案(行政機關制定發布的決定、公告、通告、意見、通知,以及標題採用“規定”“辦法”“細則”“規範”“規程”“規則”等字樣的公文,一般情況下屬於規範性檔案)',
        );
    },
  );
});
