import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report, Section } from '../src/model/index.js';
import { ReportSchema } from '../src/model/index.js';
import { parseFile } from '../src/node/parse-file.js';
import { flattenSections } from '../src/segment/index.js';
import { corpusPath, manifest, ROOT } from './helpers/corpus.js';

const all = manifest();
/** Page text from the search tool (often cut at about 2,000 characters): checked against wide/spine.tsv. */
const wideRows = all.filter((r) => r.source === 'web');
const rows = all.filter((r) => !wideRows.includes(r));
const textRows = rows.filter((r) => r.format === 'txt' || r.format === 'md');
const otherRows = rows.filter((r) => !textRows.includes(r));
const cache = new Map<string, Promise<Report>>();
const parse = (file: string) => {
  let p = cache.get(file);
  if (!p) {
    p = parseFile(corpusPath(file), { rules: false });
    cache.set(file, p);
  }
  return p;
};
const top = (r: Report) => r.sections.map((s) => s.title);

describe('every report of the corpus (text, then the other formats)', () => {
  it('has text reports to check', () => {
    expect(textRows.length).toBeGreaterThanOrEqual(20);
  });

  it.each([...textRows, ...otherRows].map((r) => [r.file, r] as const))(
    '%s parses with the manifest era and year',
    async (file, row) => {
      const report = await parse(file);
      const text = report.text ?? '';
      expect(report.anomalies.filter((a) => a.ruleId === 'load-failed')).toEqual([]);
      expect(ReportSchema.safeParse(report).success).toBe(true);
      expect(report.meta.era).toBe(row.era);
      expect(report.meta.reportYear).toBe(row.reportYear);
      expect(report.sections.length).toBeGreaterThanOrEqual(4);
      for (const s of flattenSections(report.sections)) {
        expect(text.slice(...s.span).startsWith(s.marker)).toBe(true);
        expect(text.slice(...s.span).replace(/\s+/g, '')).toContain(s.title.replace(/\s+/g, ''));
      }
      for (const e of report.meta.eraEvidence) expect(text.slice(...e.span)).toBe(e.token);
      for (const span of Object.values(report.meta.spans)) {
        expect(span[1]).toBeGreaterThan(span[0]);
        expect(span[1]).toBeLessThanOrEqual(text.length);
      }
      for (const n of report.numbering) expect(text.slice(...n.span).length).toBeGreaterThan(0);
    },
  );
});

/** `file → {sections, gap}`: the top-level sections each page really has, and what the parser gets wrong today. */
function readSpine(): Map<string, { sections: number; gap: string }> {
  const out = new Map<string, { sections: number; gap: string }>();
  for (const line of readFileSync(join(ROOT, 'test/expected/wide/spine.tsv'), 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [file = '', sections = '', gap = ''] = line.split('\t');
    out.set(file, { sections: Number(sections), gap: gap === '-' ? '' : gap });
  }
  return out;
}

describe('every report of the wide corpus (stored page text, often cut)', () => {
  const spine = readSpine();
  it('has a spine row for every wide report and no other', () => {
    expect(wideRows.length).toBeGreaterThanOrEqual(40);
    expect([...spine.keys()].sort()).toEqual(wideRows.map((r) => r.file).sort());
  });

  // A cut page may hold only its first sections, so the count is the one read in the stored text. A listed gap
  // must still be there: when the parser improves, the row is updated, so the list stays a true to-do list.
  it.each(wideRows.map((r) => [r.file, r] as const))(
    '%s: era, year and top-level sections as read',
    async (file, row) => {
      const report = await parse(file);
      const text = report.text ?? '';
      expect(report.anomalies.filter((a) => a.ruleId === 'load-failed')).toEqual([]);
      expect(ReportSchema.safeParse(report).success).toBe(true);
      for (const s of flattenSections(report.sections)) {
        expect(text.slice(...s.span).startsWith(s.marker)).toBe(true);
        expect(text.slice(...s.span).replace(/\s+/g, '')).toContain(s.title.replace(/\s+/g, ''));
      }
      for (const e of report.meta.eraEvidence) expect(text.slice(...e.span)).toBe(e.token);
      for (const span of Object.values(report.meta.spans)) {
        expect(span[1]).toBeGreaterThan(span[0]);
        expect(span[1]).toBeLessThanOrEqual(text.length);
      }
      const want = spine.get(file);
      const gap: string[] = [];
      if (report.meta.era !== row.era) gap.push(`era=${report.meta.era ?? 'none'}`);
      if (report.meta.reportYear !== row.reportYear) gap.push(`year=${report.meta.reportYear ?? 'none'}`);
      if (report.sections.length !== want?.sections) gap.push(`sections=${report.sections.length}`);
      expect(gap.join(' ')).toBe(want?.gap);
    },
  );
});

describe('section trees of real reports', () => {
  it.each([
    ['pingtan-syq-2019', ['txt', 'html', 'docx', 'pdf']],
    ['pingtan-syq-2022', ['txt', 'html', 'docx', 'pdf']],
    ['seed-2018-shulan-minzheng', ['gb18030.txt', 'docx', 'pdf']],
  ])('%s gives the same tree in every format', async (name, formats) => {
    const trees = await Promise.all(
      formats.map(async (ext) => flattenSections((await parse(`${name}.${ext}`)).sections)),
    );
    const first = trees[0] ?? [];
    expect(first.length).toBeGreaterThanOrEqual(7);
    for (const tree of trees.slice(1)) {
      expect(tree.map((s) => [s.id, s.marker])).toEqual(first.map((s) => [s.id, s.marker]));
      // A title on a line of its own may keep a second clause that running text glues to the body
      // (加强组织领导，健全工作机制 vs 加强组织领导): the shorter reading is a prefix of the longer.
      tree.forEach((s, i) => {
        const other = first[i]?.title ?? '';
        expect(s.title.startsWith(other) || other.startsWith(s.title)).toBe(true);
      });
    }
  });

  const SIX_B_C = (four: string, five: string) => [
    '总体情况',
    '主动公开政府信息情况',
    '收到和处理政府信息公开申请情况',
    four,
    five,
    '其他需要报告的事项',
  ];

  it('pingtan-syq-2019 (crawler one-line body, era B): six sections, subsections and table labels left out', async () => {
    const r = await parse('pingtan-syq-2019.txt');
    expect(top(r)).toEqual(SIX_B_C('政府信息公开行政复议、行政诉讼情况', '存在的主要问题及改进情况'));
    expect(r.sections[0]?.children.map((s) => s.title)).toEqual(['基本情况', '主要做法']);
    expect(r.sections[1]?.children).toEqual([]);
    expect(r.sections[2]?.children).toEqual([]);
    const practice = r.sections[0]?.children[1] as Section;
    expect(practice.children.map((s) => s.marker)).toEqual(['1.', '2.', '3.']);
    expect(practice.children[1]?.children).toHaveLength(14);
  });

  it('pingtan-syq-2021 and 2022 (era C): the five aspects under 总体情况', async () => {
    const r21 = await parse('pingtan-syq-2021.txt');
    expect(top(r21)).toEqual(SIX_B_C('政府信息公开行政复议、行政诉讼情况', '存在的主要问题及改进情况'));
    expect(r21.sections[0]?.children.map((s) => s.title)).toEqual([
      '主动公开方面',
      '依申请公开方面',
      '政府信息管理方面',
      '平台载体建设方面',
      '监督保障方面',
    ]);
    const r22 = await parse('pingtan-syq-2022.txt');
    // The report's own heading typo 行政法复议 is kept as printed.
    expect(r22.sections[3]?.title).toBe('政府信息公开行政法复议、行政诉讼情况');
  });

  it('shuyang-2025 (Markdown from PDF): six sections; enumerations and table headings are not sections', async () => {
    const r = await parse('shuyang-2025.txt');
    expect(top(r)).toEqual(
      SIX_B_C('政府信息公开行政复议、行政诉讼情况', '政府信息公开工作存在的主要问题及改进情况'),
    );
    expect(r.sections[0]?.children.map((s) => s.title)).toEqual([
      '系统化推进主动公开',
      '规范化办理依申请公开',
      '精细化建设公开平台',
      '常态化开展监督管理',
    ]);
    expect(r.sections[2]?.children).toEqual([]);
    expect(r.meta.signedOn).toBe('2026-01-23');
  });

  it('shanghai-kewei-2024 (two numbering systems): the second run is a new run, and its gap is recorded', async () => {
    const r = await parse('shanghai-kewei-2024.md');
    expect(top(r).slice(0, 6)).toEqual([
      '总体情况',
      '工作机制保障',
      '主动公开工作情况',
      '政府信息公开申请情况',
      '政府信息管理',
      '政府信息公开平台建设',
    ]);
    expect(top(r).slice(6)).toEqual([
      '主动公开政府信息情况',
      '收到和处理政府信息公开申请情况',
      '政府信息公开行政复议、行政诉讼情况',
      '其他需要报告的事项',
    ]);
    // The statistics part opens a second 一、 run of its own, so only the skipped 四、 of that run is an issue.
    expect(r.numbering.map((n) => [n.kind, n.expected, n.actual])).toEqual([['gap', 4, 5]]);
    expect(r.meta.periodEnd).toBe('2024-12-31');
  });

  it('era A Pingtan reports: the classic section sets', async () => {
    const r11 = await parse('pingtan-county-2011.txt');
    expect(top(r11)).toEqual([
      '概述',
      '主动公开政府信息情况',
      '政府信息依申请公开工作情况',
      '政府信息公开工作存在的主要问题及改进情况',
    ]);
    expect(r11.meta.signedOn).toBe('2012-02-20');
    const r16 = await parse('pingtan-syq-2016.txt');
    expect(top(r16)).toEqual([
      '概述',
      '主动公开政府信息情况',
      '政府信息依申请公开工作情况',
      '政府信息公开的收费及减免情况',
      '因政府信息公开申请行政复议、提起行政诉讼的情况',
      '主要问题和改进措施',
      '平潭综合实验区政府信息公开情况统计表',
    ]);
    // ① … under 2、 once the leaked Word list markup is removed.
    const aspects = r16.sections[0]?.children[3] as Section;
    expect(aspects.children.map((s) => s.marker)).toEqual(['1、', '2、', '3、', '4、', '5、', '6、', '7、']);
    expect(aspects.children[1]?.children.map((s) => s.markerKind)).toEqual(Array(5).fill('circled'));
  });

  it('reads the issuing organ from the title, the signature or the text', async () => {
    const agency = async (file: string) => (await parse(file)).meta.agency;
    expect(await agency('pingtan-county-2012.txt')).toBe('平潭县人民政府');
    expect(await agency('pingtan-syq-2014.txt')).toBe('平潭综合实验区管委会');
    // the title names only the place; the organ comes from the text
    expect(await agency('pingtan-syq-2016.txt')).toBe('平潭综合实验区管委会');
    // the OCR reading 沐阳 is what the text says
    expect(await agency('shuyang-2025.txt')).toBe('沐阳县人民政府');
    expect(await agency('hongze-2023.pdf')).toBe('淮安市洪泽区人民政府');
    expect(await agency('huaian-2024.pdf')).toBe('淮安市人民政府');
  });

  it('reads the contact block of the preamble (pingtan-county-2011)', async () => {
    expect((await parse('pingtan-county-2011.txt')).meta.contact).toEqual({
      address: '平潭县翠园南路10号',
      postcode: '350400',
      phone: '24336240',
      fax: '24336410',
      email: '24336240@163.com',
    });
  });

  it('a blank period is not invented (pingtan-county-2013)', async () => {
    const r = await parse('pingtan-county-2013.txt');
    expect(r.meta.periodStart).toBeUndefined();
    expect((r.text ?? '').slice(...(r.meta.spans.period ?? [0, 0]))).toBe('统计期限自至');
  });
});
