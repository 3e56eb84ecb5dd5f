import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Claim, ClaimSchema, parseBuffer, parseText, type Report } from '../src/index.js';
import { corpusPath } from './helpers/corpus.js';

/** Parses an invented era A passage (a title gives the era and year). */
function read(body: string): Report {
  return parseText(`某镇人民政府2015年政府信息公开工作年度报告\n${body}\n`);
}
const value = (r: Report, key: string) => r.figures[key]?.value;
const of = (r: Report, kind: Claim['kind']) => r.claims.filter((c) => c.kind === kind);

describe('stated zeros written as negative sentences', () => {
  it('gives a zero to each indicator its own clause names', () => {
    const r = read(
      '五、因政府信息公开申请行政复议、提起行政诉讼的情况\n本年度未发生政府信息公开行政复议案、行政诉讼案。',
    );
    expect(value(r, 'review.total')).toBe(0);
    expect(value(r, 'litigation.total')).toBe(0);
    // The request behind a review is not a request for disclosure stated as zero.
    expect(value(r, 'applications.received.total')).toBeUndefined();
    const zeros = of(r, 'zero');
    expect(zeros.map((c) => c.indicator)).toEqual(['review.total', 'litigation.total']);
    expect(zeros[0]).toMatchObject({ stated: '未发生', scope: 'year' });
  });

  it('reads fees, requests and denials stated as none', () => {
    for (const s of ['没有收费。', '未收取任何费用。', '政府信息公开未发生收费情况。']) {
      expect(value(read(`四、政府信息公开的收费及减免情况\n${s}`), 'applications.fees'), s).toBe(0);
    }
    expect(value(read('三、依申请公开情况\n依申请办理事项为零。'), 'applications.received.total')).toBe(0);
    const denied = ['也不存在不予公开政府信息。', '未涉及“不予公开”的政府信息。'];
    for (const s of denied) expect(value(read(s), 'applications.answered.denied'), s).toBe(0);
    expect(of(read('行政复议申请0件。'), 'count')[0]).toMatchObject({ indicator: 'review.total', value: 0 });
  });

  it('never takes a zero from a neighbouring sentence about another indicator', () => {
    const r = read('三、依申请公开情况\n全年共收到政府信息公开申请3件。未发生行政复议案。');
    expect(value(r, 'applications.received.total')).toBe(3);
    expect(value(r, 'review.total')).toBe(0);
    // A traditional-script page is read through its simplified text; the words below are that text.
    const s = read(
      '未发生因政府信息公开申请行政复议、提起行政诉讼的情况。没有依申请公开和不予公开的政府信息。',
    );
    expect([value(s, 'review.total'), value(s, 'litigation.total')]).toEqual([0, 0]);
    expect([value(s, 'applications.received.total'), value(s, 'applications.answered.denied')]).toEqual([
      0, 0,
    ]);
  });

  it('does not read words that merely begin with a negation as zeros', () => {
    const r = read('未来将进一步做好依申请公开工作，无法提供的信息均书面告知申请人。');
    expect(of(r, 'zero')).toEqual([]);
  });
});

describe('counts in prose', () => {
  it('reads Chinese numerals and measure words', () => {
    expect(value(read('全年举办业务培训两次。'), 'training.sessions')).toBe(2);
    expect(value(read('全年主动公开政府信息二十条。'), 'active.total')).toBe(20);
    expect(read('全年主动公开政府信息一千二百余条。').figures['active.total']).toMatchObject({
      value: 1200,
      qualifier: 'over',
      stated: '一千二百余',
    });
    expect(value(read('本年度主动公开政府信息件数为123件。'), 'active.total')).toBe(123);
  });

  it('reads channels and staff', () => {
    const r = read('二、主动公开情况\n网上公开20条，揭示板上公开45条。由1人专门负责信息公开工作。');
    expect(value(r, 'active.channels.website')).toBe(20);
    expect(r.channels.map((c) => [c.channel, c.value])).toEqual([
      ['website', 20],
      ['bulletinBoard', 45],
    ]);
    expect(value(r, 'org.staff.total')).toBe(1);
    expect(value(read('配备了1名兼职工作人员。'), 'org.staff.partTime')).toBe(1);
  });

  it('gives a count wholly of one kind to that kind too (the all-of clause)', () => {
    // zhejiang-jinhua-nongye-ju-2017.txt
    const r = read(
      '四、依申请公开情况\n2017年度，本机关全年共受理依申请公开8件，都为信函申请，按时办结8件，其中同意公开答复数4件，申请信息不存在4件。',
    );
    expect(value(r, 'applications.received.total')).toBe(8);
    expect(value(r, 'applications.received.letter')).toBe(8);
    expect(value(r, 'applications.answered.granted')).toBe(4);
    expect(value(r, 'applications.answered.notExist')).toBe(4);
    expect(r.claims.find((c) => c.parser === 'all-of')).toMatchObject({
      indicator: 'applications.received.letter',
      stated: '8',
      subject: '信函',
    });
    // gansu-liangzhou-zhangyi-zhen-2009.txt: a running total wholly online
    const z = read(
      '一、概述\n2015年共整理、录入、发布14条主动公开政府信息。\n二、主动公开政府信息情况\n截止2015年12月31日，我镇通过区政府信息公开系统主动公开政府信息累计14条，全部为网上公开。',
    );
    expect(value(z, 'active.channels.website@cumulative')).toBe(14);
    // A clause with a number of its own is not an all-of clause.
    const n = read('四、依申请公开情况\n共受理依申请公开8件，均为信函申请3件。');
    expect(n.claims.some((c) => c.parser === 'all-of')).toBe(false);
  });

  it('takes the channel of a heading and reads past a bracketed aside (guangdong-kaiping-shatang-zhen-2016.txt)', () => {
    const r = read(
      [
        '一、政府信息主动公开情况',
        '（一）镇政府信息公开网站主动公开政府信息情况',
        '2015年镇政府信息公开全年发布各类信息247条，其中机构概况类5条，规章类文件11条。',
        '（二）政务网站、微信、微博信息发布情况',
        '2015年政务网站、微信、微博共发布各类信息2483条，其中网站（含转发）319条，微信（含转发）851条、微博（含转发）2348条。',
      ].join('\n'),
    );
    expect(value(r, 'active.total')).toBe(247);
    expect(value(r, 'active.channels.website')).toBe(247);
    expect(value(r, 'active.channels.wechat')).toBe(851);
    expect(value(r, 'active.channels.weibo')).toBe(2348);
    // A heading without a channel gives none.
    const plain = read('二、主动公开政府信息情况\n全年主动公开政府信息84条。');
    expect(Object.keys(plain.figures).filter((k) => k.startsWith('active.channels'))).toEqual([]);
  });

  it('reads review results as parts of the review, not of a lawsuit', () => {
    // guangxi-yufeng-liyong-zhen-2025.txt
    const r = read(
      '一、总体情况\n2025年，我镇共受理政府信息公开申请案件4件，办结3件，发生政府信息公开行政复议4起，其中1起尚未审结。未发生行政诉讼情况。',
    );
    expect(value(r, 'review.total')).toBe(4);
    expect(r.claims.find((c) => c.indicator === 'review.pending')).toMatchObject({ stated: '1' });
    // The other results are unsaid, not 0: no contradiction with the total.
    expect(r.anomalies.filter((a) => a.ruleId === 'review-litigation-total')).toEqual([]);
    const l = read('五、行政复议、行政诉讼情况\n全年行政复议2件，其中维持1件；行政诉讼3件，其中维持2件。');
    expect(value(l, 'review.upheld')).toBe(1);
    expect(value(l, 'litigation.upheld')).toBe(2);
    // Results that exceed the total still contradict it.
    const x = read('五、行政复议、行政诉讼情况\n全年行政复议2件，其中维持3件。');
    expect(x.anomalies.filter((a) => a.ruleId === 'review-litigation-total')).toHaveLength(1);
  });

  it('reads staff named after a modifier (shandong-zibo-linye-ju-2014.txt)', () => {
    const r = read('二、组织领导\n领导小组下设办公室，抽调两名工作责任心强、处理业务熟的人员具体负责。');
    expect(value(r, 'org.staff.total')).toBe(2);
    // A count of people whose noun is not staff stays without an indicator.
    expect(value(read('二、组织领导\n接待两名来访的群众代表。'), 'org.staff.total')).toBeUndefined();
  });

  it('tells a running total from the year', () => {
    const r = read('本单位到目前累计主动公开政府信息100条。2015年主动公开政府信息20条。');
    expect(value(r, 'active.total')).toBe(20);
    expect(value(r, 'active.total@cumulative')).toBe(100);
    const contrast = read('截至2015年12月30日，我乡在县政府网站共主动公开政府信息615条，今年新增94条。');
    expect(value(contrast, 'active.total')).toBe(94);
    expect(value(contrast, 'active.total@cumulative')).toBe(615);
    expect(value(contrast, 'active.channels.website@cumulative')).toBe(615);
    // 历年累计 takes the subject of the count before it.
    const requests = read('三、依申请公开情况\n共受理政府信息公开申请0条，历年累计6条。');
    expect(value(requests, 'applications.received.total@cumulative')).toBe(6);
    // Another year's count is no figure of this report.
    expect(value(read('2014年主动公开政府信息30条。'), 'active.total')).toBeUndefined();
    // A change against last year is no count at all.
    expect(of(read('主动公开政府信息比上年增加20条。'), 'count')).toEqual([]);
  });
});

describe('breakdowns', () => {
  it('stop where a semicolon opens another subject', () => {
    const r = read(
      '三、依申请公开情况\n共受理政府信息公开申请90件，其中自然人申请80件；行政复议2件、行政诉讼7件。',
    );
    const [b] = of(r, 'breakdown');
    expect(b).toMatchObject({ indicator: 'applications.received.total', value: 90, cue: '其中' });
    expect(b?.kind === 'breakdown' && b.parts.map((p) => p.value)).toEqual([80]);
  });

  it('list the channels of the proactive total', () => {
    const r = read(
      '二、主动公开情况\n全年主动公开政府信息近万条，其中通过政府网站公开1200余条，通过政务微博发布300条。',
    );
    const [b] = of(r, 'breakdown');
    expect(b?.kind === 'breakdown' && b.parts.map((p) => [p.indicator, p.value])).toEqual([
      ['active.channels.website', 1200],
      ['active.channels.weibo', 300],
    ]);
  });
  it('leave bracketed asides out and mark a list that claims the whole', () => {
    const r = read(
      '二、主动公开情况\n全年共发布信息100条，其中网站公开50条（其中政策解读30条），微信公开40条，其他信息5条。',
    );
    const [b] = of(r, 'breakdown');
    expect(b?.kind === 'breakdown' && b.parts.map((p) => p.value)).toEqual([50, 40, 5]);
    expect(b).toMatchObject({ value: 100, exhaustive: true });
  });

  it('follow parts with shares into the next sentence (pingtan-syq-2012.txt)', () => {
    const r = read(
      '二、主动公开情况\n全年主动公开政府信息1913条。其中，区直各单位主动公开政府信息1397条，占73%。各乡镇主动公开政府信息534条，占27%。',
    );
    const [b] = of(r, 'breakdown');
    expect(b?.kind === 'breakdown' && b.parts.map((p) => [p.value, p.share?.value])).toEqual([
      [1397, 73],
      [534, 27],
    ]);
    expect(b).toMatchObject({ exhaustive: true });
  });

  it('count published interpretations among the published items (wendeng-zjj-2019.txt)', () => {
    const r = read(
      '二、主动公开情况\n共主动公开政府信息227条,其中工作动态85条,公告公示21条,政策文件及解读6条,重点领域信息公开76条,其他信息39条。',
    );
    const [b] = of(r, 'breakdown');
    expect(b?.kind === 'breakdown' && b.parts.map((p) => p.value)).toEqual([85, 21, 6, 76, 39]);
    expect(b).toMatchObject({ exhaustive: true });
  });

  it('go on past a count in another unit that describes a part (pingtan-syq-2018.txt)', () => {
    const r = read(
      '二、主动公开情况\n我区各部门共开设新媒体数量70个。其中微博29个，共发布信息1992条；微信公众号41个，共发布信息3404条。',
    );
    const [b] = of(r, 'breakdown');
    expect(b?.kind === 'breakdown' && b.parts.map((p) => p.value)).toEqual([29, 41]);
  });

  it('take a last part stated without its unit (pingtan-syq-2011.txt)', () => {
    const r = read(
      '二、主动公开情况\n制作、获取政府信息总数1873条，其中主动公开政府信息425条，作为依申请公开信息数46条，不予公开信息数1402。',
    );
    const [b] = of(r, 'breakdown');
    expect(b?.kind === 'breakdown' && b.parts.map((p) => [p.value, p.unit])).toEqual([
      [425, '条'],
      [46, '条'],
      [1402, '条'],
    ]);
    const last = b?.kind === 'breakdown' ? b.parts[2] : undefined;
    expect(last && r.text?.slice(last.span[0], last.span[1])).toBe('1402');
  });

  it('read a sentence wrapped after a comma as one sentence', () => {
    const one = read('三、依申请公开情况\n共受理政府信息公开申请749件，其中自然人申请741件，法人申请8件。');
    const wrapped = read(
      '三、依申请公开情况\n共受理政府信息公开申请749件，其中自然人申请741件，\n法人申请8件。',
    );
    const parts = (r: Report) => {
      const [b] = of(r, 'breakdown');
      return b?.kind === 'breakdown' ? [b.value, ...b.parts.map((p) => p.value)] : [];
    };
    expect(parts(one)).toEqual([749, 741, 8]);
    expect(parts(wrapped)).toEqual(parts(one));
  });
});

describe('claims in the record', () => {
  it('validate against the schema and slice to their stated text', () => {
    const r = read(
      '二、主动公开情况\n全年主动公开政府信息84条，占全部信息的80%。2015年3月印发工作要点。\n未发生行政复议案。',
    );
    expect(new Set(r.claims.map((c) => c.kind))).toEqual(new Set(['count', 'percentage', 'dated', 'zero']));
    for (const c of r.claims) {
      expect(ClaimSchema.safeParse(c).success).toBe(true);
      expect(r.text?.slice(c.span[0], c.span[1])).toBe(c.stated);
    }
    expect(of(r, 'dated')[0]).toMatchObject({ date: '2015-03', stated: '2015年3月' });
    expect(of(r, 'percentage')[0]).toMatchObject({ value: 80 });
  });

  it('mark a prose count that restates a table cell (hongze-2023.pdf: 受理政府信息公开申请21件)', async () => {
    const r = await parseBuffer(readFileSync(corpusPath('hongze-2023.pdf')), { file: 'hongze-2023.pdf' });
    const restated = r.claims.find((c) => c.kind === 'restatement' && c.value === 21);
    expect(restated).toMatchObject({
      indicator: 'applications.received.total',
      table: { key: 'requests.newReceived.total', value: 21 },
      agrees: true,
    });
    expect(r.claims.every((c) => ClaimSchema.safeParse(c).success)).toBe(true);
  });
});
