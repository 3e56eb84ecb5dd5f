import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DocContext } from '../src/core/context.js';
import { extractTemplateTables } from '../src/extract/template/index.js';
import { corpusPath, fixturePath } from './helpers/corpus.js';
import { contextOfText } from './helpers/template-context.js';

function read(
  name: string,
  path = fixturePath(name),
): { ctx: DocContext; out: ReturnType<typeof extractTemplateTables> } {
  const ctx = contextOfText(readFileSync(path, 'utf8'));
  return { ctx, out: extractTemplateTables(ctx) };
}

/** Row `requests.<row>.*` as an array in column order (undefined where no figure). */
function row(out: ReturnType<typeof extractTemplateTables>, name: string): (number | undefined)[] {
  return ['natural', 'commercial', 'research', 'publicInterest', 'legalService', 'otherOrg', 'total'].map(
    (c) => out.figures[`requests.${name}.${c}`]?.value,
  );
}

function expectSpans({ ctx, out }: ReturnType<typeof read>) {
  for (const [key, f] of Object.entries(out.figures)) {
    expect(ctx.text.slice(f.span[0], f.span[1]), key).toBe(f.stated);
    expect(f.source).toBe('table');
    expect(f.qualifier).toBe('exact');
  }
  for (const a of out.ambiguities) expect(ctx.text.slice(a.span[0], a.span[1])).toBe(a.text);
}

describe('flattened text (invented, era C)', () => {
  const doc = read('template-invented-flattened-c.txt');
  const { out } = doc;

  it('splits every table 三 digit run by the row sums and the column identities', () => {
    expect(row(out, 'newReceived')).toEqual([120, 3, 0, 1, 0, 2, 126]);
    expect(row(out, 'granted')).toEqual([60, 1, 0, 1, 0, 1, 63]);
    expect(row(out, 'unavailable.notHeld')).toEqual([30, 2, 0, 0, 0, 1, 33]);
    expect(row(out, 'otherHandling.other')).toEqual([5, 0, 0, 0, 0, 0, 5]);
    expect(row(out, 'resultTotal')).toEqual([115, 3, 0, 1, 0, 2, 121]);
    expect(row(out, 'carriedForward')).toEqual([10, 0, 0, 0, 0, 0, 10]);
    expect(out.figures['requests.otherHandling.all']).toBeUndefined();
  });

  it('keeps a digit run label prefix (`2.其他法律`) out of the previous row', () => {
    expect(row(out, 'denied.stateSecret')).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(row(out, 'denied.internalAffairs')).toEqual([2, 0, 0, 0, 0, 0, 2]);
  });

  it('reads one-cell rows of table 二 and leaves an ambiguous three-cell run undecided', () => {
    expect(out.figures['active.licensing.decisions']?.value).toBe(1500);
    expect(out.figures['active.fees.amount']).toMatchObject({
      value: 123.45,
      unit: '万元',
      stated: '123.45',
    });
    expect(out.figures['active.regulations.inForce']?.value).toBe(0);
    expect(out.figures['active.normativeDocs.issued']).toBeUndefined();
    const amb = out.ambiguities.find((a) => a.label === '行政规范性文件');
    expect(amb).toMatchObject({ kind: 'digit-run', text: '12345' });
    expect(amb?.candidates).toContainEqual([12, 3, 45]);
  });

  it('records an ambiguous table 四 run and keeps the cells every reading agrees on', () => {
    const amb = out.ambiguities.find((a) => a.text === '12101140000010001');
    expect(amb?.keys).toEqual(['review.upheld', 'review.corrected', 'review.other']);
    expect(amb?.candidates).toEqual([
      [1, 2, 10, 1, 14, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1],
      [12, 1, 0, 1, 14, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1],
    ]);
    expect(out.figures['review.upheld']).toBeUndefined();
    expect(out.figures['review.total']?.value).toBe(14);
    expect(out.figures['litigation.afterReview.total']?.value).toBe(1);
  });

  it('slices every span to its stated text', () => expectSpans(doc));
});

describe('line and tab separated text (invented, era B)', () => {
  const doc = read('template-invented-lines-b.txt');
  const { out } = doc;

  it('reads era B table 二 with signed changes, blanks and an amount in 万元', () => {
    expect(out.figures['active.licensing.change']?.value).toBe(-3);
    expect(out.figures['active.penalty.change']).toMatchObject({ value: 2, stated: '+2' });
    expect(out.figures['active.fees.change']?.value).toBe(-1);
    expect(out.figures['active.procurement.amount']).toMatchObject({ value: 3456.7, unit: '万元' });
    expect(out.figures['active.normativeDocs.totalPublished']?.value).toBe(120);
    expect(out.figures['active.regulations.newlyMade']).toBeUndefined();
  });

  it('reads one cell per line, printed subtotals and the single era B row (六)', () => {
    expect(row(out, 'newReceived')).toEqual([40, 2, 0, 0, 1, 0, 43]);
    expect(row(out, 'denied.subtotal')).toEqual([3, 0, 0, 0, 0, 0, 3]);
    expect(row(out, 'unavailable.subtotal')).toEqual([8, 1, 0, 0, 0, 0, 9]);
    expect(row(out, 'notProcessed.confirmation')).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(row(out, 'otherHandling.all')).toEqual([2, 0, 0, 0, 0, 0, 2]);
    expect(out.figures['requests.notProcessed.subtotal.total']).toBeUndefined();
  });

  it('states nothing for `-` cells', () => {
    expect(row(out, 'denied.queryMatters')).toEqual(Array(7).fill(undefined));
    expect(out.ambiguities.filter((a) => a.keys?.some((k) => k.includes('queryMatters')))).toEqual([]);
  });

  it('reads table 四 after a header broken one word per line', () => {
    expect(out.figures['review.upheld']?.value).toBe(1);
    expect(out.figures['review.total']?.value).toBe(1);
    expect(out.figures['litigation.afterReview.total']?.value).toBe(0);
  });

  it('slices every span to its stated text', () => expectSpans(doc));
});

describe('Markdown pipe rows (invented, labels displaced from their rows)', () => {
  const doc = read('template-invented-pipes.md');
  const { out } = doc;

  it('places unlabelled rows between labelled ones by the template order', () => {
    expect(row(out, 'partial')).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(row(out, 'denied.internalAffairs')).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(row(out, 'unavailable.notHeld')).toEqual([3, 1, 0, 0, 0, 0, 4]);
    expect(row(out, 'otherHandling.noCorrection')).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(row(out, 'resultTotal')).toEqual([11, 1, 0, 0, 0, 0, 12]);
  });

  it('drops a trailing empty column and keeps an empty 总计 cell unstated', () => {
    expect(row(out, 'newReceived')).toEqual([10, 1, 0, 0, 0, 0, 11]);
    expect(row(out, 'carriedForward')).toEqual([0, 0, 0, 0, 0, 0, undefined]);
  });

  it('reads grouped thousands and `/` in table 二, and `-` in table 四', () => {
    expect(out.figures['active.licensing.decisions']).toMatchObject({ value: 1234, stated: '1,234' });
    expect(out.figures['active.coercion.decisions']).toBeUndefined();
    expect(out.figures['litigation.direct.total']?.value).toBe(2);
    expect(out.figures['litigation.afterReview.total']).toBeUndefined();
  });

  it('slices every span to its stated text', () => expectSpans(doc));
});

describe('documents without template tables', () => {
  it('finds nothing in an era A report', () => {
    const { out } = read('seed-2018-shulan-minzheng.txt');
    expect(out.figures).toEqual({});
  });
});

describe('a label column followed by the number block (invented, era C)', () => {
  const doc = read('template-invented-columns-c.txt');
  const { out } = doc;

  it('deals the numbers out to the labels row by row', () => {
    expect(row(out, 'newReceived')).toEqual([120, 3, 0, 1, 0, 2, 126]);
    expect(row(out, 'denied.internalAffairs')).toEqual([2, 0, 0, 0, 0, 0, 2]);
    expect(row(out, 'unavailable.notHeld')).toEqual([30, 2, 0, 0, 0, 1, 33]);
    expect(row(out, 'otherHandling.noCorrection')).toEqual([4, 0, 0, 0, 0, 0, 4]);
    expect(row(out, 'carriedForward')).toEqual([10, 0, 0, 0, 0, 0, 10]);
    expect(out.figures['requests.denied.subtotal.total']).toBeUndefined();
  });

  it('slices every span to its stated text', () => expectSpans(doc));
});

describe('numbers printed before the rest of a wrapped label (invented, era C)', () => {
  const doc = read('template-invented-wrapped-c.txt');
  const { out } = doc;

  it('gives the second row of numbers to the next label', () => {
    expect(row(out, 'otherHandling.noCorrection')).toEqual([3, 0, 0, 0, 0, 0, 3]);
    expect(row(out, 'otherHandling.unpaidFee')).toEqual([2, 0, 0, 0, 0, 0, 2]);
    expect(row(out, 'otherHandling.other')).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(row(out, 'resultTotal')).toEqual([10, 0, 0, 0, 0, 0, 10]);
  });

  it('slices every span to its stated text', () => expectSpans(doc));
});

describe('a page cut inside table 三 (search excerpts of real reports)', () => {
  it('reads the two rows before the cut, one cell per line (changtu-qijiazi-2023.txt)', () => {
    const doc = read('changtu-qijiazi-2023.txt', corpusPath('changtu-qijiazi-2023.txt'));
    expect(row(doc.out, 'newReceived')).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(row(doc.out, 'carriedOver')).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(doc.out.figures['requests.granted.total']).toBeUndefined();
    expectSpans(doc);
  });

  it('reads the cells printed before the cut and leaves the rest unread (wendeng-zjj-2019.txt)', () => {
    // …| 一、本年新收政府信息公开申请数量  | 2  | 0 | 0 | 0 | 0 | 0 | 2  | ||
    //   二、上年结转政府信息公开申请数量  | 0 | 0 |   ← the excerpt ends here
    const doc = read('wendeng-zjj-2019.txt', corpusPath('wendeng-zjj-2019.txt'));
    expect(row(doc.out, 'newReceived')).toEqual([2, 0, 0, 0, 0, 0, 2]);
    expect(row(doc.out, 'carriedOver')).toEqual([
      0,
      0,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(doc.out.ambiguities).toEqual([]);
    expectSpans(doc);
  });

  it('does not read a row cut after a run of digits that could be several cells', () => {
    const text = readFileSync(corpusPath('wendeng-zjj-2019.txt'), 'utf8').replace(
      /\| 0 \| 0 \|\s*$/,
      '| 10 |',
    );
    const out = extractTemplateTables(contextOfText(text));
    expect(row(out, 'newReceived')).toEqual([2, 0, 0, 0, 0, 0, 2]);
    expect(row(out, 'carriedOver').every((v) => v === undefined)).toBe(true);
  });
});
