import { readFileSync } from 'node:fs';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { loadFailedReport, parseText } from '../src/core/pipeline.js';
import { stylish } from '../src/format/stylish.js';
import type { Report, Section } from '../src/model/index.js';
import {
  applyBaseline,
  ConfigError,
  checkAcross,
  checkReport,
  createBaseline,
  digestReport,
  loadBaseline,
  PRESETS,
  RULES,
  resolveConfig,
} from '../src/rules/index.js';
import { fixturePath } from './helpers/corpus.js';
import { onlyRule } from './helpers/rule-fixtures.js';

const seedText = readFileSync(fixturePath('seed-2018-shulan-minzheng.txt'), 'utf8');
const seed = (): Report => parseText(seedText, { file: 'seed-2018-shulan-minzheng.txt' });

describe('the seed report (舒兰市民政局 2018)', () => {
  const report = seed();
  const errors = report.anomalies.filter((a) => a.severity === 'error');
  const slice = (span: [number, number]) => (report.text ?? '').slice(span[0], span[1]);

  it('has exactly the four known errors and nothing else at error severity', () => {
    expect(errors.map((a) => a.ruleId).sort()).toEqual([
      'breakdown-sum-mismatch',
      'period-year-mismatch',
      'period-year-mismatch',
      'signed-before-period-end',
      'subset-exceeds-total',
    ]);
  });

  it('flags both statements dated 2019, on their exact text', () => {
    const places = errors
      .filter((a) => a.ruleId === 'period-year-mismatch')
      .map((a) => slice(a.place as [number, number]));
    expect(places).toEqual(['2019年', '截至2019年12月31日']);
    const first = errors.find((a) => a.ruleId === 'period-year-mismatch');
    expect(first?.line).toBe(20);
    expect(first?.evidence.map((e) => e.text)).toEqual(['2019年', '近万条', '2018']);
  });

  it('flags the signature before the stated period end', () => {
    const a = errors.find((x) => x.ruleId === 'signed-before-period-end');
    expect(a?.evidence.map((e) => [e.role, e.text])).toEqual([
      ['signature', '2019年1月14日'],
      ['period-end', '截至2019年12月31日'],
    ]);
    expect(a?.line).toBe(77);
  });

  it('flags 64 + 20 + 10 = 94 against the total 84', () => {
    const a = errors.find((x) => x.ruleId === 'breakdown-sum-mismatch');
    expect(a?.actual).toBe(94);
    expect(a?.expected).toBe(84);
    expect(a?.evidence.map((e) => e.text)).toEqual(['84', '64', '20', '10']);
  });

  it('flags 近万条 key-area items against 84 in total', () => {
    const a = errors.find((x) => x.ruleId === 'subset-exceeds-total');
    expect(a?.evidence.map((e) => [e.role, e.text])).toEqual([
      ['part', '近万'],
      ['total', '84'],
    ]);
  });

  it('keeps every evidence span on its text and stamps the rule fields', () => {
    for (const a of report.anomalies) {
      expect(a.source).toBe('xxgk-report');
      expect(a.url).toBe(`docs/rules.md#${a.ruleId}`);
      expect(a.reason && a.reasonEn).toBeTruthy();
      for (const e of a.evidence) expect(slice(e.span)).toBe(e.text);
    }
  });
});

describe('configuration', () => {
  it('turns rules off and changes severities', () => {
    const found = checkReport(seed(), { 'period-year-mismatch': 'off', 'breakdown-sum-mismatch': 'warn' });
    expect(found.length).toBeGreaterThan(0);
    expect(found.some((a) => a.ruleId === 'period-year-mismatch')).toBe(false);
    expect(found.find((a) => a.ruleId === 'breakdown-sum-mismatch')?.severity).toBe('warning');
  });

  it('validates options with the rule’s schema and fills defaults', () => {
    expect(resolveConfig({}).get('breakdown-sum-mismatch')?.options).toEqual({ exact: false });
    expect(
      resolveConfig({ 'breakdown-sum-mismatch': ['error', { exact: true }] }).get('breakdown-sum-mismatch'),
    ).toEqual({
      severity: 'error',
      options: { exact: true },
    });
    expect(() => resolveConfig({ 'breakdown-sum-mismatch': ['error', { exact: 'yes' }] })).toThrow(
      ConfigError,
    );
    expect(() => resolveConfig({ 'no-such-rule': 'error' })).toThrow(/unknown rule/);
    expect(() => resolveConfig({ 'numbering-gap': 'loud' })).toThrow(/unknown severity/);
    expect(() => resolveConfig('lenient' as 'strict')).toThrow(/unknown preset/);
  });

  it('has presets covering every rule, strict at least as loud as recommended', () => {
    const rank = { off: 0, info: 1, warning: 2, error: 3 };
    for (const r of RULES) {
      expect(PRESETS.recommended[r.id]).toBe(r.meta.severity);
      expect(rank[PRESETS.strict[r.id] ?? 'off']).toBeGreaterThanOrEqual(
        rank[PRESETS.recommended[r.id] ?? 'off'],
      );
      expect(PRESETS.strict[r.id]).not.toBe('off');
    }
    expect(resolveConfig('strict').get('carryover-chain')?.severity).toBe('error');
  });

  it('reports the exact-sum variant only when asked', () => {
    const text = '某局2018年政府信息公开工作年度报告\n全年公开信息84条。其中网站公开50条，微博公开20条。\n';
    expect(
      checkReport(parseText(text, { rules: false })).filter((a) => a.ruleId === 'breakdown-sum-mismatch'),
    ).toEqual([]);
    const strict = checkReport(parseText(text, { rules: false }), {
      'breakdown-sum-mismatch': ['error', { exact: true }],
    });
    expect(strict.find((a) => a.ruleId === 'breakdown-sum-mismatch')?.reason).toBe(
      '分项之和 70 小于总数 84（50 + 20）',
    );
  });
});

describe('missing-section', () => {
  const section = (id: string, level: number, title: string, children: Section[] = []): Section => ({
    id,
    level,
    marker: '',
    markerKind: level === 1 ? 'cn' : 'cn-paren',
    ordinal: Number(id.split('.').pop()),
    title,
    span: [0, 0],
    extent: [0, 0],
    children,
  });
  const missing = (sections: Section[]) => {
    const report = parseText('', { rules: false });
    report.meta.era = 'C';
    report.sections = sections;
    return checkReport(report, onlyRule('missing-section')).map((a) => a.expected);
  };

  it('accepts a part whose top heading was lost when a sub-heading names it, but not an overview aspect', () => {
    const found = missing([
      section('1', 1, '总体情况', [section('1.1', 2, '主动公开'), section('1.2', 2, '依申请公开')]),
      section('2', 1, '收到和处理政府信息公开申请情况'),
      section('3', 1, '政府信息公开行政复议、行政诉讼情况', [section('3.1', 2, '主要问题')]),
      section('4', 1, '其他需要报告的事项'),
    ]);
    expect(found).toEqual(['主动公开政府信息情况']);
  });
});

describe('load-failed', () => {
  it('keeps the pipeline’s load-failed anomaly with the configured severity, or drops it when off', () => {
    const failed = loadFailedReport('broken.pdf', new Error('the PDF is encrypted'));
    expect(checkReport(failed).map((a) => [a.ruleId, a.severity, a.url])).toEqual([
      ['load-failed', 'error', 'docs/rules.md#load-failed'],
    ]);
    expect(checkReport(failed, { 'load-failed': 'warning' })[0]?.severity).toBe('warning');
    expect(checkReport(failed, { 'load-failed': 'off' })).toEqual([]);
  });
});

describe('baseline', () => {
  it('suppresses accepted anomalies by file and stated text, and reports stale entries', () => {
    const report = seed();
    const before = report.anomalies.length;
    const baseline = loadBaseline(
      JSON.stringify({
        version: 1,
        entries: [
          {
            ruleId: 'period-year-mismatch',
            file: 'seed-2018-shulan-minzheng.txt',
            text: '截至2019年12月31日',
            reason: '笔误，已核实',
          },
          { ruleId: 'breakdown-sum-mismatch', hash: report.hash, text: '84', reason: '渠道重复计数' },
          { ruleId: 'numbering-gap', file: 'other.txt', reason: '不相关' },
        ],
      }),
    );
    const { reports, suppressed, unused } = applyBaseline([report], baseline);
    expect(suppressed.map((s) => s.anomaly.ruleId).sort()).toEqual([
      'breakdown-sum-mismatch',
      'period-year-mismatch',
    ]);
    expect(reports[0]?.anomalies.filter((a) => a.ruleId === 'period-year-mismatch').length).toBe(1);
    expect(unused.map((e) => e.ruleId)).toEqual(['numbering-gap']);
    expect(report.anomalies.length).toBe(before);
  });

  it('matches by text, not offsets: an edit above the anomaly keeps it suppressed', () => {
    const baseline = createBaseline([seed()], '已核实');
    const edited = parseText(`说明：本文经过修订。\n${seedText}`, { file: 'seed-2018-shulan-minzheng.txt' });
    const { reports } = applyBaseline([edited], {
      ...baseline,
      entries: baseline.entries.map(({ hash, ...e }) => e),
    });
    expect(reports[0]?.anomalies).toEqual([]);
  });

  it('refuses entries without a reason', () => {
    expect(() => loadBaseline({ version: 1, entries: [{ ruleId: 'x', file: 'a', reason: ' ' }] })).toThrow(
      /reason/,
    );
    expect(() => loadBaseline('{not json')).toThrow(ConfigError);
  });
});

describe('stylish', () => {
  it('groups by file, aligns Chinese reasons and lists evidence', () => {
    const report = seed();
    const out = stylish([report], { rules: RULES.map((r) => r.meta), color: false });
    const lines = out.split('\n');
    expect(lines[0]).toBe('seed-2018-shulan-minzheng.txt');
    expect(lines[1]).toMatch(
      /^ {2}20:1 +error +统计表述的年份为2019年（近万条），而报告年度为2018年 +period-year-mismatch$/,
    );
    expect(lines[2]).toContain('stated-year 20:1 “2019年” · count 20:72 “近万条”');
    const ruleColumns = lines
      .filter((l) => /(period-year-mismatch|breakdown-sum-mismatch)$/.test(l))
      .map((l) => {
        const cut = l.lastIndexOf(' ') + 1;
        return stringWidth(l.slice(0, cut));
      });
    expect(new Set(ruleColumns).size).toBe(1);
    const n = (sev: string) => report.anomalies.filter((a) => a.severity === sev).length;
    const plural = (k: number, word: string) => `${k} ${word}${k === 1 ? '' : 's'}`;
    expect(lines.at(-2)).toBe(
      `✖ ${plural(report.anomalies.length, 'problem')} (${plural(n('error'), 'error')}, ${plural(n('warning'), 'warning')}, ${n('info')} info)`,
    );
    expect(n('error')).toBe(5);
  });

  it('prints nothing for clean reports', () => {
    expect(stylish([parseText('无', { rules: false })], { rules: [], color: false })).toBe('');
  });
});

describe('checkAcross', () => {
  const report = (file: string, year: number, text: string, agency = '某县人民政府'): Report => {
    const r = parseText(text, { file, rules: false });
    r.meta.agency = agency;
    r.meta.reportYear = year;
    return r;
  };
  const passage =
    '我区政府信息公开工作虽然取得了一定成效，但与上级要求和人民群众的期望相比还存在一定差距，主要是信息公开的及时性和全面性有待进一步提高。下一步我们将进一步加强对各单位信息公开工作的督促指导，完善考核评议和责任追究制度。';

  it('finds a passage copied between years with both places as evidence', () => {
    const a = report('a.txt', 2016, `标题\n${passage}\n`);
    const b = report('b.txt', 2019, `另一个标题\n其他内容。\n${passage}\n`);
    const found = checkAcross([a, b].map(digestReport));
    expect(found.map((f) => f.file).sort()).toEqual(['a.txt', 'b.txt']);
    const inB = found.find((f) => f.file === 'b.txt')?.anomaly;
    expect(inB?.ruleId).toBe('copied-text');
    expect(inB?.line).toBe(3);
    const [here, there] = inB?.evidence ?? [];
    expect(b.text?.slice(...(here?.span ?? [0, 0]))).toBe(here?.text);
    expect(there?.file).toBe('a.txt');
    expect(a.text?.slice(...(there?.span ?? [0, 0]))).toBe(there?.text);
  });

  it('finds a passage of short sentences copied into a later year, from a report that names no agency', () => {
    const short =
      '一是公开内容还不够全面；二是信息更新不够及时；三是政策解读形式比较单一。下一步，我们将强化组织领导。健全完善工作制度。持续加强业务培训。不断拓展公开渠道。切实提升公开质效。认真回应群众关切。加强平台建设管理。规范依申请公开办理。强化监督考核问责。做好政务舆情回应。推进重点领域公开。';
    const a = report('a.txt', 2016, `标题\n工作总结。${short}\n`);
    a.meta.agency = undefined;
    const b = report('b.txt', 2019, `另一个标题\n我们认真开展了各项工作。${short}今后将继续努力。\n`);
    const inB = checkAcross([a, b].map(digestReport)).find((f) => f.file === 'b.txt')?.anomaly;
    expect(inB?.ruleId).toBe('copied-text');
    const place = inB?.place ?? [0, 0];
    expect(b.text?.slice(...place)).toContain('下一步，我们将强化组织领导');
  });

  it('does not compare one report with itself in another format, nor common phrasing', () => {
    const a = report('a.txt', 2016, `${passage}\n`);
    const a2 = report('a.docx', 2016, `${passage}\n`);
    expect(checkAcross([a, a2].map(digestReport))).toEqual([]);
    const many = Array.from({ length: 6 }, (_, i) => report(`r${i}.txt`, 2010 + i, `${passage}\n`));
    expect(checkAcross(many.map(digestReport), { 'copied-text': ['warning', { maxShared: 5 }] })).toEqual([]);
  });

  it('keeps digests small', () => {
    const d = digestReport(seed());
    expect(JSON.stringify(d).length).toBeLessThan(8000);
    expect(d.reportYear).toBe(2018);
  });
});

describe('empty-part in era A statistics tables', () => {
  const table = (rows: string) =>
    `某县人民政府2011年政府信息公开工作年度报告\n一、概述\n本县认真做好政府信息公开工作。\n二、政府信息公开情况统计表\n指标名称 计量单位 2011年度 历年累计 ${rows}\n`;
  const empty = (text: string) =>
    checkReport(parseText(text, { rules: false }), onlyRule('empty-part')).map((a) => a.reason);

  it('reports rows printed with their unit and no number, glued or spaced', () => {
    expect(
      empty(
        table(
          '主动公开信息数 条 425 1516 受理依申请公开信息总数 条 3 9 行政复议数 件 行政诉讼数 件 行政申诉数 件 0 0',
        ),
      ),
    ).toEqual(['统计表“行政复议数、行政诉讼数”一栏列出了计量单位，但没有填写数字']);
    expect(
      empty(table('主动公开信息数条4251516其中：1.网站公开条2.政府公报公开条受理依申请公开信息总数条39')),
    ).toEqual(['统计表“网站公开、政府公报公开”一栏列出了计量单位，但没有填写数字']);
  });

  it('reads a value on the next line as the row’s and leaves rows without a unit column alone', () => {
    expect(
      empty(table('主动公开信息数 条\n425 1516\n受理依申请公开信息总数 条 3 9\n行政复议数 件 0 0')),
    ).toEqual([]);
    expect(empty(table('行政复议数，行政诉讼数，行政申诉数'))).toEqual([]);
  });
});
