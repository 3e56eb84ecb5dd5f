import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadBuffer } from '../src/load/index.js';
import type { LoadedText } from '../src/load/loaded.js';
import type { Section } from '../src/model/index.js';
import { parseFile } from '../src/node/parse-file.js';
import { normalizeLoaded } from '../src/text/normalize.js';
import { corpusPath } from './helpers/corpus.js';

const squash = (s: string) => s.replace(/[\s\u00a0\u3000]+/g, '');

async function loadNormalized(file: string): Promise<LoadedText> {
  return normalizeLoaded(await loadBuffer(readFileSync(corpusPath(file)), { path: file }));
}

/** The 依申请 table (table 三): the one with the 自然人 column. */
function requestTable(loaded: LoadedText): string[][] {
  const table = loaded.tables.find((t) => t.rows.some((r) => r.some((c) => c.text === '自然人')));
  return (table?.rows ?? []).map((r) =>
    r.map((c) => (c.mergedFrom ? `^${c.mergedFrom.join(',')}` : squash(c.text))),
  );
}

/** Paragraphs of the HTML article (running text, not table rows). */
function paragraphs(loaded: LoadedText): string[] {
  return loaded.text
    .split('\n')
    .filter((l) => !l.includes('\t'))
    .map(squash)
    .filter((l) => l.length >= 6);
}

describe('the same report in several formats', () => {
  it.each([2019, 2022])(
    'pingtan-syq-%i: html, docx and pdf give the same paragraphs and table 三',
    async (year) => {
      const [html, docx, pdf] = await Promise.all(
        ['html', 'docx', 'pdf'].map((ext) => loadNormalized(`pingtan-syq-${year}.${ext}`)),
      );
      const article = paragraphs(html as LoadedText);
      expect(article.length).toBeGreaterThan(15);
      for (const other of [docx, pdf] as LoadedText[]) {
        const all = squash(other.text);
        const missing = article.filter((p) => !all.includes(p));
        expect(missing).toEqual([]);
      }
      const grid = requestTable(html as LoadedText);
      expect(grid.length).toBeGreaterThan(20);
      // Seven numeric columns: 自然人, five kinds of 法人或其他组织, 总计.
      const totals = grid.find((r) => r[0]?.startsWith('一、本年新收'));
      expect(totals?.slice(-7).every((c) => /^\d+$/.test(c))).toBe(true);
      expect(requestTable(docx as LoadedText)).toEqual(grid);
      expect(requestTable(pdf as LoadedText)).toEqual(grid);
    },
  );

  it('seed-2018-shulan-minzheng: every line of the text is in the docx and the pdf', async () => {
    // The UTF-16 copy of the seed text is read through the TXT loader, like any other input.
    const source = (await loadNormalized('seed-2018-shulan-minzheng.utf16.txt')).text
      .split('\n')
      .map(squash)
      .filter(Boolean);
    for (const file of ['seed-2018-shulan-minzheng.docx', 'seed-2018-shulan-minzheng.pdf']) {
      const all = squash((await loadNormalized(file)).text);
      expect(source.filter((line) => !all.includes(line))).toEqual([]);
    }
  });

  it('every table cell span slices to its text after normalization, in every format', async () => {
    for (const file of [
      'pingtan-syq-2019.html',
      'pingtan-syq-2022.docx',
      'pingtan-syq-2022.pdf',
      'huaian-2024.pdf',
    ]) {
      const loaded = await loadNormalized(file);
      for (const t of loaded.tables)
        for (const row of t.rows)
          for (const cell of row) expect(loaded.text.slice(...cell.span)).toBe(cell.text);
      for (const a of loaded.anchors) expect(a.span[1]).toBeLessThanOrEqual(loaded.text.length);
    }
  });
});

/** Headings as `marker title` down to level 2 (deeper levels depend on list styles of each format). */
function headings(sections: Section[], depth = 2): string[] {
  return sections.flatMap((s) => [
    `${s.level}:${s.marker}${squash(s.title)}`,
    ...(s.level < depth ? headings(s.children, depth) : []),
  ]);
}

describe('parseFile: same heading tree and figures as the TXT', () => {
  const groups: [string, string[]][] = [
    ['pingtan-syq-2019.txt', ['pingtan-syq-2019.html', 'pingtan-syq-2019.docx', 'pingtan-syq-2019.pdf']],
    ['pingtan-syq-2022.txt', ['pingtan-syq-2022.html', 'pingtan-syq-2022.docx', 'pingtan-syq-2022.pdf']],
    [
      'seed-2018-shulan-minzheng.gb18030.txt',
      ['seed-2018-shulan-minzheng.docx', 'seed-2018-shulan-minzheng.pdf'],
    ],
  ];
  it.each(groups)('%s', async (txtFile, others) => {
    const base = await parseFile(corpusPath(txtFile));
    expect(base.anomalies.filter((a) => a.ruleId === 'load-failed')).toEqual([]);
    const figures = (r: typeof base) =>
      Object.fromEntries(Object.entries(r.figures).map(([k, f]) => [k, f.value]));
    // The crawled TXT flattens tables into digit runs, so the structured formats may read more figures
    // than it: every TXT figure must come out the same, and the structured formats must agree fully.
    let structured: Record<string, unknown> | undefined;
    for (const file of others) {
      const report = await parseFile(corpusPath(file));
      expect(
        report.anomalies.filter((a) => a.ruleId === 'load-failed'),
        file,
      ).toEqual([]);
      expect(headings(report.sections), file).toEqual(headings(base.sections));
      const mine = figures(report);
      expect(mine, file).toMatchObject(figures(base));
      structured ??= mine;
      expect(mine, file).toEqual(structured);
    }
  });
});
