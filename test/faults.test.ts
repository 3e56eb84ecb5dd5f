import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FAULT_KINDS } from './faults/inject.js';
import { loadBases, type Outcome, renderTally, runCampaign, type Tally } from './faults/run.js';
import { ROOT } from './helpers/corpus.js';

/**
 * Single injected faults over clean corpus reports: each kind's count found at the changed place may only
 * rise (test/faults/ratchet.json; FAULTS_RATCHET=1 rewrites it), and harmless edits raise nothing.
 * The test samples one fault per kind and report; `npm run faults` runs the full campaign and prints it.
 */
const RATCHET = join(ROOT, 'test', 'faults', 'ratchet.json');
const FULL = process.env.FAULTS_FULL === '1';
/** While working on one kind: FAULTS_ONLY=title-year,stale-year (the ratchet is then not checked). */
const ONLY = process.env.FAULTS_ONLY?.split(',');

describe('single injected faults', () => {
  let tally: Tally;
  let outcomes: Outcome[];

  beforeAll(() => {
    ({ tally, outcomes } = runCampaign(loadBases(), FULL ? 6 : 1, ONLY && ((k) => ONLY.includes(k))));
    if (FULL || process.env.FAULTS_PRINT === '1') console.log(renderTally(tally, outcomes));
  }, 900_000);

  it('injects every kind of fault the checks are meant to find', () => {
    if (ONLY) return;
    expect(Object.keys(tally.byKind).sort()).toEqual(Object.keys(FAULT_KINDS).sort());
  });

  it('finds no fewer faults of any kind than recorded in test/faults/ratchet.json', () => {
    if (FULL || ONLY) return;
    const found = Object.fromEntries(Object.entries(tally.byKind).map(([k, c]) => [k, c.ok]));
    if (process.env.FAULTS_RATCHET === '1' || !existsSync(RATCHET)) {
      writeFileSync(RATCHET, `${JSON.stringify(found, null, 2)}\n`);
    }
    const floor = JSON.parse(readFileSync(RATCHET, 'utf8')) as Record<string, number>;
    for (const [kind, n] of Object.entries(floor)) expect(found[kind] ?? 0, kind).toBeGreaterThanOrEqual(n);
  });

  it('raises nothing on harmless edits', () => {
    const raised = outcomes.filter((o) => 'harmless' in FAULT_KINDS[o.fault.kind] && !o.ok);
    expect(raised.map((o) => `${o.fault.kind} ${o.fault.file}: ${o.added.join('; ')}`)).toEqual([]);
  });
});
