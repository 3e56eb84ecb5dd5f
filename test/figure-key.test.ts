import { describe, expect, it } from 'vitest';
import { ALL_KEYS } from '../src/extract/keys.js';
import { type FigureKey, requestKey } from '../src/model/index.js';
import { templates } from '../src/templates/index.js';

// Type-level checks run with `npm run typecheck` (tsc covers test/): each @ts-expect-error line must fail
// to compile, so a key that no template defines is a compile error where code names it.
describe('FigureKey', () => {
  it('accepts the keys the templates define, with the @cumulative form of statistics keys', () => {
    const keys: FigureKey[] = [
      'requests.resultTotal.total',
      'active.regulations.inForce',
      'litigation.afterReview.pending',
      'org.staff.total',
      'active.total@cumulative',
      'core.requestsReceived',
      'fees.informationProcessing',
      requestKey('denied.stateSecret', 'natural'),
    ];
    const known = new Set(ALL_KEYS.map((k) => k.key));
    for (const key of keys) expect(known.has(key.split('@')[0] as string)).toBe(true);
  });

  it('rejects misspelled keys at compile time', () => {
    // @ts-expect-error a row no template prints
    const row: FigureKey = 'requests.resultTotl.total';
    // @ts-expect-error a column table 三 does not have
    const col: FigureKey = requestKey('granted', 'company');
    // @ts-expect-error only statistics keys have a running total
    const cumulative: FigureKey = 'requests.resultTotal.total@cumulative';
    expect([row, col, cumulative].every((k) => !ALL_KEYS.some((d) => d.key === k))).toBe(true);
  });

  it('covers every key of the built-in templates’ tables', () => {
    const tableKeys = templates().flatMap((t) => [
      ...(t.active?.cells.map((c) => c.key) ?? []),
      ...(t.requests?.rows.flatMap(
        (r) => t.requests?.columns.map((c) => `requests.${r.row}.${c.col}`) ?? [],
      ) ?? []),
    ]);
    const known = new Set(ALL_KEYS.map((k) => k.key));
    expect(tableKeys.filter((k) => !known.has(k))).toEqual([]);
  });
});
