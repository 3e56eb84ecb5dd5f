import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseText } from '../src/core/pipeline.js';
import { corpusPath } from './helpers/corpus.js';

function anomaliesOf(file: string, ruleId: string) {
  const report = parseText(readFileSync(corpusPath(file), 'utf8'), { file });
  return report.anomalies.filter((a) => a.ruleId === ruleId);
}

describe('statistics period and table header checks on real reports', () => {
  it('reads 自20251月1日起至202512月31日止 as a malformed period, expecting the readable dates', () => {
    const [a, more] = anomaliesOf('hongshan-jkj-2025.txt', 'period-date-malformed');
    expect(more).toBeUndefined();
    expect(a?.severity).toBe('warning');
    expect(a?.actual).toBe('20251月1日 … 202512月31日');
    expect(a?.expected).toBe('2025年1月1日 … 2025年12月31日');
  });

  it('flags a 2014 period that ends on 2015-01-01 once, as period-end-mismatch and not as period-year-mismatch', () => {
    const [a, more] = anomaliesOf('jilin-changchun-mirror-ban-2014.txt', 'period-end-mismatch');
    expect(more).toBeUndefined();
    expect(a?.actual).toBe('2014-01-01 至 2015-01-01');
    expect(a?.expected).toBe('2014-01-01 至 2014-12-31');
    const year = anomaliesOf('jilin-changchun-mirror-ban-2014.txt', 'period-year-mismatch');
    expect(year.map((y) => y.evidence[0]?.text)).not.toContain('自2014年1月1日起至2015年1月1日止');
  });

  it('keeps a whole period in another year an error of period-year-mismatch (a 2018 report counting to 2019-12-31)', () => {
    const text =
      '某局2018年政府信息公开工作年度报告\n本报告所列数据的统计期限自2019年1月1日起至2019年12月31日止。\n一、总体情况\n2018年主动公开信息12条。\n';
    const report = parseText(text, { file: 'x.txt' });
    expect(report.anomalies.filter((a) => a.ruleId === 'period-end-mismatch')).toEqual([]);
    expect(report.anomalies.find((a) => a.ruleId === 'period-year-mismatch')?.severity).toBe('error');
  });

  it('finds the doubled 本年新制作数量 header of table 二 and names the template column it hides', () => {
    const [a, more] = anomaliesOf('kangle-shangwan-2019.txt', 'table-header-duplicated');
    expect(more).toBeUndefined();
    expect(a?.expected).toBe('本年新制作数量 / 本年新公开数量');
    expect(a?.actual).toBe('本年新制作数量 / 本年新制作数量');
    expect(a?.evidence.map((e) => e.text)).toEqual(['本年新制作数量', '本年新制作数量']);
  });
});
