import { describe, expect, it } from 'vitest';
import { findDates, findPeriod, findPeriods } from '../src/text/dates.js';

describe('findDates', () => {
  it.each([
    ['2019年1月14日', '2019-01-14'],
    ['2019年1月', '2019-01'],
    ['2019-01-14', '2019-01-14'],
    ['2019.1.14', '2019-01-14'],
    ['2019/1/14', '2019-01-14'],
    ['二○一二年二月二十日', '2012-02-20'],
    ['二〇二一年一月十五日', '2021-01-15'],
    ['二零一四年一月十日', '2014-01-10'],
    ['二○一三年十二月三十一日', '2013-12-31'],
  ])('reads %s', (s, iso) => {
    const text = `签发：${s}。`;
    const [d] = findDates(text);
    expect(d?.iso).toBe(iso);
    expect(text.slice(...(d?.span ?? [0, 0]))).toBe(s);
  });

  it('finds every date with its span in running text', () => {
    const text = '截至2019年12月31日，我局累计公开84条；2020年1月起实行新办法。舒兰市民政局\n2019年1月14日';
    const dates = findDates(text);
    expect(dates.map((d) => d.iso)).toEqual(['2019-12-31', '2020-01', '2019-01-14']);
    for (const d of dates) expect(text.slice(...d.span)).toBe(d.stated);
  });

  it('lets the second date of a range inherit the year', () => {
    const dates = findDates('统计周期为2024年1月1日至12月31日。');
    expect(dates.map((d) => d.iso)).toEqual(['2024-01-01', '2024-12-31']);
    expect(dates[1]?.yearInherited).toBe(true);
    expect(dates[1]?.stated).toBe('12月31日');
  });

  it('skips impossible dates and numbers that only look like dates', () => {
    expect(findDates('2019年2月30日 2019年13月1日 0591-2316-5370 版本1.2.3')).toEqual([]);
  });
});

describe('findPeriod', () => {
  it.each([
    [
      '本报告所列数据的统计期限自2021年1月1日起至2021年12月31日止。',
      '2021-01-01',
      '2021-12-31',
      '自2021年1月1日起至2021年12月31日止',
    ],
    [
      '统计期限从2025年1月1日至2025年12月31日止。',
      '2025-01-01',
      '2025-12-31',
      '从2025年1月1日至2025年12月31日止',
    ],
    ['统计周期为2024年1月1日至12月31日。', '2024-01-01', '2024-12-31', '2024年1月1日至12月31日'],
    [
      '统计期限自2011年1月1日起至2011年12月31日。',
      '2011-01-01',
      '2011-12-31',
      '自2011年1月1日起至2011年12月31日',
    ],
    [
      '数据统计时限为2022年1月1日到2022年12月31日',
      '2022-01-01',
      '2022-12-31',
      '2022年1月1日到2022年12月31日',
    ],
  ])('reads %s', (text, start, end, stated) => {
    const p = findPeriod(text);
    expect(p).toMatchObject({ start, end, stated });
    expect(text.slice(...(p?.span ?? [0, 0]))).toBe(stated);
  });

  it('reports a blank period', () => {
    const text = '本报告所列数据的统计期限自至。';
    const p = findPeriod(text);
    expect(p?.blank).toBe(true);
    expect(p?.start).toBeUndefined();
    expect(text.slice(...(p?.span ?? [0, 0]))).toBe('统计期限自至');
  });

  it('prefers the period stated with 统计 over an earlier one', () => {
    const text = '2020年3月1日至2020年3月5日开展培训。本报告统计期限为2020年1月1日至2020年12月31日。';
    expect(findPeriods(text)).toHaveLength(2);
    expect(findPeriod(text)?.start).toBe('2020-01-01');
  });

  it('returns null when no period is stated', () => {
    expect(findPeriod('2019年1月14日')).toBeNull();
    expect(findPeriod('')).toBeNull();
  });
});
