import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { segmentWords } from '../src/extract/segmenter.js';
import { parseText } from '../src/index.js';
import { loadDomainDictionary } from '../src/node/dictionary.js';
import { corpusPath, fixturePath } from './helpers/corpus.js';

const seed = parseText(readFileSync(fixturePath('seed-2018-shulan-minzheng.txt'), 'utf8'));

describe('the seed report', () => {
  it('gives every figure the issue asks for', () => {
    const v = Object.fromEntries(Object.entries(seed.figures).map(([k, f]) => [k, f.value]));
    expect(v).toMatchObject({
      'active.total': 84,
      'active.channels.website': 64,
      'active.channels.other': 10,
      'response.hotspots': 0,
      'applications.received.total': 0,
      'applications.closed.total': 0,
      'applications.answered.total': 0,
      'applications.fees': 0,
      'review.total': 0,
      'litigation.total': 0,
      'complaints.total': 0,
      'org.readingPoints': 1,
      'org.staff.total': 1,
      'org.budget': 0,
      'meetings.total': 4,
      'training.sessions': 0,
      'training.trainees': 0,
    });
    expect(v['org.dedicatedUnits']).toBeUndefined();
    for (const key of [
      'applications.received.total',
      'review.total',
      'litigation.total',
      'complaints.total',
    ]) {
      expect(seed.figures[key]?.stated, key).toBe('无');
    }
  });

  it('has every span slicing to its stated text', () => {
    const text = seed.text ?? '';
    for (const [key, f] of Object.entries(seed.figures))
      expect(text.slice(f.span[0], f.span[1]), key).toBe(f.stated);
    for (const c of seed.channels) {
      expect(text.slice(c.span[0], c.span[1])).toBe(c.stated);
      expect(text.slice(c.nameSpan[0], c.nameSpan[1])).toBe(c.name);
    }
  });

  it('lists the channels with their counts, and one group for channels sharing a count', () => {
    const byName = (part: string) => seed.channels.find((c) => c.name.includes(part));
    expect(byName('政务公开网')).toMatchObject({ channel: 'website', value: 64, unit: '条' });
    expect(byName('舒兰发布')).toMatchObject({ value: 20 });
    expect(byName('其他渠道')).toMatchObject({ channel: 'other', value: 10 });
    const group = seed.channels.filter((c) => c.value === 80);
    expect(group.map((c) => c.name)).toEqual(['民政局微信公众号', '民政系统群', '民政局党建工作群', 'QQ群']);
    expect(group.map((c) => c.channel)).toEqual(['wechat', 'imGroup', 'imGroup', 'imGroup']);
    expect(new Set(group.map((c) => c.group)).size).toBe(1);
    expect(group[0]?.group).toBeDefined();
    expect(group.every((c) => c.qualifier === 'over' && c.stated === '80余')).toBe(true);
  });

  it('derives the core series from the stated keys', () => {
    expect(seed.figures['core.staff']).toMatchObject({ value: 1, derived: true, from: ['org.staff.total'] });
    expect(seed.figures['core.requestsReceived']?.from).toEqual(['applications.received.total']);
  });
});

describe('prose figures (invented)', () => {
  it('reads 信息处理费 in 元 as 万元 and 无收取 as a stated zero', () => {
    const paid = parseText('六、其他需要报告的事项\n全县行政机关收取信息处理费共计380元。\n').figures[
      'fees.informationProcessing'
    ];
    expect(paid).toMatchObject({ value: 0.038, unit: '元', stated: '380' });
    const none = parseText('六、其他需要报告的事项\n2021年，无收取信息处理费情况。').figures[
      'fees.informationProcessing'
    ];
    expect(none).toMatchObject({ value: 0, stated: '无' });
    const colon = parseText('六、其他需要报告的事项\n信息处理费：无。').figures['fees.informationProcessing'];
    expect(colon).toMatchObject({ value: 0, stated: '无' });
    // The 10元 is another fee; the processing fee stays a stated zero.
    const other = parseText('信息处理费：无，收取复印费10元。').figures['fees.informationProcessing'];
    expect(other).toMatchObject({ value: 0, stated: '无' });
  });

  it('reads counts with thousands separators', () => {
    expect(parseText('全年主动公开各类政府信息1,234条。').figures['active.total']).toMatchObject({
      value: 1234,
      stated: '1,234',
    });
  });

  it('keeps approximate counts with their qualifier, and ties a count to its own clause', () => {
    const r = parseText(
      '二、主动公开政府信息情况\n全年主动公开政府信息近万条，其中通过政府网站公开1200余条，通过政务微博发布300条。',
    );
    expect(r.figures['active.total']).toMatchObject({ value: 10000, qualifier: 'under', stated: '近万' });
    expect(r.figures['active.channels.website']).toMatchObject({ value: 1200, qualifier: 'over' });
    expect(r.figures['active.channels.weibo']).toMatchObject({ value: 300, stated: '300' });
  });

  it('reads 收到…申请N条 in era A prose, but not other kinds of applications', () => {
    const r = parseText(
      '三、政府信息依申请公开工作情况\n2012年全县共收到有关政府信息公开的申请21条，其中当面申请18条。',
    );
    expect(r.figures['applications.received.total']).toMatchObject({ value: 21, stated: '21', unit: '条' });
    const other = parseText('开设窗口26个，共受理申请121510件。收到1份有关政府信息公开行政复议申请。');
    expect(other.figures['applications.received.total']).toBeUndefined();
  });

  it('names the channel before the publishing verb, or after it when none comes before', () => {
    const r = parseText('新浪中国平潭官方微博共发布微博1288条。2011年刊出政务公开栏12期。');
    expect(r.channels.map((c) => [c.name, c.value])).toEqual([
      ['新浪中国平潭官方微博', 1288],
      ['政务公开栏', 12],
    ]);
  });

  it('does not count activities run through a channel as publications', () => {
    const r = parseText('通过门户网站开展民意征集53期，通过门户网站发布信息20条。');
    expect(r.channels.map((c) => c.value)).toEqual([20]);
  });

  it('maps code-point offsets of words to UTF-16 spans (astral characters)', () => {
    const text = '𠀀在政务公开网公开信息64条';
    const words = segmentWords(text, 10, loadDomainDictionary());
    for (const w of words) expect(text.slice(w.start - 10, w.end - 10)).toBe(w.word);
    expect(words.find((w) => w.word === '政务公开网')?.tag).toBe('website');
    const r = parseText(`${text}。`);
    const c = r.channels[0];
    expect(c?.name).toBe('政务公开网');
    expect(r.text?.slice(c?.nameSpan[0], c?.nameSpan[1])).toBe('政务公开网');
  });
});

describe('template-era prose (real reports)', () => {
  it('reads the request rows a 2022 report states in prose as its template keys', () => {
    const r = parseText(readFileSync(corpusPath('yiwu-niansanli-2022.txt'), 'utf8'));
    const v = Object.fromEntries(Object.entries(r.figures).map(([k, f]) => [k, f.value]));
    expect(v).toMatchObject({
      'requests.newReceived.total': 7,
      'requests.carriedOver.total': 1,
      'requests.granted.total': 3,
      'requests.unavailable.subtotal.total': 4,
      'requests.carriedForward.total': 1,
      'core.requestsReceived': 7,
    });
    expect(v['applications.received.total']).toBeUndefined();
  });

  it('reads a request zero stated in a negative sentence as the new-request total', () => {
    const r = parseText(readFileSync(corpusPath('changan-paoli-2022.txt'), 'utf8'));
    expect(r.figures['requests.newReceived.total']).toMatchObject({ value: 0, stated: '未收到' });
  });
});

describe('prose figures from other agencies (invented sentences)', () => {
  it('reads 一名 as a count of staff', () => {
    const r = parseText('一、概述\n确定一名工作人员具体负责信息公开工作。');
    expect(r.figures['org.staff.total']).toMatchObject({ value: 1, stated: '一' });
  });

  it('reads attendance stated in its own clause of a training sentence', () => {
    const r = parseText('一、基本情况\n街道在2013年共举办4次培训，参加人数为34人。');
    expect(r.figures['training.sessions']?.value).toBe(4);
    expect(r.figures['training.trainees']?.value).toBe(34);
  });

  it('reads a fee waiver (暂免收费) as a stated zero fee', () => {
    const r = parseText('三、政府信息公开的收费及减免情况\n我镇对申请公开政府信息暂免收费。');
    expect(r.figures['applications.fees']).toMatchObject({ value: 0, stated: '暂免' });
  });

  it('reads the review and request counts of a 2025 report as its template rows', () => {
    const r = parseText(
      '柳州市某镇人民政府2025年政府信息公开工作年度报告\n一、总体情况\n（二）依申请公开\n2025年，我镇共受理政府信息公开申请案件4件，办结3件，发生政府信息公开行政复议4起，其中1起尚未审结。',
    );
    expect(r.meta.era).toBe('C');
    expect(r.figures['review.total']?.value).toBe(4);
    expect(r.figures['requests.newReceived.total']?.value).toBe(4);
  });
});
