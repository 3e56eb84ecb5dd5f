import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Anomaly, Report } from '../src/model/index.js';
import { runAll } from '../src/node/engine.js';
import { checkReport } from '../src/rules/index.js';
import { spanInBounds } from '../src/rules/util/locate.js';
import { CORPUS, manifest, ROOT } from './helpers/corpus.js';
import { isFound, MISSING, missingLine, readKnown } from './helpers/known-anomalies.js';

/**
 * Every error-severity anomaly over the real corpus, one line each with a justification written after
 * reading the document: `file | ruleId | stated text | reason | justification`.
 * A new error (a false alarm or a newly found problem) or a vanished one fails the test; regenerate the
 * keys with UPDATE_GOLDEN=1 (justifications are kept, new lines get TODO and still fail).
 */
const GOLDEN = join(ROOT, 'test', 'expected', 'anomalies.golden.txt');
const SEP = ' | ';

function key(report: Report, a: Anomaly): string {
  const text =
    a.place && report.text ? report.text.slice(a.place[0], a.place[1]) : (a.evidence[0]?.text ?? '');
  const flat = text.replace(/\s+/g, ' ').slice(0, 40);
  return [report.file.split('/').pop(), a.ruleId, flat, a.reason].join(SEP);
}

function readGolden(): Map<string, string> {
  const out = new Map<string, string>();
  if (!existsSync(GOLDEN)) return out;
  for (const line of readFileSync(GOLDEN, 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const fields = line.split(SEP);
    out.set(fields.slice(0, 4).join(SEP), fields.slice(4).join(SEP).trim());
  }
  return out;
}

describe('error anomalies over the corpus', () => {
  const found: string[] = [];
  const reports: Report[] = [];

  beforeAll(async () => {
    // The batch engine adds the cross-report anomalies exactly as `xxgk check` does.
    reports.push(
      ...(await runAll(
        manifest().map((row) => row.file),
        { cwd: CORPUS },
      )),
    );
    for (const r of reports) for (const a of r.anomalies) if (a.severity === 'error') found.push(key(r, a));
    found.sort();
  }, 300_000);

  it('lists exactly the errors of test/expected/anomalies.golden.txt, each justified', () => {
    let golden = readGolden();
    if (process.env.UPDATE_GOLDEN === '1') {
      const head = [
        '# Every error-severity anomaly over ../shared/corpus, justified after reading the document.',
        '# file | ruleId | stated text | reason | justification',
        '# A justification starting with FALSE: marks an error that the document does not bear out (a rules or',
        '# metadata bug, kept listed so that it is fixed, not hidden); the text after it says what is really there.',
      ];
      const lines = found.map((k) => `${k}${SEP}${golden.get(k) || 'TODO'}`);
      writeFileSync(GOLDEN, `${[...head, ...lines].join('\n')}\n`);
      golden = readGolden();
    }
    expect(found).toEqual([...golden.keys()].sort());
    for (const [k, why] of golden) expect(why, `justification for ${k}`).toMatch(/^(?!TODO).{10,}/);
  });

  it('finds the known real anomalies except those of test/expected/anomalies.missing.txt (recall only grows)', () => {
    const known = readKnown();
    const byFile = new Map(reports.map((r) => [r.file.split('/').pop() as string, r]));
    const missing = known
      .filter((k) => {
        const report = byFile.get(k.file);
        return !report || !isFound(k, report, report.anomalies);
      })
      .map(missingLine);
    const head = [
      '# Known real anomalies (test/expected/wide/anomalies.known.tsv) that no rule finds yet: file | kind | evidence.',
      '# Found means an anomaly of that rule whose place or evidence overlaps the quoted text (or, where the quote',
      '# describes table cells, the same expected and actual values). Regenerate with UPDATE_GOLDEN=1; a line may',
      '# only leave this file, never join it.',
      `# Recall: ${known.length - missing.length} of ${known.length} found.`,
    ];
    const body = `${[...head, ...missing].join('\n')}\n`;
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(MISSING, body);
    const listed = existsSync(MISSING)
      ? readFileSync(MISSING, 'utf8')
          .split('\n')
          .filter((l) => l.trim() && !l.startsWith('#'))
      : [];
    const lost = missing.filter((m) => !listed.includes(m));
    expect(lost, 'known anomalies no longer found').toEqual([]);
    expect(listed, 'anomalies.missing.txt lists ones now found (stale)').toEqual(missing);
  });

  it('keeps every anomaly of every rule (strict) on its text: places in bounds, evidence slicing to its text', () => {
    let count = 0;
    for (const report of reports) {
      const text = report.text ?? '';
      for (const a of checkReport(report, 'strict')) {
        count++;
        expect(
          a.severity === 'info' && a.data?.messageId === 'crashed',
          `${a.ruleId} crashed on ${report.file}`,
        ).toBe(false);
        if (a.place) expect(spanInBounds(a.place, text), `${a.ruleId} place in ${report.file}`).toBe(true);
        for (const e of a.evidence) {
          if (e.file) continue;
          expect(text.slice(e.span[0], e.span[1]), `${a.ruleId} ${e.role} in ${report.file}`).toBe(e.text);
        }
      }
    }
    expect(count).toBeGreaterThan(0);
  });
});
