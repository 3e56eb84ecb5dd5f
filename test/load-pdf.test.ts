import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadBuffer } from '../src/load/index.js';
import type { LoadedText } from '../src/load/loaded.js';
import { normalizeLoaded } from '../src/text/normalize.js';
import { corpusPath, fixturePath } from './helpers/corpus.js';
import { gridView } from './helpers/grid-view.js';

const loadFile = (path: string, limits = {}) => loadBuffer(readFileSync(path), { path, limits });

/** The page the anchors give for an offset (the innermost anchor holding it). */
function pageAt(loaded: LoadedText, offset: number): number | undefined {
  return loaded.anchors.find((a) => a.origin.page && a.span[0] <= offset && offset < a.span[1])?.origin.page;
}

describe('PDF loader (invented fixtures, made by scripts/make-pdf-fixtures.mjs)', () => {
  it('decodes a non-embedded STSong-Light font through the bundled CMaps and drops the page number', async () => {
    const loaded = await loadFile(fixturePath('invented-stsong-light.pdf'));
    expect(loaded.text).toBe('政府信息公开工作年度报告\n依申请公开3件，行政复议0件。\n');
    expect(loaded.pages).toBe(1);
    expect(loaded.properties?.['title']).toBe('Invented STSong-Light sample');
    expect(pageAt(loaded, 3)).toBe(1);
  });

  it('rebuilds a ruled table with merged and wrapped header cells, continued under a repeated header', async () => {
    const loaded = normalizeLoaded(await loadFile(fixturePath('invented-table-2pages.pdf')));
    expect(loaded.tables).toHaveLength(1);
    const [table] = loaded.tables;
    expect(gridView(table)).toEqual([
      ['申请人', '法人或其他组织', '^0,1', '总计'],
      ['^0,0', '商业企业', '科研机构', '^0,3'],
      ['新收', '1', '2', '3'],
      ['结转', '0', '0', '0'],
      ['总计', '1', '2', '3'],
    ]);
    expect(table?.page).toBe(1);
    const cellPage = (row: number) =>
      loaded.anchors.find((a) => a.origin.table === 0 && a.origin.row === row && a.origin.col === 1)?.origin
        .page;
    expect([cellPage(2), cellPage(3), cellPage(4)]).toEqual([1, 2, 2]);
    expect(loaded.text.split('\n').filter((l) => !l.includes('\t'))).toEqual([
      '某局2023年政府信息公开工作年度报告',
      '一、总体情况',
      '本年度共收到政府信息公开申请6件，已全部办结。',
      '二、其他需要报告的事项',
      '无。',
      '',
    ]);
    expect(pageAt(loaded, loaded.text.indexOf('二、其他'))).toBe(2);
    for (const row of table?.rows ?? [])
      for (const cell of row) expect(loaded.text.slice(...cell.span)).toBe(cell.text);
  });

  it('reports an encrypted PDF as such', async () => {
    await expect(loadFile(fixturePath('invented-encrypted.pdf'))).rejects.toMatchObject({
      code: 'encrypted',
    });
  });

  it('reports a PDF without a text layer as such', async () => {
    await expect(loadFile(fixturePath('invented-scan.pdf'))).rejects.toMatchObject({ code: 'no-text-layer' });
  });

  it('fails clearly on a truncated PDF', async () => {
    const bytes = readFileSync(fixturePath('invented-stsong-light.pdf'));
    await expect(loadBuffer(bytes.subarray(0, 700), { path: 'cut.pdf' })).rejects.toMatchObject({
      code: 'corrupt',
    });
  });

  it('refuses more pages than the limit', async () => {
    await expect(loadFile(fixturePath('invented-stsong-light.pdf'), { maxPages: 0 })).rejects.toMatchObject({
      code: 'too-many-pages',
    });
  });
});

describe('PDF corpus', () => {
  it.each([
    ['hongze-2023.pdf', 5],
    ['huaian-2024.pdf', 6],
    ['pingtan-syq-2019.pdf', 13],
    ['pingtan-syq-2022.pdf', 8],
    ['seed-2018-shulan-minzheng.pdf', 4],
  ])('%s loads every page, without page numbers, with spans that slice', async (file, pages) => {
    const loaded = normalizeLoaded(await loadFile(corpusPath(file)));
    expect(loaded.pages).toBe(pages);
    expect(loaded.text).not.toMatch(/^\s*[-－—]\s*\d+\s*[-－—]\s*$/m);
    expect(loaded.text).not.toMatch(/^第\s*\d+\s*页/m);
    const anchoredPages = new Set(loaded.anchors.map((a) => a.origin.page));
    expect(anchoredPages.size).toBeGreaterThanOrEqual(pages - 1);
    for (const t of loaded.tables) {
      expect(t.page).toBeGreaterThan(0);
      for (const row of t.rows)
        for (const cell of row) expect(loaded.text.slice(...cell.span)).toBe(cell.text);
    }
    for (let i = 1; i < loaded.anchors.length; i++) {
      expect(loaded.anchors[i]?.span[0]).toBeGreaterThanOrEqual(loaded.anchors[i - 1]?.span[0] ?? 0);
    }
  });

  it('de-wraps soft line breaks into paragraphs (seed report)', async () => {
    const loaded = normalizeLoaded(await loadFile(corpusPath('seed-2018-shulan-minzheng.pdf')));
    const txt = readFileSync(fixturePath('seed-2018-shulan-minzheng.txt'), 'utf8');
    const squash = (s: string) => s.replace(/\s+/g, '');
    const lines = new Set(loaded.text.split('\n').map(squash));
    const paragraphs = txt
      .split('\n')
      .map(squash)
      .filter((l) => l.length > 0);
    const found = paragraphs.filter((p) =>
      lines.has(squash(normalizeLoaded({ format: 'txt', text: p, tables: [], anchors: [] }).text)),
    );
    expect(found.length / paragraphs.length).toBeGreaterThan(0.9);
  });

  it('keeps the page of every offset (huaian-2024: table 三 totals on page 4, section 六 on page 6)', async () => {
    const loaded = normalizeLoaded(await loadFile(corpusPath('huaian-2024.pdf')));
    const table = loaded.tables.find((t) => t.rows.some((r) => r[0]?.text.startsWith('一、本年新收')));
    const total = table?.rows.find((r) => r[0]?.text.startsWith('一、本年新收'))?.at(-1);
    expect(total?.text).toBe('3119');
    expect(pageAt(loaded, total?.span[0] ?? -1)).toBe(4);
    const anchor = loaded.anchors.find((a) => a.origin.table !== undefined && a.span[0] === total?.span[0]);
    expect(anchor?.origin.page).toBe(4);
    expect(pageAt(loaded, loaded.text.indexOf('六、其他需要报告的事项'))).toBe(6);
  });

  it('rebuilds wrapped header cells and tables continued across a page break (pingtan-syq-2019)', async () => {
    const loaded = normalizeLoaded(await loadFile(corpusPath('pingtan-syq-2019.pdf')));
    const table = loaded.tables.find((t) => t.rows.some((r) => r.some((c) => c.text === '自然人')));
    expect(table?.rows.length).toBe(26);
    const header = table?.rows[2]?.map((c) => c.text);
    expect(header?.slice(4, 9)).toEqual(['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他']);
    const last = table?.rows.at(-1)?.map((c) => c.text);
    expect(last?.[0]).toBe('四、结转下年度继续办理');
    expect(last?.slice(3)).toEqual(['0', '0', '0', '0', '0', '0', '0']);
  });
});

describe('PDF with a damaged page tree', () => {
  it('warns that pages may be missing when /Count lists fewer pages than the file holds', async () => {
    const path = corpusPath('seed-2018-shulan-minzheng.pdf');
    const bytes = readFileSync(path);
    const sound = await loadBuffer(bytes, { path });
    expect(sound.pages).toBe(4);
    expect(sound.warnings ?? []).toEqual([]);
    // Same length, so the cross-reference offsets stay valid: only the page count is wrong.
    const damaged = Buffer.from(bytes.toString('latin1').replace('/Count 4', '/Count 2'), 'latin1');
    const loaded = await loadBuffer(damaged, { path });
    expect(loaded.pages).toBe(2);
    expect(loaded.warnings).toEqual([
      'the page tree lists 2 page(s) but the file holds 4 page objects: the page tree is damaged and pages may be missing',
    ]);
  });
});
