import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findNumbers, parseCnNumber } from '../src/text/cn-number.js';
import { fixturePath } from './helpers/corpus.js';

const value = (s: string) => parseCnNumber(s)?.value;
const qualifier = (s: string) => parseCnNumber(s)?.qualifier;

describe('parseCnNumber', () => {
  it.each([
    ['84', 84],
    ['1,234', 1234],
    ['1\uff0c234', 1234],
    ['12,345,678', 12345678],
    ['12.50', 12.5],
    ['24252.311082', 24252.311082],
    ['\uff18\uff14', 84],
    ['\uff11\uff0e\uff15', 1.5],
    ['-185', -185],
    ['+2', 2],
  ])('reads Arabic %s', (s, n) => expect(value(s)).toBe(n));

  it.each([
    ['一', 1],
    ['十', 10],
    ['十五', 15],
    ['二十', 20],
    ['一百零五', 105],
    ['一千二百三十四', 1234],
    ['两千零二十一', 2021],
    ['两万', 20000],
    ['三十五万六千', 356000],
    ['一万零五', 10005],
    ['一亿二千万', 120000000],
    ['一万五', 15000],
    ['三百五', 350],
    ['一点五', 1.5],
    ['负十二', -12],
    ['壹仟贰佰叁拾肆', 1234],
  ])('reads Chinese numerals %s', (s, n) => expect(value(s)).toBe(n));

  it.each([
    ['二〇二一', 2021],
    ['二○一二', 2012],
    ['二零一九', 2019],
  ])('reads a digit string %s as digits', (s, n) => expect(value(s)).toBe(n));

  it.each([
    ['1.2万', 12000],
    ['26.8万', 268000],
    ['615.54万', 6155400],
    ['3万', 30000],
    ['1.5亿', 150000000],
    ['1万2千', 12000],
    ['3千5百', 3500],
    ['2亿3000万', 230000000],
  ])('reads mixed %s', (s, n) => expect(value(s)).toBe(n));

  it.each([
    ['80余', 80, 'over'],
    ['1600多', 1600, 'over'],
    ['三十余', 30, 'over'],
    ['一千余', 1000, 'over'],
    ['100以上', 100, 'over'],
    ['5万余', 50000, 'over'],
    ['近1000', 1000, 'under'],
    ['近万', 10000, 'under'],
    ['不足10', 10, 'under'],
    ['不到5', 5, 'under'],
    ['约30', 30, 'about'],
    ['30左右', 30, 'about'],
    ['大约两万', 20000, 'about'],
  ])('reads qualifier in %s', (s, n, q) => {
    expect(value(s)).toBe(n);
    expect(qualifier(s)).toBe(q);
  });

  it('reads stated zeros', () => {
    expect(parseCnNumber('无')).toEqual({ value: 0, qualifier: 'exact' });
    expect(parseCnNumber('零')).toEqual({ value: 0, qualifier: 'exact' });
    expect(parseCnNumber('〇')).toEqual({ value: 0, qualifier: 'exact' });
    expect(parseCnNumber('0')).toEqual({ value: 0, qualifier: 'exact' });
  });

  it('reads percentages as their number', () => {
    expect(value('百分之五十')).toBe(50);
    expect(value('71.3%')).toBe(71.3);
  });

  it.each([
    '',
    '  ',
    'abc',
    '十十',
    '百',
    '一二三四五六七八九十百',
    '近',
    '约',
    '五十万元',
    '第三',
    '1.2.3',
    '一两',
  ])('returns null (never 0) for %j', (s) => expect(parseCnNumber(s)).toBeNull());
});

describe('findNumbers', () => {
  const text =
    '公开信息64条，微信80余条，近万条，26.8万人次，615.54万元，占71.3%，5万余次，三十余个，行政复议0件，共1,234件，30人左右，百分之五十的。';

  it('finds each mention with value, qualifier, unit and a true span', () => {
    const found = findNumbers(text);
    for (const m of found) expect(text.slice(...m.span)).toBe(m.stated);
    const brief = found.map((m) => [m.stated, m.value, m.qualifier, m.unit]);
    expect(brief).toEqual([
      ['64', 64, 'exact', '条'],
      ['80余', 80, 'over', '条'],
      ['近万', 10000, 'under', '条'],
      ['26.8万', 268000, 'exact', '人次'],
      ['615.54万', 615.54, 'exact', '万元'],
      ['71.3', 71.3, 'exact', '%'],
      ['5万余', 50000, 'over', '次'],
      ['三十余', 30, 'over', '个'],
      ['0', 0, 'exact', '件'],
      ['1,234', 1234, 'exact', '件'],
      ['30', 30, 'about', '人'],
      ['百分之五十', 50, 'exact', '%'],
    ]);
  });

  it('covers the whole mention in extent', () => {
    const [m] = findNumbers('约有30人左右参加');
    expect(m?.qualifier).toBe('about');
    expect('约有30人左右参加'.slice(...(m?.extent ?? [0, 0]))).toBe('30人左右');
  });

  it('skips ordinals, list markers, words with numerals, e-mail and phone numbers', () => {
    const found = findNumbers(
      '第三条规定，（3）项，一是统一规范，进一步，邮箱slmzj0662@163.com，电话0591-23165370。',
    );
    expect(found).toEqual([]);
  });

  it('treats a lone 无 as a stated zero', () => {
    const t = '(七)开展政府信息依申请公开工作情况。\n无\n';
    const [m] = findNumbers(t);
    expect(m).toMatchObject({ value: 0, stated: '无', unit: '' });
    expect(t.slice(...(m?.span ?? [0, 0]))).toBe('无');
    expect(findNumbers('无收取信息处理费情况')).toEqual([]);
  });

  it('limits the scan to [from, to)', () => {
    const t = '甲10条，乙20条，丙30条';
    expect(findNumbers(t, 4, 9).map((m) => m.value)).toEqual([20]);
  });
});

describe('findNumbers on the seed report', () => {
  const text = readFileSync(fixturePath('seed-2018-shulan-minzheng.txt'), 'utf8');
  const found = findNumbers(text);

  it('finds the counts of section 二 with their units', () => {
    const from = text.indexOf('二、主动公开政府信息情况');
    const to = text.indexOf('三、回应解读情况');
    const counts = findNumbers(text, from, to).filter((m) => m.unit !== '' && !'年月日号'.includes(m.unit));
    expect(counts.map((m) => [m.stated, m.unit])).toEqual([
      ['84', '条'],
      ['64', '条'],
      ['20', '条'],
      ['10', '条'],
      ['80余', '条'],
    ]);
  });

  it('reads 近万条, 1个, 1人 and 4次 with spans true to the text', () => {
    for (const m of found) expect(text.slice(...m.span)).toBe(m.stated);
    const by = (stated: string, unit: string) => found.find((m) => m.stated === stated && m.unit === unit);
    expect(by('近万', '条')).toMatchObject({ value: 10000, qualifier: 'under' });
    expect(by('1', '个')?.value).toBe(1);
    expect(by('1', '人')?.value).toBe(1);
    expect(by('4', '次')?.value).toBe(4);
  });

  it('reads each 无 line as a stated zero', () => {
    expect(found.filter((m) => m.stated === '无')).toHaveLength(
      text.split('\n').filter((l) => l === '无').length,
    );
  });
});
