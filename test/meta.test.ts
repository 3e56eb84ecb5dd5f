import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseText } from '../src/core/pipeline.js';
import { detectEra } from '../src/meta/era.js';
import { findContact } from '../src/meta/index.js';
import { findTitle } from '../src/meta/title.js';
import { fixturePath } from './helpers/corpus.js';

const parseFixture = (name: string) => {
  const report = parseText(readFileSync(fixturePath(name), 'utf8'), { file: name, rules: false });
  return { ...report, text: report.text ?? '' };
};

describe('extractMeta: the seed report', () => {
  const report = parseFixture('seed-2018-shulan-minzheng.txt');
  const { meta, text } = report;

  it('reads era A with evidence tokens whose spans are true', () => {
    expect(meta.era).toBe('A');
    expect(meta.eraConfidence).toBeGreaterThan(0.5);
    expect(meta.eraEvidence.length).toBeGreaterThan(0);
    for (const e of meta.eraEvidence) {
      expect(e.era).toBe('A');
      expect(text.slice(...e.span)).toBe(e.token);
    }
  });

  it('reads title, report year, agency and signature date', () => {
    expect(meta.title).toBe('民政局2018年政府信息公开工作年度报告');
    expect(meta.reportYear).toBe(2018);
    expect(meta.agency).toBe('舒兰市民政局');
    expect(meta.signedOn).toBe('2019-01-14');
    expect(text.slice(...(meta.spans.signedOn ?? [0, 0]))).toBe('2019年1月14日');
    expect(text.slice(...(meta.spans.agency ?? [0, 0]))).toBe('舒兰市民政局');
    expect(text.slice(...(meta.spans.reportYear ?? [0, 0]))).toBe('2018');
    expect(text.slice(...(meta.spans.title ?? [0, 0]))).toBe(meta.title);
  });

  it('reads the contact details and states no period', () => {
    expect(meta.contact).toEqual({ phone: '68260662', email: 'slmzj0662@163.com' });
    expect(meta.periodStart).toBeUndefined();
  });
});

describe('extractMeta: invented reports', () => {
  it('takes the year of a whole-year period over a title read from a preamble sentence (anhui-jingxian-huangcun-zhen-2014.txt)', () => {
    const text =
      '黄村镇2014年度信息年度公开报告\n根据《条例》要求,特向社会公布2013年度黄村镇政府信息公开年度报告。本报告中所列数据的统计期限自2014年1月1日起至2014年12月31日止。\n一、基本概述\n2014年,镇党委高度重视。';
    const { meta } = parseText(text, { file: 'x.txt' });
    expect(meta.reportYear).toBe(2014);
    expect(text.slice(...(meta.spans.reportYear as [number, number]))).toBe('2014');
  });

  it('reads a one-line crawler-style body (fixtures/invented-inline-body.txt)', () => {
    const { meta, text } = parseFixture('invented-inline-body.txt');
    expect(meta).toMatchObject({
      title: '某区人民政府2023年政府信息公开工作年度报告',
      agency: '某区人民政府',
      reportYear: 2023,
      era: 'C',
      periodStart: '2023-01-01',
      periodEnd: '2023-12-31',
      contact: {
        phone: '0591-12345678',
        fax: '0591-12345678',
        email: 'test@example.com',
        address: '某区行政中心3楼',
        postcode: '350000',
      },
    });
    expect(meta.signedOn).toBeUndefined();
    expect(text.slice(...(meta.spans.period ?? [0, 0]))).toBe('自2023年1月1日起至2023年12月31日止');
  });

  it('reads a Chinese-numeral signature date (fixtures/invented-markers-report.txt)', () => {
    const { meta, text } = parseFixture('invented-markers-report.txt');
    expect(meta.signedOn).toBe('2021-01-15');
    expect(text.slice(...(meta.spans.signedOn ?? [0, 0]))).toBe('二〇二一年一月十五日');
    expect(meta.agency).toBe('测试县文化局');
  });

  it('reads a date under the title and a title split over lines (Markdown, PDF)', () => {
    const md = parseFixture('invented-markdown.md').meta;
    expect(md.title).toBe('某镇人民政府2021年政府信息公开工作年度报告');
    expect(md.signedOn).toBe('2022-01-20');
    expect(md.agency).toBe('某镇人民政府');
    const pdf = parseFixture('invented-split-headings.txt');
    expect(pdf.meta.title).toBe('某市审计局2022年政府信息公开工作年度报告');
    expect(pdf.text.slice(...(pdf.meta.spans.title ?? [0, 0]))).toBe(
      '某市审计局2022年政府信息\n公开工作年度报告',
    );
    expect(pdf.meta.periodEnd).toBe('2022-12-31');
  });

  it('falls back to the crawler title and the period year', () => {
    const report = parseText(
      '标题: 某县2020年政府信息公开工作年度报告\n==== 正文 ====\n本报告统计期限自2020年1月1日起至2020年12月31日止。',
    );
    expect(report.meta.title).toBe('某县2020年政府信息公开工作年度报告');
    expect(report.meta.reportYear).toBe(2020);
  });

  it('does not take a dated statement or a publication time as the signature', () => {
    const report = parseText(
      '某局2019年政府信息公开工作年度报告\n发布时间：2020-01-20\n截至2019年12月31日，公开信息10条。\n',
    );
    expect(report.meta.signedOn).toBeUndefined();
  });
});

describe('detectEra', () => {
  it('follows the ordered vocabulary rules', () => {
    expect(detectEra('行政规范性文件 本年制发件数 本年废止件数').era).toBe('C');
    expect(detectEra('规范性文件 本年新制作数量 对外公开总数量').era).toBe('B');
    expect(detectEra('本年新收政府信息公开申请数量', 2022)).toMatchObject({ era: 'C', confidence: 0.7 });
    expect(detectEra('本年新收政府信息公开申请数量', 2020).era).toBe('B');
    expect(detectEra('申请办结数 同意公开答复数').era).toBe('A');
    expect(detectEra('推进政府集中采购信息公开。历年累计').era).toBe('A');
    expect(detectEra('推进政府集中采购信息公开。').era).toBe('B');
    expect(detectEra('无关文字', undefined, '概述').era).toBe('A');
    expect(detectEra('无关文字', 2016)).toMatchObject({ era: 'A', evidence: [] });
    expect(detectEra('无关文字')).toEqual({ evidence: [] });
  });

  it('marks the (六)其他处理 single row of 2019 as B evidence', () => {
    const r = detectEra('（六）其他处理0000000（七）总计');
    expect(r.era).toBe('B');
    expect(r.evidence[0]?.token).toBe('（六）其他处理');
  });
});

describe('findTitle and findContact', () => {
  it('skips the preamble phrase 本报告 and metadata lines', () => {
    expect(findTitle('标题: X\n现公布2011年度政府信息公开年度报告')).toBeNull();
    expect(findTitle('当前位置：首页 某县2021年度政府信息公开工作年度报告 来源：某县')?.value).toBe(
      '某县2021年度政府信息公开工作年度报告',
    );
  });

  it('reads phone, fax and postcode written in several ways', () => {
    expect(
      findContact(
        '（地址：平潭县翠园南路10号 ；邮编：350400；电话：24336240；传真：24336410；电子邮箱：a@163.com）',
      ),
    ).toEqual({
      address: '平潭县翠园南路10号',
      postcode: '350400',
      phone: '24336240',
      fax: '24336410',
      email: 'a@163.com',
    });
    expect(findContact('联系电话为0591-23165370、23165371')).toEqual({ phone: '0591-23165370、23165371' });
  });
});

describe('agency: sentence fragments and cited notices never become the organ', () => {
  const agencyOf = (text: string) => parseText(text, { rules: false }).meta.agency;

  it('skips the title of a notice about making the report (hubei-shayang-xian-2017.txt)', () => {
    const text =
      '根据《中华人民共和国政府信息公开条例》(以下简称《条例》)、《湖北省政府信息公开规定》(以下简称《规定》),以及《市人民政府办公室关于做好2017年度政府信息公开年度报告公布和政府信息公开情况统计报送工作的通知》有关规定和要求,编写沙洋县2017年度政府信息公开工作年度报告。\n一、概述\n';
    expect(findTitle(text)?.value).toBe('沙洋县2017年度政府信息公开工作年度报告');
    expect(agencyOf(text)).toBe('沙洋县');
  });

  it('reads the organ a title names before 关于 (shandong-zibo-linye-ju-2014.txt)', () => {
    expect(
      agencyOf(
        '淄博市林业局关于2014年度政府信息公开工作情况的报告\n  市政府:\n  现将我局2014年度政府信息公开工作情况报告如下:\n',
      ),
    ).toBe('淄博市林业局');
  });

  it('drops the words of a contact or publishing sentence in front of the name', () => {
    // daoli-jingwei-2022.txt
    expect(
      agencyOf(
        '道里区经纬街道办事处2022年政府信息公开工作年度报告\n如对本报告有任何疑问，请联系哈尔滨市道里区经纬街道办事处。\n',
      ),
    ).toBe('哈尔滨市道里区经纬街道办事处');
    // guangdong-nanshan-taoyuan-jiedao-2015.txt
    expect(
      agencyOf(
        '桃源街道办事处2015年政府信息公开工作年度报告\n根据《条例》的规定,现公布南山区人民政府桃源街道办事处2015年政府信息公开工作年度报告。\n',
      ),
    ).toBe('南山区人民政府桃源街道办事处');
  });

  it('never takes 向社会公开 or a kind of place as the organ', () => {
    // anhui-bengbu-zhen-2016.txt
    expect(
      agencyOf(
        '本年度报告根据上级相关要求,向社会公开2016年度镇政府信息公开年度报告。\n一、基本情况\n2016年,我镇认真贯彻落实。\n',
      ),
    ).toBeUndefined();
    // wuhan-sthjj-2020.txt: a note of the Hubei table 二
    expect(
      agencyOf(
        '现将我局2020年度政府信息公开情况报告如下。\n第二十条第(一)项\n规章(设区的市、自治州人民政府应提供相关数据) | 0 | 0 | 0 |\n',
      ),
    ).toBeUndefined();
  });
});
