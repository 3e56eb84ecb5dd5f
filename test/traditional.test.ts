import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFile } from '../src/index.js';
import { normalizeText } from '../src/text/normalize.js';
import { isTraditional, toSimplifiedAligned } from '../src/text/traditional.js';
import { corpusPath, manifest } from './helpers/corpus.js';

const TRAD = 'trad-jiangwan-2009.txt';
const tradText = readFileSync(corpusPath(TRAD), 'utf8');

describe('traditional script', () => {
  it('is detected in a traditional report and in no simplified report of the corpus', () => {
    expect(isTraditional(tradText)).toBe(true);
    // Reports the manifest describes as simplified script (mirrors in traditional script name their organ so,
    // or say so in their note).
    const simplified = manifest().filter(
      (r) =>
        /^(?:txt|md)$/.test(r.format) &&
        !/[區縣鎮鄉辦開會國關]/.test(r.agency) &&
        !/traditional/i.test(r.notes) &&
        !r.file.startsWith('trad-'),
    );
    expect(simplified.length).toBeGreaterThanOrEqual(20);
    for (const r of simplified)
      expect(isTraditional(readFileSync(corpusPath(r.file), 'utf8')), r.file).toBe(false);
  });

  it('converts to a simplified text of the same length', () => {
    const simple = toSimplifiedAligned(tradText);
    expect(simple.length).toBe(tradText.length);
    expect(simple).toContain('2009年度共主动公开政府信息20条');
    expect(simple).toContain('武江区江湾镇人民政府2009年政府信息公开年度报告');
  });

  it('reads the words a Taiwan-usage mirror put in as the mainland ones, and keeps archives', () => {
    // wuhan-sthjj-2020.txt (newton.com.tw mirror): 規範性檔案 stands for 规范性文件
    expect(toSimplifiedAligned('規範性檔案(行政機關制定發布的決定) | 2 | 2 | 19 |')).toBe(
      '规范性文件(行政机关制定发布的决定) | 2 | 2 | 19 |',
    );
    // fujian-changting-guanqian-zhen-2010.txt: 相關檔案精神 = 相关文件精神
    expect(toSimplifiedAligned('政府信息公開條例》及相關檔案精神的要求')).toBe(
      '政府信息公开条例》及相关文件精神的要求',
    );
    // hebei-shijiazhuang-gongxin-ju-2019.txt: an archive stays an archive
    expect(toSimplifiedAligned('并及時向檔案館、公共圖書館')).toBe('并及时向档案馆、公共图书馆');
    expect(toSimplifiedAligned('政府資訊公開工作')).toBe('政府信息公开工作');
  });

  it('reads a traditional report as its simplified twin, with spans on the original', async () => {
    const report = await parseFile(corpusPath(TRAD));
    expect(report.meta.agency).toBe('武江区江湾镇人民政府');
    expect(report.meta.reportYear).toBe(2009);
    expect(report.meta.era).toBe('A');
    expect(report.sections.map((s) => s.title)).toEqual([
      '概述',
      '政府信息主动公开情况',
      '依申请公开政府信息情况',
      '咨询处理情况',
    ]);
    const active = report.figures['active.total'];
    expect(active?.value).toBe(20);
    const original = normalizeText(tradText).text;
    expect(original.length).toBe(report.text?.length);
    const [s, e] = active?.span ?? [0, 0];
    expect(original.slice(s - 8, e + 1)).toBe('主動公開政府信息20條');
  });
});
