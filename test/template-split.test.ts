import { describe, expect, it } from 'vitest';
import { solveTable } from '../src/extract/template/solve.js';
import { isPlausibleCell, type RowReading, splitRun } from '../src/extract/template/split-run.js';

const run = (text: string, start = 0) => ({ text, start });
const values = (r: RowReading) => r.map((c) => (c ? c.value : null));
const ROW_SUM = [{ parts: [0, 1, 2, 3, 4, 5], total: 6 }];
const seven = Array.from({ length: 7 }, () => ({}));

describe('isPlausibleCell', () => {
  it('rejects leading zeros, signs and fractions where the column has none', () => {
    expect(isPlausibleCell('0', {})).toBe(true);
    expect(isPlausibleCell('023', {})).toBe(false);
    expect(isPlausibleCell('-185', {})).toBe(false);
    expect(isPlausibleCell('-185', { signed: true })).toBe(true);
    expect(isPlausibleCell('-0', { signed: true })).toBe(false);
    expect(isPlausibleCell('+2', { signed: true })).toBe(true);
    expect(isPlausibleCell('5394432.52', {})).toBe(false);
    expect(isPlausibleCell('5394432.52', { decimal: true })).toBe(true);
  });
});

describe('splitRun', () => {
  it('splits a table 三 run uniquely when the row sum allows one reading only', () => {
    const { readings } = splitRun([run('21710000218', 100)], seven, ROW_SUM);
    expect(readings.map(values)).toEqual([[217, 1, 0, 0, 0, 0, 218]]);
    // Each cell's span covers exactly its digits inside the run.
    expect(readings[0]?.map((c) => c?.span)).toEqual([
      [100, 103],
      [103, 104],
      [104, 105],
      [105, 106],
      [106, 107],
      [107, 108],
      [108, 111],
    ]);
  });

  it('treats whitespace as a cell boundary (stray spaces in a run)', () => {
    const { readings } = splitRun(
      [run('23', 0), run('0', 3), run('00', 5), run('0', 8), run('023', 10)],
      seven,
      ROW_SUM,
    );
    expect(readings.map(values)).toEqual([[23, 0, 0, 0, 0, 0, 23]]);
  });

  it('lists every reading of an ambiguous run', () => {
    const { readings, complete } = splitRun([run('693665')], [{}, {}, {}]);
    expect(complete).toBe(true);
    const all = readings.map(values);
    expect(all).toContainEqual([69, 3, 665]);
    expect(all).toContainEqual([6, 93, 665]);
    expect(all.length).toBeGreaterThan(2);
  });

  it('starts a cell at a minus sign and keeps the sign in signed columns only', () => {
    const specs = [{}, { signed: true }, {}];
    const { readings } = splitRun([run('2648', 0), run('-18538', 4)], specs);
    expect(readings.map(values)).toEqual([
      [2648, -1, 8538],
      [2648, -18, 538],
      [2648, -185, 38],
      [2648, -1853, 8],
    ]);
    expect(splitRun([run('35'), run('-15', 2)], [{}, { signed: true }]).readings.map(values)).toEqual([
      [35, -15],
    ]);
  });

  it('keeps a money fraction inside one cell', () => {
    const { readings } = splitRun([run('13575394432.52')], [{}, { decimal: true }]);
    expect(readings.length).toBeGreaterThan(1);
    for (const r of readings) expect(r[1]?.stated.endsWith('.52')).toBe(true);
  });

  it('checks each block sum of table 四', () => {
    const sums = [0, 5, 10].map((b) => ({ parts: [b, b + 1, b + 2, b + 3], total: b + 4 }));
    const specs = Array.from({ length: 15 }, () => ({}));
    const unique = splitRun([run('10203120001200000')], specs, sums).readings.map(values);
    expect(unique).toEqual([[1, 0, 2, 0, 3, 12, 0, 0, 0, 12, 0, 0, 0, 0, 0]]);
    const twice = splitRun([run('12101140000010001')], specs, sums).readings.map(values);
    expect(twice).toEqual([
      [1, 2, 10, 1, 14, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1],
      [12, 1, 0, 1, 14, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1],
    ]);
  });

  it('reads no cell longer than nine digits, so an overlong run has no reading', () => {
    expect(splitRun([run('1'.repeat(64))], seven, ROW_SUM).readings).toEqual([]);
    expect(splitRun([run('1234567890')], [{}]).readings).toEqual([]);
    expect(splitRun([run('123456789')], [{}]).readings.map(values)).toEqual([[123456789]]);
  });

  it('gives a blank token one cell and no value', () => {
    const { readings } = splitRun(
      [run('5'), { text: '-', start: 2, blank: true }, run('7', 4)],
      [{}, {}, {}],
    );
    expect(readings.map(values)).toEqual([[5, null, 7]]);
  });
});

describe('solveTable', () => {
  const cell = (value: number, at: number) => ({
    value,
    stated: String(value),
    span: [at, at + String(value).length] as [number, number],
  });
  const row = (vals: number[], at: number): RowReading => vals.map((v, i) => cell(v, at + i * 10));
  const identity = {
    name: 'a+b=t',
    terms: [
      { row: 'a', coef: 1 as const },
      { row: 'b', coef: 1 as const },
      { row: 't', coef: -1 as const },
    ],
  };

  it('lets a column identity choose between the readings of one row', () => {
    const rows = new Map([
      ['a', [row([3, 1], 0)]],
      ['b', [row([2, 0], 100), row([20, 0], 200)]],
      ['t', [row([5, 1], 300)]],
    ]);
    const s = solveTable(rows, 2, [identity]);
    expect(s.consistent).toBe(true);
    expect(s.agreed.get('b')?.map((c) => c?.value)).toEqual([2, 0]);
  });

  it('leaves cells open when several combinations fit', () => {
    const a1 = row([3, 1], 0);
    const a2: RowReading = [cell(4, 0), a1[1] ?? null];
    const rows = new Map([
      ['a', [a1, a2]],
      ['b', [row([2, 0], 100), row([1, 0], 200)]],
      ['t', [row([5, 1], 300)]],
    ]);
    const s = solveTable(rows, 2, [identity]);
    expect(s.agreed.get('a')?.[0]).toBeUndefined();
    expect(s.agreed.get('a')?.[1]?.value).toBe(1);
  });

  it('falls back to each row on its own when the report breaks the identity', () => {
    const rows = new Map([
      ['a', [row([3, 1], 0)]],
      ['b', [row([9, 0], 100)]],
      ['t', [row([5, 1], 300)]],
    ]);
    const s = solveTable(rows, 2, [identity]);
    expect(s.consistent).toBe(false);
    expect(s.agreed.get('b')?.map((c) => c?.value)).toEqual([9, 0]);
  });
});
