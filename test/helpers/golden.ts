import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Report } from '../../src/model/index.js';
import { ROOT } from './corpus.js';

/** Where the snapshot of every corpus report lives; rewrite it with `npm run golden`. */
export const GOLDEN_PATH = join(ROOT, 'test/expected/golden/reports.json');

/** One corpus report reduced to hashes: the whole record, each top-level field, and each figure's value. */
export interface GoldenEntry {
  hash: string;
  fields: Record<string, string>;
  figures: Record<string, number | string | null>;
}

const sha = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);

/** The report without what changes from run to run (timing), so equal content gives equal hashes. */
export function stableReport(report: Report): Omit<Report, 'stats'> & { stats: Omit<Report['stats'], 'ms'> } {
  const { ms: _ms, ...stats } = report.stats;
  return { ...report, stats };
}

/** The snapshot entry of one report. */
export function goldenEntry(report: Report): GoldenEntry {
  const stable = stableReport(report);
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(stable)) fields[name] = sha(value);
  const figures: GoldenEntry['figures'] = {};
  for (const key of Object.keys(report.figures).sort()) {
    const value = report.figures[key]?.value;
    figures[key] = typeof value === 'number' || typeof value === 'string' ? value : null;
  }
  return { hash: sha(stable), fields, figures };
}

/** The stored snapshot, or an empty one before the first `npm run golden`. */
export function readGolden(): Record<string, GoldenEntry> {
  try {
    return JSON.parse(readFileSync(GOLDEN_PATH, 'utf8')) as Record<string, GoldenEntry>;
  } catch {
    return {};
  }
}

/** Writes the snapshot, files in name order so a regenerated snapshot diffs line by line. */
export function writeGolden(entries: Record<string, GoldenEntry>): void {
  const sorted = Object.fromEntries(
    Object.keys(entries)
      .sort()
      .map((k) => [k, entries[k]]),
  );
  writeFileSync(GOLDEN_PATH, `${JSON.stringify(sorted, null, 1)}\n`);
}

/** What differs between two entries, one readable line per top-level field and per figure. */
export function describeDifference(expected: GoldenEntry | undefined, actual: GoldenEntry): string[] {
  if (!expected) return ['not in the snapshot (run `npm run golden`)'];
  const lines: string[] = [];
  const names = new Set([...Object.keys(expected.fields), ...Object.keys(actual.fields)]);
  for (const name of names) {
    if (expected.fields[name] !== actual.fields[name]) lines.push(`field ${name} differs`);
  }
  const keys = new Set([...Object.keys(expected.figures), ...Object.keys(actual.figures)]);
  for (const key of [...keys].sort()) {
    const [was, now] = [expected.figures[key], actual.figures[key]];
    if (was !== now) lines.push(`figure ${key}: ${String(was)} → ${String(now)}`);
  }
  return lines;
}
