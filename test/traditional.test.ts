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
    // Reports the manifest names in simplified script (mirrors in traditional script name their organ so).
    const simplified = manifest().filter(
      (r) =>
        /^(?:txt|md)$/.test(r.format) &&
        !/[區縣鎮鄉辦開會國關]/.test(r.agency) &&
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
