import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/corpus.js';

describe('fuzz (short, fixed seed)', () => {
  it('every mutated input gets exactly one valid record in worker threads, on the main thread and through the library', () => {
    const run = spawnSync(
      process.execPath,
      [join(ROOT, 'scripts/fuzz.mjs'), '--seed', '7', '--count', '10', '--quick'],
      {
        encoding: 'utf8',
      },
    );
    expect(run.stdout).toMatch(
      /fuzz: ok, 30 records for 10 inputs in jobs2,jobs1,library; 0 crashes, 0 hangs, 0 lost records/,
    );
    expect(run.status).toBe(0);
    // every mutation kind took part
    for (const kind of [
      'truncate',
      'bitflip',
      'zip-shuffle',
      'wrong-extension',
      'zip-many-entries',
      'entity-bomb',
      'garbage',
    ]) {
      expect(run.stdout).toMatch(new RegExp(`${kind} \\d+`));
    }
  }, 300_000);
});
