import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFile } from '../src/index.js';
import { loadBuffer } from '../src/load/index.js';
import { foldGlyph, foldGlyphs } from '../src/text/glyphs.js';
import { normalizeText } from '../src/text/normalize.js';
import { fixturePath } from './helpers/corpus.js';

describe('glyph variants', () => {
  it('folds every Kangxi radical to a unified ideograph', () => {
    for (let c = 0x2f00; c <= 0x2fd5; c++) {
      const folded = foldGlyph(String.fromCharCode(c), 0)?.text ?? '';
      expect(/^\p{Script=Han}$/u.test(folded) && !/[\u2e80-\u2fdf]/.test(folded), `U+${c.toString(16)}`).toBe(
        true,
      );
    }
  });

  it('folds the radical supplement that NFKC leaves alone, and compatibility ideographs', () => {
    expect('⺠⻔⻅⻓'.normalize('NFKC')).toBe('⺠⻔⻅⻓');
    expect(foldGlyphs('⺠⻔⻅⻓')).toBe('民门见长');
    expect(foldGlyphs('\uf9b4\ufa11')).toBe('\u9818\ufa11'); // 領 folds; 﨑 is unified and stays
    expect(foldGlyphs('⼀、总体情况')).toBe('一、总体情况');
  });

  it('keeps offsets through the folding, also where a folded character takes two code units', () => {
    const input = '上海市⼈⺠政府\u2e87件';
    const { text, map } = normalizeText(input);
    expect(text).toBe('上海市人民政府\u{20628}件');
    expect(map.toSource(4)).toBe(4);
    expect(map.fromSourceSpan(3, 5)).toEqual([3, 5]);
    expect(map.toSource(text.indexOf('件'))).toBe(input.indexOf('件'));
  });
});

describe('a PDF whose fonts map glyphs to radicals (fixtures made by scripts/make-pdf-fixtures.mjs)', () => {
  const radical = fixturePath('radicals-seed-2018-shulan-minzheng.pdf');
  const clean = fixturePath('radicals-seed-2018-shulan-minzheng.clean.pdf');

  it('comes out of the PDF in radical code points', async () => {
    const loaded = await loadBuffer(readFileSync(radical), { path: radical });
    expect(loaded.text).toContain('⼀、基本⼯作情况');
    expect(loaded.text).toContain('舒兰市⺠政局');
  });

  it('gives the same headings, metadata and figures as its clean copy', async () => {
    const [a, b] = await Promise.all([parseFile(radical), parseFile(clean)]);
    expect(a.meta.agency).toBe('舒兰市民政局');
    expect(a.sections.map((s) => `${s.marker}${s.title}`).slice(0, 2)).toEqual([
      '一、基本工作情况',
      '二、主动公开政府信息情况',
    ]);
    expect(a.figures['active.total']?.value).toBe(84);
    expect(a.figures['active.channels.website']?.value).toBe(64);
    expect(a.text).toBe(b.text);
    expect(a.meta).toEqual(b.meta);
    expect(a.sections).toEqual(b.sections);
    expect(a.figures).toEqual(b.figures);
    expect(a.anomalies.map((x) => x.ruleId)).toEqual(b.anomalies.map((x) => x.ruleId));
  });
});
