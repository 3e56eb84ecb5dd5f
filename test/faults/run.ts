import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseText } from '../../src/core/pipeline.js';
import type { Anomaly, Span } from '../../src/model/index.js';
import { checkAcross, digestReport } from '../../src/rules/index.js';
import { CORPUS, manifest } from '../helpers/corpus.js';
import { type Base, candidates, FAULT_KINDS, type Fault, type FaultKind, seeded } from './inject.js';

/**
 * Runs single injected faults over clean corpus reports and tells, for each, whether a rule of the
 * fault's family pointed at the changed place (faults) or whether anything new was raised (harmless edits).
 */

/** The outcome of one mutated report. */
export interface Outcome {
  fault: Fault;
  /** A fault: found at the changed place. A harmless edit: nothing new raised. */
  ok: boolean;
  /** Anomalies the mutation added (rule id and reason), for the miss list. */
  added: string[];
}

/** The plain-text corpus reports of eras A, B and C, normalized once; mutations edit the normalized text. */
export function loadBases(): Base[] {
  return manifest()
    .filter((row) => row.format === 'txt' && row.era && !row.file.startsWith('seed-'))
    .map((row) => {
      const first = parseText(readFileSync(join(CORPUS, row.file), 'utf8'), { file: row.file });
      const text = first.text ?? '';
      return { file: row.file, text, report: parseText(text, { file: row.file }) };
    });
}

/**
 * At most `perKind` faults of each kind from one report, picked with a fixed seed so a run is repeatable.
 *
 * @example
 * sample(candidates(base, bases), 2);
 */
export function sample(faults: Fault[], perKind: number): Fault[] {
  const byKind = new Map<FaultKind, Fault[]>();
  for (const f of faults) byKind.set(f.kind, [...(byKind.get(f.kind) ?? []), f]);
  const out: Fault[] = [];
  for (const [kind, list] of byKind) {
    const rnd = seeded(`${list[0]?.file}:${kind}`);
    const pool = [...list];
    for (let i = 0; i < perKind && pool.length > 0; i++)
      out.push(...pool.splice(Math.floor(rnd() * pool.length), 1));
  }
  return out;
}

const key = (a: Anomaly) => `${a.ruleId}|${a.reason}`;

/** The anomalies of `after` that `before` does not have (counted, so a second equal anomaly is new). */
function added(before: Anomaly[], after: Anomaly[]): Anomaly[] {
  const left = new Map<string, number>();
  for (const a of before) left.set(key(a), (left.get(key(a)) ?? 0) + 1);
  return after.filter((a) => {
    const n = left.get(key(a)) ?? 0;
    if (n > 0) {
      left.set(key(a), n - 1);
      return false;
    }
    return true;
  });
}

const overlaps = (a: Span, b: Span) => a[0] < b[1] && b[0] < a[1];

function atPlace(a: Anomaly, spans: Span[], placeless: boolean): boolean {
  const places: Span[] = [
    ...(a.place ? [a.place] : []),
    ...a.evidence.map((e) => e.span).filter((s): s is Span => Boolean(s)),
  ];
  if (places.length === 0) return placeless;
  return places.some((p) => spans.some((s) => overlaps(p[0] === p[1] ? [p[0], p[0] + 1] : p, s)));
}

function across(base: { file: string; text: string }, partner: Base, reportText: string): Anomaly[] {
  const mine = parseText(reportText, { file: base.file });
  return checkAcross([digestReport(mine), digestReport(partner.report)])
    .filter((x) => x.file === base.file)
    .map((x) => x.anomaly);
}

/**
 * Parses the mutated report and judges the outcome.
 *
 * @example
 * const outcome = runFault(base, candidates(base, bases)[0]);
 */
export function runFault(base: Base, fault: Fault): Outcome {
  const spec = FAULT_KINDS[fault.kind] as {
    rules: readonly string[];
    placeless?: true;
    cross?: true;
    harmless?: true;
  };
  let before: Anomaly[];
  let after: Anomaly[];
  if (fault.partner) {
    before = across(base, fault.partner, base.text);
    after = across(base, fault.partner, fault.text);
  } else {
    before = base.report.anomalies;
    after = parseText(fault.text, { file: base.file }).anomalies;
  }
  const fresh = added(before, after);
  const ok = spec.harmless
    ? fresh.length === 0
    : fresh.some((a) => spec.rules.includes(a.ruleId) && atPlace(a, fault.spans, Boolean(spec.placeless)));
  return {
    fault,
    ok,
    added: fresh.map((a) => `${a.ruleId}${a.data?.kind ? `(${a.data.kind})` : ''}: ${a.reason}`),
  };
}

/** Counts per kind and per file. */
export interface Tally {
  byKind: Record<string, { ok: number; total: number }>;
  byFile: Record<string, { ok: number; total: number }>;
  faults: { ok: number; total: number };
  harmless: { ok: number; total: number };
}

/**
 * Runs `perKind` sampled faults of every kind on every clean report (`Infinity` for all of them).
 *
 * @example
 * const { tally } = runCampaign(loadBases(), 2);
 */
export function runCampaign(
  bases: Base[],
  perKind: number,
  only?: (kind: FaultKind) => boolean,
): { tally: Tally; outcomes: Outcome[] } {
  const outcomes: Outcome[] = [];
  for (const base of bases) {
    const others = pickDonors(base, bases);
    const all = candidates(base, others).filter((f) => !only || only(f.kind));
    for (const fault of sample(all, perKind)) outcomes.push(runFault(base, fault));
  }
  return { tally: tallyOf(outcomes), outcomes };
}

/** Six donors of other agencies for copied paragraphs, and every report of the same agency for chains. */
function pickDonors(base: Base, bases: Base[]): Base[] {
  const rnd = seeded(`donor:${base.file}`);
  const strangers = bases.filter((b) => b.report.meta.agency !== base.report.meta.agency);
  const kin = bases.filter((b) => b !== base && !strangers.includes(b));
  const picked = [0, 1]
    .map(() => strangers[Math.floor(rnd() * strangers.length)])
    .filter((b): b is Base => Boolean(b));
  return [...new Set([...kin, ...picked])];
}

function tallyOf(outcomes: Outcome[]): Tally {
  const t: Tally = { byKind: {}, byFile: {}, faults: { ok: 0, total: 0 }, harmless: { ok: 0, total: 0 } };
  const bump = (r: Record<string, { ok: number; total: number }>, k: string, ok: boolean) => {
    const c = r[k] ?? { ok: 0, total: 0 };
    c.total++;
    if (ok) c.ok++;
    r[k] = c;
  };
  for (const o of outcomes) {
    const harmless = 'harmless' in FAULT_KINDS[o.fault.kind];
    bump(t.byKind, o.fault.kind, o.ok);
    if (!harmless) bump(t.byFile, o.fault.file, o.ok);
    const whole = harmless ? t.harmless : t.faults;
    whole.total++;
    if (o.ok) whole.ok++;
  }
  return t;
}

/** The tally as a printable table, then every miss with what the mutation added. */
export function renderTally(t: Tally, outcomes: Outcome[]): string {
  const pct = (c: { ok: number; total: number }) => `${((100 * c.ok) / Math.max(1, c.total)).toFixed(1)} %`;
  const lines = [
    `faults found at the changed place: ${t.faults.ok} of ${t.faults.total} (${pct(t.faults)})`,
    `harmless edits that raised nothing: ${t.harmless.ok} of ${t.harmless.total}`,
    '',
    'kind                      found / total',
    ...Object.entries(t.byKind).map(([k, c]) => `${k.padEnd(26)}${String(c.ok).padStart(5)} / ${c.total}`),
    '',
    'file                                           found / total',
    ...Object.entries(t.byFile).map(([k, c]) => `${k.padEnd(47)}${String(c.ok).padStart(5)} / ${c.total}`),
    '',
    'misses:',
    ...outcomes
      .filter((o) => !o.ok)
      .map(
        (o) => `${o.fault.kind} | ${o.fault.file} | ${o.fault.note} | added: ${o.added.join('; ') || '—'}`,
      ),
  ];
  return lines.join('\n');
}
