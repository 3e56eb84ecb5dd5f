import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseText } from '../src/core/pipeline.js';
import type { Report } from '../src/model/index.js';
import { parseFile } from '../src/node/parse-file.js';
import { checkAcross, digestReport } from '../src/rules/index.js';
import { NOT_ASSESSABLE } from '../src/rules/rule.js';
import { cutOffAt } from '../src/rules/util/cut-off.js';
import { chromeSpans } from '../src/rules/util/fingerprint.js';
import { corpusPath } from './helpers/corpus.js';

describe('site chrome in converted files', () => {
  it('marks text before the title, menu lines and repeated page lines as chrome, not prose', () => {
    const text = [
      '首页 要闻 政府会议 最新文件',
      '某局2019年政府信息公开工作年度报告',
      '一、总体情况',
      '2019年，我局认真贯彻落实《条例》，主动公开政府信息120条。',
      '某市人民政府主办',
      '二、主动公开政府信息情况',
      '某市人民政府主办',
    ].join('\n');
    const title = text.indexOf('某局');
    const spans = chromeSpans(text, [title, title + 18]);
    const chrome = spans.map(([s, e]) => text.slice(s, e).trim());
    expect(chrome).toEqual([
      '首页 要闻 政府会议 最新文件',
      '首页 要闻 政府会议 最新文件',
      '某市人民政府主办',
      '某市人民政府主办',
    ]);
    expect(spans.some(([s, e]) => s <= text.indexOf('2019年，') && text.indexOf('2019年，') < e)).toBe(false);
  });

  it('does not report the portal menu shared by the 2019 and 2022 Pingtan pages as copied text', async () => {
    const reports: Report[] = [];
    for (const f of ['pingtan-syq-2019.docx', 'pingtan-syq-2022.docx'])
      reports.push(await parseFile(corpusPath(f), { file: f }));
    const menu = reports[0]?.text?.indexOf('领导之窗 政府机构 要闻') ?? -1;
    expect(menu).toBeGreaterThan(0);
    const found = checkAcross(reports.map(digestReport)).filter((f) => f.anomaly.ruleId === 'copied-text');
    for (const { anomaly } of found) expect(anomaly.evidence[0]?.text).not.toMatch(/领导之窗|要闻|政府会议/);
  });
});

describe('text that stops mid-way', () => {
  it('tells a cut paragraph, heading or table label from a signature, a date or a closing sentence', () => {
    expect(
      cutOffAt(
        '一、总体情况\n2025年，共受理政府信息公开申请1505件。办理中严格执行规范化要求，确保办理质量，提',
      ),
    ).toBeDefined();
    expect(cutOffAt('二、主动公开\n三、依申请公开')).toBeDefined();
    expect(cutOffAt('信息内容 | 本年收费金额(单')).toBeDefined();
    expect(cutOffAt('2017年全县共受理行政复议4件,其中维持具体行政行为1')).toBeDefined();
    expect(cutOffAt('六、其他需要报告的事项\n无。\n某县民政局\n2019年1月20日')).toBeUndefined();
    expect(cutOffAt('六、其他需要报告的事项\n本机关无其他需要报告的事项。\n某县民政局')).toBeUndefined();
    expect(cutOffAt('| 行政许可 | 0 | 0 | 0 |')).toBeUndefined();
  });

  it('reports the parts after a cut as not assessable, not as missing (wehdz-2025 stops inside 一(二))', async () => {
    const report = await parseFile(corpusPath('wehdz-2025.txt'));
    const found = report.anomalies.filter((a) => a.ruleId === 'missing-section');
    expect(found).toHaveLength(1);
    expect(found[0]?.severity).toBe('info');
    expect(found[0]?.data?.kind).toBe(NOT_ASSESSABLE);
    expect(found[0]?.expected).toBe(
      '主动公开政府信息情况 / 收到和处理政府信息公开申请情况 / 政府信息公开行政复议、行政诉讼情况 / 存在的主要问题及改进情况 / 其他需要报告的事项',
    );
    expect(found[0]?.evidence[0]?.text).toMatch(/确保办理质量,提$/);
  });

  it('still reports a part missing before the point where the text stops', () => {
    const text = [
      '某局2022年政府信息公开工作年度报告',
      '一、总体情况',
      '2022年，我局认真贯彻落实《条例》。',
      '三、收到和处理政府信息公开申请情况',
      '2022年，我局共收到政府信息公开申请3件，其中自然人',
    ].join('\n');
    const found = parseText(text, { file: 'x.txt' }).anomalies.filter((a) => a.ruleId === 'missing-section');
    expect(found.map((a) => [a.severity, a.expected])).toEqual([
      ['warning', '主动公开政府信息情况'],
      ['info', '政府信息公开行政复议、行政诉讼情况 / 存在的主要问题及改进情况 / 其他需要报告的事项'],
    ]);
  });
});

describe('heading recovery', () => {
  it('reads 一、2019年…总体情况 as the first heading, so 二、 is no gap (kangle-shangwan-2019)', async () => {
    const report = await parseFile(corpusPath('kangle-shangwan-2019.txt'));
    expect(report.sections[0]?.marker).toBe('一、');
    expect(report.sections[0]?.title).toBe('2019年政府信息公开工作的总体情况');
    expect(report.numbering.filter((n) => n.markerKind === 'cn')).toEqual([]);
  });

  it('keeps a second 一、 run that holds the tables from counting as a restart or disorder (shanghai-kewei-2024)', async () => {
    const report = await parseFile(corpusPath('shanghai-kewei-2024.md'));
    const top = report.sections.map((s) => `${s.marker}${s.title}`);
    expect(top.slice(6, 9)).toEqual([
      '一、主动公开政府信息情况',
      '二、收到和处理政府信息公开申请情况',
      '三、政府信息公开行政复议、行政诉讼情况',
    ]);
    const ids = report.anomalies.map((a) => `${a.ruleId} ${a.expected ?? ''}→${a.actual ?? ''}`);
    expect(ids.filter((i) => i.startsWith('section-order'))).toEqual([]);
    // The 四、 heading is really absent from this copy (（一）主要问题 follows table 四 directly).
    expect(ids.filter((i) => i.startsWith('numbering-gap'))).toEqual(['numbering-gap 4→5']);
  });

  it('reads 一 、概 述 (spaces inside) as the first heading over its subsections (henan-xinyang-shi-2012)', async () => {
    const report = await parseFile(corpusPath('henan-xinyang-shi-2012.txt'));
    expect(report.sections.map((s) => [s.ordinal, s.title, s.children.length])).toEqual([[1, '概述', 2]]);
  });

  it('keeps a spaced 一 、 in running text out of the headings', () => {
    const text =
      '某局2012年政府信息公开工作年度报告\n一、概述\n我局设立窗口一 、二 、三处。\n二、主动公开政府信息情况\n';
    const report = parseText(text, { file: 'x.txt' });
    expect(report.sections.map((s) => s.title)).toEqual(['概述', '主动公开政府信息情况']);
  });

  it('still reports a restart inside a prose run', () => {
    const text =
      '某局2022年政府信息公开工作年度报告\n一、总体情况\n甲。\n二、主动公开政府信息情况\n乙。\n一、收到和处理政府信息公开申请情况\n丙。\n';
    const { numbering } = parseText(text, { file: 'x.txt' });
    expect(numbering.map((n) => [n.kind, n.expected, n.actual])).toEqual([['restart', 3, 1]]);
  });
});

describe('a heading whose number was lost', () => {
  it('recovers )政府信息管理情况 and )政府信息公开平台建设情况 as (三) and (四), so (五) is no gap (hongshan-jkj-2025)', async () => {
    const report = await parseFile(corpusPath('hongshan-jkj-2025.txt'));
    const parts = report.sections[0]?.children.map((s) => [s.ordinal, s.title]);
    expect(parts).toEqual([
      [1, '主动公开情况'],
      [2, '依申请公开情况'],
      [3, '政府信息管理情况'],
      [4, '政府信息公开平台建设情况'],
      [5, '监督保障情况'],
    ]);
    expect(report.numbering).toEqual([]);
  });

  it('ignores a bare bracket line with no open run of its kind, or one that reads as a sentence', () => {
    const text =
      '某局2022年政府信息公开工作年度报告\n)政府信息管理情况\n一、总体情况\n（一）主动公开\n)详见附表，共计3条。\n';
    const report = parseText(text, { file: 'x.txt' });
    expect(report.sections.map((s) => s.title)).toEqual(['总体情况']);
    expect(report.sections[0]?.children.map((s) => s.title)).toEqual(['主动公开']);
  });
});

describe('one mangled heading does not hide the others', () => {
  /** The normalized text of a corpus report, as the parser reads it. */
  const textOf = (file: string) => parseText(readFileSync(corpusPath(file), 'utf8'), { file }).text ?? '';
  const structure = (report: Report) =>
    report.anomalies
      .filter((a) => ['numbering-gap', 'section-order', 'missing-section'].includes(a.ruleId))
      .map((a) => `${a.ruleId}: ${a.reason}`);

  it('reads 五 and 六 after a lost 四、 on a one-line page, with one gap and no missing part (pingtan-syq-2022)', () => {
    const file = 'pingtan-syq-2022.txt';
    const text = textOf(file).replace('四、政府信息公开行政法复议', '政府信息公开行政法复议');
    const report = parseText(text, { file });
    expect(report.sections.map((s) => [s.marker + s.title, s.ordinal])).toEqual([
      ['一、总体情况', 1],
      ['二、主动公开政府信息情况', 2],
      ['三、收到和处理政府信息公开申请情况', 3],
      ['政府信息公开行政法复议、行政诉讼情况', 4],
      ['五、存在的主要问题及改进情况', 5],
      ['六、其他需要报告的事项', 6],
    ]);
    expect(structure(report)).toEqual(['numbering-gap: 序号跳号：应为 4，实为 5']);
  });

  it('keeps 存在的问题：一、…二、… inside its section as a list, not two more sections (gansu-liangzhou-zhangyi-zhen-2008)', async () => {
    const report = await parseFile(corpusPath('gansu-liangzhou-zhangyi-zhen-2008.txt'));
    expect(report.sections.map((s) => s.marker + s.title)).toEqual([
      '一、主动公开政府信息情况',
      '二、依申请公开和不予公开政府信息的情况',
      '三、咨询和投诉情况',
      '四、申请行政复议和提起行政诉讼情况',
      '五、工作存在的问题及改进措施',
    ]);
  });

  it('reports sections swapped on a one-line page as one disorder (pingtan-syq-2022, 四 and 五 swapped)', () => {
    const file = 'pingtan-syq-2022.txt';
    const text = textOf(file);
    const [four, five, six] = ['四、政府信息公开行政法', '五、存在的主要', '六、其他需要'].map((h) =>
      text.indexOf(h),
    );
    const swapped =
      text.slice(0, four) + text.slice(five, six) + text.slice(four, five) + text.slice(six as number);
    const report = parseText(swapped, { file });
    expect(structure(report)).toEqual([
      'numbering-gap: 序号重新开始：应为 6，实为 4',
      'section-order: “政府信息公开行政法复议、行政诉讼情况”出现在“存在的主要问题及改进情况”之后，与格式顺序不符',
    ]);
  });

  it('sees 四 and 五 swapped after the tables of a Markdown report (shuyang-2025)', () => {
    const file = 'shuyang-2025.txt';
    const text = textOf(file);
    const [four, five, six] = ['## 四、', '## 五、', '六、其他需要'].map((h) => text.indexOf(h));
    const swapped =
      text.slice(0, four) + text.slice(five, six) + text.slice(four, five) + text.slice(six as number);
    const report = parseText(swapped, { file });
    expect(report.sections.map((s) => s.marker).join('')).toBe('一、二、三、五、四、六、');
    expect(structure(report)).toEqual([
      'numbering-gap: 序号重新开始：应为 6，实为 4',
      'section-order: “政府信息公开行政复议、行政诉讼情况”出现在“政府信息公开工作存在的主要问题及改进情况”之后，与格式顺序不符',
    ]);
  });

  it('sees a skipped （三） among sub-headings of a one-line crawler page (pingtan-syq-2011)', () => {
    const file = 'pingtan-syq-2011.txt';
    const text = textOf(file).replace('（三）主动公开政府信息的主要形式', '（四）主动公开政府信息的主要形式');
    const report = parseText(text, { file });
    expect(report.sections[1]?.children.map((s) => s.marker)).toEqual(['（一）', '（二）', '（四）']);
    expect(report.numbering.map((n) => [n.kind, n.markerKind, n.expected, n.actual])).toEqual([
      ['gap', 'cn-paren', 3, 4],
    ]);
  });

  it('sees a repeated lead-sentence heading glued to the previous sentence (pingtan-syq-2019)', () => {
    const file = 'pingtan-syq-2019.txt';
    const text = textOf(file).replace('（三）继续加强督导协调工作。', '（二）继续加强督导协调工作。');
    const report = parseText(text, { file });
    expect(report.numbering.map((n) => [n.kind, n.markerKind, n.actual])).toEqual([
      ['repeat', 'cn-paren', 2],
    ]);
  });
});

describe('appended tables that restart the numbering on a one-line page', () => {
  it('stay quiet when the prose of shanghai-kewei-2024 is flattened to one line and its tables start again at 一', async () => {
    const text = (await parseFile(corpusPath('shanghai-kewei-2024.md'))).text ?? '';
    // A crawler page: prose lines joined by spaces, table rows kept on lines of their own.
    const flat = text
      .split('\n')
      .reduce((acc, line) => `${acc}${line.startsWith('|') || acc.endsWith('|') ? '\n' : ' '}${line}`, '');
    const report = parseText(flat, { file: 'shanghai-kewei-2024.md' });
    expect(report.sections.map((s) => s.marker).join('')).toBe('一、二、三、四、五、六、一、二、三、五、');
    const flags = report.anomalies
      .filter((a) => a.ruleId === 'numbering-gap' || a.ruleId === 'section-order')
      .map((a) => `${a.ruleId} ${a.expected}→${a.actual}`);
    // The 四、 heading is really absent from this copy.
    expect(flags).toEqual(['numbering-gap 4→5']);
  });
});
