import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Anomaly, Report, Span } from '../../src/model/index.js';
import { ROOT } from './corpus.js';

/** The hand-verified real inconsistencies of the corpus (file, kind, evidence, expected, actual, note). */
export const KNOWN = join(ROOT, 'test', 'expected', 'wide', 'anomalies.known.tsv');
/** The known inconsistencies that no rule finds yet, one `file | kind | evidence` line each. */
export const MISSING = join(ROOT, 'test', 'expected', 'anomalies.missing.txt');

/** One row of anomalies.known.tsv. */
export interface KnownAnomaly {
  file: string;
  kind: string;
  evidence: string;
  expected: string;
  actual: string;
}

/**
 * The rows of anomalies.known.tsv.
 *
 * @example
 * readKnown().filter((k) => k.kind === 'text-table-mismatch').length;
 */
export function readKnown(): KnownAnomaly[] {
  const [head, ...lines] = readFileSync(KNOWN, 'utf8').split('\n');
  const cols = (head ?? '').split('\t');
  return lines
    .filter((l) => l.trim())
    .map((line) => {
      const cells = line.split('\t');
      const get = (name: string) => (cells[cols.indexOf(name)] ?? '').replace(/\\n/g, '\n');
      return {
        file: get('file'),
        kind: get('kind'),
        evidence: get('evidence'),
        expected: get('expected'),
        actual: get('actual'),
      };
    });
}

/** The line of anomalies.missing.txt naming a known anomaly. */
export function missingLine(k: KnownAnomaly): string {
  return [k.file, k.kind, k.evidence.replace(/\s+/g, ' ')].join(' | ');
}

/** Folds what differs between a hand-copied excerpt and the loaded text: spacing, width of punctuation. */
function fold(ch: string): string {
  const map: Record<string, string> = { ',': '，', ';': '；', ':': '：', '(': '（', ')': '）' };
  return map[ch] ?? ch;
}

/** Every place where `needle` stands in `text`, ignoring whitespace and the width of punctuation. */
export function locate(text: string, needle: string): Span[] {
  const want = [...needle].filter((c) => !/\s/.test(c)).map(fold);
  if (want.length === 0) return [];
  const chars: string[] = [];
  const at: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (/\s/.test(c)) continue;
    chars.push(fold(c));
    at.push(i);
  }
  const out: Span[] = [];
  for (let i = 0; i + want.length <= chars.length; i++) {
    let ok = true;
    for (let j = 0; j < want.length && ok; j++) ok = chars[i + j] === want[j];
    if (ok) out.push([at[i] as number, (at[i + want.length - 1] as number) + 1]);
  }
  return out;
}

function overlaps(a: Span, b: Span): boolean {
  return a[0] < b[1] && b[0] < a[1];
}

/**
 * Whether a report's anomalies find a known one: an anomaly of the same rule whose place or evidence
 * overlaps the quoted text; where the quote is a description rather than the text (a table cell read as
 * `结果维持 10, 总计 0`), an anomaly of the same rule with the same pair of expected and actual values.
 *
 * @example
 * isFound(known, report, report.anomalies);
 */
export function isFound(known: KnownAnomaly, report: Report, anomalies: Anomaly[]): boolean {
  const same = anomalies.filter((a) => a.ruleId === known.kind);
  if (same.length === 0) return false;
  const where = locate(report.text ?? '', known.evidence);
  if (where.length === 0) {
    // Rules differ in which side they call expected (the printed total or the sum of its parts).
    const want = [known.expected, known.actual].sort().join(' ');
    return same.some((a) => [String(a.expected), String(a.actual)].sort().join(' ') === want);
  }
  return same.some((a) => {
    const spans = [...(a.place ? [a.place] : []), ...a.evidence.filter((e) => !e.file).map((e) => e.span)];
    return spans.some((s) => where.some((w) => overlaps(s, w)));
  });
}
