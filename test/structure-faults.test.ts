import { describe, expect, it } from 'vitest';
import type { Report } from '../src/model/index.js';
import { parseFile } from '../src/node/parse-file.js';
import { checkAcross, digestReport } from '../src/rules/index.js';
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
