import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Section } from '../src/model/index.js';
import { flattenSections, segment } from '../src/segment/index.js';
import { normalizeText } from '../src/text/normalize.js';
import { fixturePath } from './helpers/corpus.js';

const load = (name: string) => normalizeText(readFileSync(fixturePath(name), 'utf8')).text;
const titles = (list: Section[]) => list.map((s) => s.title);

/** Every section's heading span starts with its marker and holds its title; extents nest. */
function expectTrueSpans(text: string, sections: Section[]): void {
  for (const s of flattenSections(sections)) {
    const heading = text.slice(...s.span);
    expect(heading.startsWith(s.marker)).toBe(true);
    expect(heading.replace(/\s+/g, '')).toContain(s.title.replace(/\s+/g, ''));
    expect(s.extent[0]).toBe(s.span[0]);
    expect(s.extent[1]).toBeGreaterThanOrEqual(s.span[1]);
    for (const c of s.children) {
      expect(c.extent[0]).toBeGreaterThanOrEqual(s.span[1]);
      expect(c.extent[1]).toBeLessThanOrEqual(s.extent[1]);
      expect(c.level).toBe(s.level + 1);
      expect(c.id.startsWith(`${s.id}.`)).toBe(true);
    }
  }
}

describe('segment: the seed report', () => {
  const text = load('seed-2018-shulan-minzheng.txt');
  const { sections, numbering } = segment(text);

  it('finds the eight top-level sections 一…八', () => {
    expect(sections.map((s) => s.marker)).toEqual([
      '一、',
      '二、',
      '三、',
      '四、',
      '五、',
      '六、',
      '七、',
      '八、',
    ]);
    expect(titles(sections)).toEqual([
      '基本工作情况',
      '主动公开政府信息情况',
      '回应解读情况',
      '依申请公开政府信息情况',
      '行政复议诉讼和举报投诉情况',
      '机构建设、保障经费和培训会议情况',
      '落实上级重要文件通知情况',
      '存在问题及工作打算',
    ]);
    expect(sections.map((s) => s.id)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
  });

  it('nests the (一)… children with dotted ids', () => {
    expect(sections.map((s) => s.children.length)).toEqual([9, 2, 2, 4, 3, 7, 0, 7]);
    const first = sections[0]?.children[0];
    expect(first).toMatchObject({ id: '1.1', level: 2, marker: '(一)', markerKind: 'cn-paren', ordinal: 1 });
    expect(first?.title).toBe('加强组织领导,明确责任分工');
    expect(sections[1]?.children[0]?.title).toBe('主动公开政府信息数');
  });

  it('slices every heading span to its heading text', () => {
    for (const s of flattenSections(sections)) {
      expect(text.slice(...s.span).replace(/\s+/g, '')).toBe((s.marker + s.title).replace(/\s+/g, ''));
    }
    expectTrueSpans(text, sections);
  });

  it('reads the list after the lead-in 下一步工作打算: as a new run, not a numbering error', () => {
    expect(numbering).toEqual([]);
    expect(sections[7]?.children.map((s) => s.ordinal)).toEqual([1, 2, 3, 1, 2, 3, 4]);
  });

  it('records the same restart without the lead-in', () => {
    const cut = text.replace('下一步工作打算:\n', '');
    const issues = segment(cut).numbering;
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      kind: 'restart',
      parentId: '8',
      markerKind: 'cn-paren',
      expected: 4,
      actual: 1,
    });
    expect(cut.slice(...(issues[0]?.span ?? [0, 0]))).toBe('(一)');
  });

  it('ends the last section at the end of the text', () => {
    expect(sections[7]?.extent[1]).toBe(text.length);
    expect(sections[0]?.extent[1]).toBe(sections[1]?.span[0]);
  });
});

describe('segment: invented marker styles (fixtures/invented-markers-report.txt)', () => {
  const text = load('invented-markers-report.txt');
  const { sections, numbering } = segment(text);

  it('takes levels from the order marker kinds appear in', () => {
    expect(sections.map((s) => [s.marker, s.markerKind, s.title])).toEqual([
      ['第一部分', 'part', '总体情况'],
      ['第二部分', 'part', '存在的主要问题及改进情况'],
    ]);
    const part1 = sections[0] as Section;
    expect(part1.children.map((s) => [s.marker, s.markerKind])).toEqual([
      ['一.', 'cn'],
      ['二.', 'cn'], // 二． in the file: normalization makes full-width punctuation ASCII
    ]);
    const cn1 = part1.children[0] as Section;
    expect(cn1.children.map((s) => s.marker)).toEqual(['(一)', '(二)']);
    const paren2 = cn1.children[1] as Section;
    expect(paren2.children.map((s) => [s.marker, s.markerKind, s.title])).toEqual([
      ['1、', 'num', '微信公众号'],
      ['2、', 'num', '政务微博'],
    ]);
    const weibo = paren2.children[1] as Section;
    expect(weibo.children.map((s) => [s.marker, s.markerKind])).toEqual([
      ['(1)', 'num-paren'],
      ['(2)', 'num-paren'],
    ]);
    expect(weibo.children[0]?.children.map((s) => [s.marker, s.markerKind, s.ordinal, s.id])).toEqual([
      ['①', 'circled', 1, '1.1.2.2.1.1'],
      ['②', 'circled', 2, '1.1.2.2.1.2'],
    ]);
    expect(sections[1]?.children.map((s) => s.title)).toEqual(['主要问题', '改进措施']);
    expect(numbering).toEqual([]);
    expectTrueSpans(text, sections);
  });

  it('does not read 一是…二是… as headings', () => {
    const all = flattenSections(sections).map((s) => s.title);
    expect(all.some((t) => t.includes('公开内容不够全面'))).toBe(false);
  });
});

describe('segment: headings split over two lines (fixtures/invented-split-headings.txt)', () => {
  const text = load('invented-split-headings.txt');
  const { sections, numbering } = segment(text);

  it('joins a title continued on the next line', () => {
    expect(titles(sections)).toEqual([
      '总体情况',
      '主动公开政府信息情况',
      '收到和处理政府信息公开申请情况',
      '政府信息公开行政复议、行政诉讼情况',
      '存在的主要问题及改进情况',
      '其他需要报告的事项',
    ]);
    expect(text.slice(...(sections[1]?.span ?? [0, 0]))).toBe('二、主动公开政府信息\n情况');
    expectTrueSpans(text, sections);
  });

  it('records the 一是…三是…三是 enumeration errors', () => {
    expect(numbering.map((n) => [n.kind, n.markerKind, n.parentId, n.expected, n.actual])).toEqual([
      ['gap', 'enumeration', '5', 2, 3],
      ['repeat', 'enumeration', '5', 4, 3],
    ]);
    for (const n of numbering) expect(text.slice(...n.span)).toBe('三是');
  });
});

describe('segment: a one-line body with inline headings and template tables', () => {
  const text = load('invented-inline-body.txt');
  const { sections, numbering } = segment(text);

  it('finds the six sections and ignores table row labels', () => {
    expect(titles(sections)).toEqual([
      '总体情况',
      '主动公开政府信息情况',
      '收到和处理政府信息公开申请情况',
      '政府信息公开行政复议、行政诉讼情况',
      '存在的主要问题及改进情况',
      '其他需要报告的事项',
    ]);
    expect(titles(sections[0]?.children ?? [])).toEqual(['主动公开方面', '依申请公开方面']);
    expect(sections.slice(1).every((s) => s.children.length === 0)).toBe(true);
    expect(numbering).toEqual([]);
    expectTrueSpans(text, sections);
  });
});

describe('segment: Markdown (fixtures/invented-markdown.md)', () => {
  const text = load('invented-markdown.md');
  const { sections } = segment(text);

  it('reads ## headings and skips table captions and rows', () => {
    expect(sections.map((s) => s.marker)).toEqual(['一、', '二、', '三、', '四、', '五、', '六、']);
    expect(titles(sections[0]?.children ?? [])).toEqual(['主动公开', '依申请公开']);
    expect(sections[2]?.children).toEqual([]);
    expect(text.slice(...(sections[0]?.span ?? [0, 0]))).toBe('一、总体情况');
    expectTrueSpans(text, sections);
  });
});

describe('segment: numbering problems', () => {
  it('records gaps and repeats of headings on their own lines', () => {
    const text = '一、概述\n正文\n三、主动公开\n正文\n三、依申请公开\n正文\n四、问题\n';
    const { sections, numbering } = segment(text);
    expect(sections.map((s) => s.ordinal)).toEqual([1, 3, 3, 4]);
    expect(numbering.map((n) => [n.kind, n.expected, n.actual, n.parentId])).toEqual([
      ['gap', 2, 3, ''],
      ['repeat', 4, 3, ''],
    ]);
  });

  it('does not take numbered items glued inside sentences as headings unless a list follows', () => {
    const text = '一、概述\n推进统一、规范的公开，共计1.5万条，第1、2项已完成。\n二、主动公开\n';
    const { sections } = segment(text);
    expect(flattenSections(sections).map((s) => s.marker)).toEqual(['一、', '二、']);
  });

  it('skips numbered labels inside the tables a loader found', () => {
    const text = '一、总体情况\n正文\n二、收到和处理申请情况\n一、本年新收\n（一）予以公开\n三、其他事项\n';
    const table: [number, number] = [text.indexOf('一、本年'), text.indexOf('三、其他')];
    const { sections } = segment(text, { tables: [table] });
    expect(flattenSections(sections).map((s) => s.marker + s.title)).toEqual([
      '一、总体情况',
      '二、收到和处理申请情况',
      '三、其他事项',
    ]);
    expect(flattenSections(segment(text).sections).length).toBeGreaterThan(3);
  });

  it('reads 第一，… lines as headings only where they read like section titles', () => {
    // Invented text in the style of township reports that number their parts 第一，第二，…
    const text = [
      '某镇2022年政府信息公开工作年度报告',
      '第一，总体情况',
      '2022年，我镇……。第一，加强领导；第二，完善制度。',
      '第二，主动公开政府信息情况',
      '（一）规章',
      '无',
      '第三，存在的主要问题及改进情况',
      '第一，人员不足。',
      '第二，主动公开工作不够深入。',
    ].join('\n');
    const { sections, numbering } = segment(text);
    expect(sections.map((s) => [s.marker, s.markerKind, s.ordinal, s.title])).toEqual([
      ['第一，', 'part', 1, '总体情况'],
      ['第二，', 'part', 2, '主动公开政府信息情况'],
      ['第三，', 'part', 3, '存在的主要问题及改进情况'],
    ]);
    expect(sections[1]?.children.map((s) => s.marker)).toEqual(['（一）']);
    expect(numbering).toEqual([]);
  });

  it('returns an empty tree for text without headings', () => {
    expect(segment('')).toEqual({ sections: [], numbering: [] });
    expect(segment('全年公开信息64条。').sections).toEqual([]);
  });
});
