import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { solveRows, splitPairs } from '../src/extract/digit-split.js';
import { findIndicatorLabels } from '../src/extract/era-a-labels.js';
import { parseFile, parseText } from '../src/index.js';
import { CORPUS, corpusPath, fixturePath, manifest } from './helpers/corpus.js';

const values = (text: string) =>
  Object.fromEntries(Object.entries(parseText(text).figures).map(([k, f]) => [k, f.value]));

describe('splitPairs', () => {
  it('keeps cumulative ≥ annual and no leading zeros', () => {
    const { plausible, possible } = splitPairs('4251516');
    expect(plausible).toEqual([{ annual: '425', cumulative: '1516' }]);
    expect(possible.map((p) => `${p.annual}/${p.cumulative}`)).toEqual(['4/251516', '42/51516', '425/1516']);
    expect(splitPairs('018').possible).toEqual([{ annual: '0', cumulative: '18' }]);
    expect(splitPairs('00').possible).toEqual([{ annual: '0', cumulative: '0' }]);
  });

  it('uses the parent row to decide between readings', () => {
    // 20263542 alone could be 202/63542 or 2026/3542; with its 其中 rows the balanced reading holds.
    const row = (key: string, run: string, parent?: string) => {
      const { plausible, possible } = splitPairs(run);
      return { key, parent, candidates: plausible.length > 0 ? plausible : possible, fallback: possible };
    };
    const solved = solveRows([row('p', '20263542'), row('c', '17953304', 'p'), row('g', '07', 'p')]);
    expect(solved.get('p')).toEqual({ annual: '2026', cumulative: '3542' });
    expect(solved.get('c')).toEqual({ annual: '1795', cumulative: '3304' });
    expect(solved.get('g')).toEqual({ annual: '0', cumulative: '7' });
  });

  it('leaves a row undecided when several readings fit', () => {
    const loose = (key: string, run: string, parent?: string) => ({
      key,
      parent,
      candidates: splitPairs(run).possible,
    });
    const solved = solveRows([loose('p', '20263542'), loose('c', '17953304', 'p')]);
    // 202/63542 with 179/53304 fits as well as 2026/3542 with 1795/3304.
    expect(solved.get('p')).toBeUndefined();
    expect(solved.get('c')).toBeUndefined();
  });
});

describe('indicator labels', () => {
  it('prefers the longest label and resolves 行政复议/行政诉讼 sub-rows by their parent', () => {
    const keys = findIndicatorLabels(
      '不同意公开答复数 同意公开答复数 行政诉讼数量 被依法纠错数 行政复议数量 被依法纠错数',
    ).map((h) => h.key);
    expect(keys).toEqual([
      'applications.answered.denied',
      'applications.answered.granted',
      'litigation.total',
      'litigation.corrected',
      'review.total',
      'review.corrected',
    ]);
  });
});

describe('era A statistics from text (invented)', () => {
  it('reads a one-column national 统计表 with units, money in 万元 and context sub-rows', () => {
    const v = values(readFileSync(fixturePath('invented-national-stat-table.txt'), 'utf8'));
    expect(v).toMatchObject({
      'active.total': 1209,
      'active.normativeDocs.published': 12,
      'active.normativeDocs.issuedTotal': 15,
      'active.channels.gazette': 30,
      'active.channels.website': 1100,
      'active.channels.weibo': 400,
      'active.channels.wechat': 380,
      'active.channels.other': 25,
      'applications.received.total': 9,
      'applications.received.online': 6,
      'review.total': 3,
      'review.upheld': 2,
      'review.corrected': 1,
      'litigation.total': 2,
      'litigation.upheld': 1,
      'litigation.corrected': 0,
      'litigation.other': 1,
      'applications.fees': 0.012,
      'org.staff.total': 5,
      'org.staff.fullTime': 2,
      'org.staff.partTime': 3,
      'core.staff': 5,
    });
    expect(v['active.total@cumulative']).toBeUndefined();
  });

  it('records an ambiguity for a lone value and reads an inconsistent group row by row', () => {
    const report = parseText(readFileSync(fixturePath('invented-fujian-ambiguous.txt'), 'utf8'));
    const v = Object.fromEntries(Object.entries(report.figures).map(([k, f]) => [k, f.value]));
    // 2100 (with the next row's list number 2 stripped) can only be 2/100, which exceeds 1230's
    // balanced reading 12/30: no reading fits, so each row keeps its own reading for the rules to flag.
    expect(v['active.total']).toBe(12);
    expect(v['active.total@cumulative']).toBe(30);
    expect(v['active.channels.website@cumulative']).toBe(100);
    expect(v['active.channels.gazette']).toBe(0);
    // '5' is one digit where two columns belong: not a certain reading.
    expect(v['applications.received.total']).toBeUndefined();
    const lone = report.ambiguities.find((a) => a.keys?.includes('applications.received.total'));
    expect(lone?.kind).toBe('table-shape');
    expect(v['applications.received.online']).toBe(5);
    expect(v['applications.answered.total@cumulative']).toBe(4);
    expect(v['review.total']).toBe(0);
    for (const a of report.ambiguities) expect((report.text ?? '').slice(a.span[0], a.span[1])).toBe(a.text);
  });

  it('reads values written after a few words or followed by a breakdown, and skips 其中 lines', () => {
    const text = [
      '（一）收到申请数。',
      '共收到申请3件。',
      '（二）申请办结数。',
      '暂无',
      '（三）申请答复数。',
      '3件，其中同意公开2件。',
      '（四）召开政府信息公开工作会议或专题会议数：全年共召开2次',
      '（五）接受培训人员数。',
      '其中科级干部5人次',
      '（六）政府信息公开专项经费。',
      '3000元',
    ].join('\n');
    const report = parseText(text);
    const v = Object.fromEntries(Object.entries(report.figures).map(([k, f]) => [k, f.value]));
    expect(v['applications.received.total']).toBe(3);
    expect(v['applications.closed.total']).toBe(0);
    expect(report.figures['applications.closed.total']?.stated).toBe('暂无');
    expect(v['applications.answered.total']).toBe(3);
    expect(v['meetings.total']).toBe(2);
    expect(v['training.trainees']).toBeUndefined();
    expect(report.figures['org.budget']).toMatchObject({ value: 0.3, unit: '元', stated: '3000' });
    for (const f of Object.values(report.figures)) expect(text.slice(f.span[0], f.span[1])).toBe(f.stated);
  });

  it('gives nothing for a heading answered with a name, and reads 无/1人 under headings', () => {
    const v = values(
      '六、机构建设\n(一)政府信息公开工作专门机构数。\n人秘科\n(二)设置政府信息公开查阅点数。\n2个\n(三)从事政府信息公开工作人员数。\n无\n',
    );
    expect(v['org.dedicatedUnits']).toBeUndefined();
    expect(v['org.readingPoints']).toBe(2);
    expect(v['org.staff.total']).toBe(0);
  });
});

describe(`era A statistics tables in the corpus (${CORPUS})`, () => {
  const files = manifest().filter((r) => r.era === 'A' && r.format === 'txt' && r.file.startsWith('pingtan'));

  it.each(files.map((r) => r.file))(
    '%s: spans slice to stated, cumulative ≥ annual, 其中 ≤ parent',
    async (file) => {
      const report = await parseFile(corpusPath(file));
      const text = report.text ?? '';
      expect(Object.keys(report.figures).length).toBeGreaterThan(20);
      for (const [key, f] of Object.entries(report.figures)) {
        expect(text.slice(f.span[0], f.span[1]), key).toBe(f.stated);
        const cumulative = report.figures[`${key}@cumulative`];
        if (cumulative) expect(cumulative.value).toBeGreaterThanOrEqual(f.value);
      }
      const total = report.figures['active.total@cumulative']?.value ?? 0;
      expect(report.figures['active.channels.website@cumulative']?.value ?? 0).toBeLessThanOrEqual(total);
    },
  );

  it('reads the run-together table of pingtan-county-2012 (corpus)', async () => {
    const report = await parseFile(corpusPath('pingtan-county-2012.txt'));
    const f = report.figures['active.total'];
    expect(f?.value).toBe(2026);
    expect(f?.source).toBe('table');
    expect(report.figures['active.total@cumulative']?.value).toBe(3542);
    expect(report.figures['applications.received.inPerson']?.value).toBe(18);
    expect(report.ambiguities).toEqual([]);
  });
});
