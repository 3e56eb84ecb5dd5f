import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Anomaly, type BreakdownClaim, parseBuffer, type Report } from '../src/index.js';
import { checkReport } from '../src/rules/index.js';
import { corpusPath, fixturePath } from './helpers/corpus.js';

/** A corpus report, parsed as the CLI parses it. */
async function load(file: string): Promise<Report> {
  return parseBuffer(readFileSync(corpusPath(file)), { file });
}

/** The anomalies of one rule, each as the text at its place with its expected and actual values. */
function found(report: Report, ruleId: string): [string, unknown, unknown][] {
  return checkReport(report, 'strict')
    .filter((a: Anomaly) => a.ruleId === ruleId)
    .map((a) => [a.place ? (report.text ?? '').slice(a.place[0], a.place[1]) : '', a.expected, a.actual]);
}

const breakdowns = (r: Report) => r.claims.filter((c): c is BreakdownClaim => c.kind === 'breakdown');

describe('prose against table on real reports', () => {
  it('compares the proactive total of an era A report with its statistics table (pingtan-syq-2012.txt)', async () => {
    const r = await load('pingtan-syq-2012.txt');
    // 2012年主动公开政府信息1913条 against 主动公开信息数 739; 各乡镇主动公开…534条 is a part, not the total.
    expect(found(r, 'text-table-mismatch')).toEqual([['1913', 739, 1913]]);
  });

  it('compares the requests made online and by letter with the statistics table (pingtan-county-2013.txt)', async () => {
    // Prose 网上申请数3条，信函申请数4条; the table: 电子邮件 3, 网上 4, 信函 0 (run together as 条364…条445…条00).
    expect(found(await load('pingtan-county-2013.txt'), 'text-table-mismatch')).toEqual([
      ['3', 4, 3],
      ['4', 0, 4],
    ]);
  });

  it('leaves an era A report whose prose and table agree alone (pingtan-syq-2011.txt: 425 both)', async () => {
    expect(found(await load('pingtan-syq-2011.txt'), 'text-table-mismatch')).toEqual([]);
  });

  it('does not read 结转下一年 as a sentence that says it counts last year’s requests (shuyang-2025.txt)', async () => {
    const r = await load('shuyang-2025.txt');
    // 受理749件 = 713 new + 36 carried over; 自然人741件 = 705 + 36; the sentence only mentions 结转下一年31件.
    expect(found(r, 'text-table-mismatch')).toEqual([
      ['749', 713, 749],
      ['741', 705, 741],
    ]);
  });
});

describe('breakdowns on real reports', () => {
  it('reads the items of a total named with 中 and checks their shares (pingtan-syq-2012.txt)', async () => {
    const r = await load('pingtan-syq-2012.txt');
    const list = breakdowns(r).find((b) => b.cue === '中');
    expect(list).toMatchObject({ indicator: 'active.channels.website', value: 1913 });
    expect(list?.parts.map((p) => p.value)).toEqual([133, 403, 12, 145, 41, 57, 12, 89, 19]);
    // 行政许可类信息145条，占8.05%: 145 / 1913 is 7.58%; 534 of 1913 is 27.9%, not 27%.
    expect(found(r, 'percentage-mismatch')).toEqual([
      ['27', '27.9', 27],
      ['8.05', '7.58', 8.05],
    ]);
    // A list of some categories is not the whole: no sum is compared.
    expect(found(r, 'breakdown-sum-mismatch').map(([at]) => at)).toEqual(['1913']);
  });

  it('adds up the shares of one total without a false alarm (pingtan-syq-2011.txt: 71.3 + 28.7, and nine shares making 98.9%)', async () => {
    const r = await load('pingtan-syq-2011.txt');
    const withShares = breakdowns(r).filter((b) => b.parts.every((p) => p.share));
    expect(withShares.map((b) => b.parts.length)).toEqual([2, 9]);
    expect(found(r, 'percentage-mismatch')).toEqual([]);
  });

  it('stops the parts of a 其中 list at a semicolon that opens another statement (shuyang-2025.txt)', async () => {
    const r = await load('shuyang-2025.txt');
    // 受理…749件，其中自然人申请741件，法人或其他组织申请8件；共办理718件，结转下一年31件。
    const list = breakdowns(r).find((b) => b.value === 749);
    expect(list?.parts.map((p) => p.value)).toEqual([741, 8]);
    expect(found(r, 'breakdown-sum-mismatch')).toEqual([]);
  });

  it('reads the parts of a sentence that takes the total as its topic (pingtan-county-2011–2013)', async () => {
    const lists = [];
    for (const year of [2011, 2012, 2013]) {
      const r = await load(`pingtan-county-${year}.txt`);
      const b = breakdowns(r).find((x) => x.cue === '主动公开的政府信息，');
      lists.push([b?.value, b?.parts.map((p) => p.value), b?.exhaustive]);
    }
    expect(lists).toEqual([
      [425, [303, 122], true],
      [2026, [2475, 1503], true],
      [1853, [1251, 602], true],
    ]);
  });

  it('follows a list of outcomes with shares past 100% while each sentence is worded alike (a 2017 bureau report)', async () => {
    // fixtures/web-wenwu-ju-2017.txt: the search tool's stored page text (cut at 2,000 bytes) of a 2017 report
    // of a bureau for cultural relics, as mirrored at https://www.izibackup.com/jinboqipai/20181030/5664.html.
    const file = 'web-wenwu-ju-2017.txt';
    const r = await parseBuffer(readFileSync(fixturePath(file)), { file });
    // 在已经答复的9件申请中，“同意公开”的7件，占总数的70%… then five sentences “…”1件，占总数的10%.
    const list = breakdowns(r).find((b) => b.value === 9);
    expect(list?.parts.map((p) => [p.value, p.share?.value])).toEqual([
      [7, 70],
      [1, 10],
      [1, 10],
      [1, 10],
      [1, 10],
      [1, 10],
    ]);
    expect(found(r, 'breakdown-sum-mismatch')).toEqual([['9', 9, 12]]);
    expect(found(r, 'percentage-mismatch').filter(([, expected]) => expected === '<= 100')).toEqual([
      ['10', '<= 100', 120],
    ]);
  });

  it('takes parts naming the three classes of information as the whole (pingtan-county-2011–2013)', async () => {
    const sums = [];
    for (const year of [2011, 2012, 2013]) {
      const r = await load(`pingtan-county-${year}.txt`);
      sums.push(found(r, 'breakdown-sum-mismatch'));
    }
    // 2011: 425+46+1402 = 1873; 2013: 1853+107+1658 = 3618.
    // 2012 also splits its 2026 proactive items into 2475 + 1503 = 3978 by shares of 100%.
    expect(sums).toEqual([
      [],
      [
        ['3978', 3978, 3926],
        ['2026', 2026, 3978],
      ],
      [],
    ]);
  });
});

describe('sections of a report without numbered headings', () => {
  it('takes the parts its tables show as present and says the rest cannot be judged (wuhan-sthjj-2020)', async () => {
    for (const file of ['wuhan-sthjj-2020.txt', 'wuhan-sthjj-2020.pdf']) {
      const r = await load(file);
      expect(
        r.sections.filter((s) => s.level === 1),
        file,
      ).toEqual([]);
      const found = checkReport(r, 'strict').filter((a) => a.ruleId === 'missing-section');
      // Table 二 (第二十条第(一)项 …) is there; the prose has no heading to show the other five parts.
      expect(
        found.map((a) => [a.severity, a.data?.kind, a.expected]),
        file,
      ).toEqual([
        [
          'info',
          'not-assessable',
          '总体情况 / 收到和处理政府信息公开申请情况 / 政府信息公开行政复议、行政诉讼情况 / 存在的主要问题及改进情况 / 其他需要报告的事项',
        ],
      ]);
    }
  });
});

/**
 * Text copies of the two WPS-made PDFs of the corpus, as `pdftotext` 22.12 writes them: `-layout` keeps the
 * table lines (a wrapped label leaves its numbers on a line of their own), the plain mode lists the cells
 * in another order (the page number `-3-` lands where a row's numbers were).
 */
describe('flattened text copies of WPS PDFs', () => {
  async function errors(file: string): Promise<string[]> {
    const r = await parseBuffer(readFileSync(fixturePath(file)), { file });
    return checkReport(r, 'strict')
      .filter((a) => a.severity === 'error')
      .map((a) => `${a.ruleId}: ${a.reason}`);
  }

  it('raise no outcome or row error the PDF does not bear out (hongze-2023, huaian-2024)', async () => {
    // Only table 四 of hongze-2023: 行政复议 10 + 1 with 总计 0, 复议后起诉 5 with 总计 0, as printed.
    expect(await errors('text-hongze-2023.layout.txt')).toEqual([
      'review-litigation-total: 行政复议：结果维持、纠正、其他、尚未审结之和为 11，总计为 0',
      'review-litigation-total: 行政诉讼（复议后起诉）：结果维持、纠正、其他、尚未审结之和为 5，总计为 0',
    ]);
    expect((await errors('text-hongze-2023.raw.txt')).map((e) => e.split(':')[0])).toEqual(['table-row-sum']);
    expect(await errors('text-huaian-2024.raw.txt')).toEqual([]);
  });

  it('says which outcome rows were not read instead of adding up what was (hongze-2023 -layout)', async () => {
    const r = await parseBuffer(readFileSync(fixturePath('text-hongze-2023.layout.txt')), {
      file: 'text-hongze-2023.layout.txt',
    });
    const open = checkReport(r, 'strict').filter((a) => a.ruleId === 'outcome-total-mismatch');
    expect(open.map((a) => [a.severity, a.data?.kind, a.actual, a.expected])).toEqual([
      ['info', 'not-assessable', 7, 21],
      ['info', 'not-assessable', 7, 21],
    ]);
    expect(open[0]?.reason).toContain('（二）部分公开、（四）无法提供 1.本机关不掌握相关政府信息');
  });
});
