import type { Figure } from '../model/index.js';

/** An expected-figures file (`test/expected/<corpus file>.<part>.json`), written by reading the report. */
export interface ExpectedFile {
  file: string;
  figures: Record<string, number>;
  notes?: string;
}

/** One key's comparison: the expected value, what was found, and the verdict. */
export interface KeyResult {
  key: string;
  expected: number;
  found?: number;
  verdict: 'exact' | 'wrong' | 'missing';
}

/** Counts for one report or a whole run. */
export interface Score {
  expected: number;
  exact: number;
  wrong: number;
  missing: number;
}

/**
 * Compares extracted figures with the expected values of a report (money compared in 万元, to 1e-6).
 *
 * @example
 * compareFigures({ 'active.total': 84 }, report.figures).score; // { expected: 1, exact: 1, wrong: 0, missing: 0 }
 */
export function compareFigures(
  expected: Record<string, number>,
  figures: Record<string, Figure>,
): { results: KeyResult[]; score: Score } {
  const results: KeyResult[] = Object.entries(expected).map(([key, value]) => {
    const found = figures[key]?.value;
    if (found === undefined) return { key, expected: value, verdict: 'missing' };
    return { key, expected: value, found, verdict: Math.abs(found - value) < 1e-6 ? 'exact' : 'wrong' };
  });
  return { results, score: tally(results) };
}

function tally(results: KeyResult[]): Score {
  const score: Score = { expected: results.length, exact: 0, wrong: 0, missing: 0 };
  for (const r of results) score[r.verdict]++;
  return score;
}

/**
 * Merges the expected files of one report (tables and prose parts); a key given twice with different
 * values is an error in the expected files.
 *
 * @example
 * mergeExpected([tables, prose]); // { 'requests.newReceived.total': 70, 'fees.informationProcessing': 0, … }
 */
export function mergeExpected(files: ExpectedFile[]): Record<string, number> {
  const merged: Record<string, number> = {};
  for (const f of files) {
    for (const [key, value] of Object.entries(f.figures)) {
      if (key in merged && merged[key] !== value) {
        throw new Error(`${f.file}: ${key} expected both ${merged[key]} and ${value}`);
      }
      merged[key] = value;
    }
  }
  return merged;
}
