import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../src/model/index.js';
import { createInlineRunner, createPoolRunner, resolveJobs } from '../src/node/pool.js';
import { jsonlRecords, runCli, scratch } from './helpers/cli.js';
import { CORPUS, fixturePath } from './helpers/corpus.js';

const SEED = fixturePath('seed-2018-shulan-minzheng.txt');

/** Invented variants of the seed (distinct bytes) plus an invented empty file. */
function variants(n: number): string {
  const dir = scratch();
  const seed = readFileSync(SEED, 'utf8');
  for (let i = 0; i < n; i++)
    writeFileSync(join(dir, `invented-${String(i).padStart(2, '0')}.txt`), `${seed}\n附注${i}\n`);
  writeFileSync(join(dir, 'invented-empty.txt'), '');
  return dir;
}

function stable(r: Report): Report {
  return { ...r, stats: { ...r.stats, ms: 0 } };
}

describe('worker pool', () => {
  it('gives the same records with --jobs 1 and --jobs 2 (--sort keeps input order)', async () => {
    // one file of each format (the quick ones), or invented files without the corpus
    const inputs = [
      'seed-2018-shulan-minzheng.*',
      'pingtan-syq-2024.*',
      'pingtan-syq-201[1-4].txt',
      'shanghai-kewei-2024.md',
    ];
    const cwd = CORPUS;
    const args = ['parse', ...inputs, '-f', 'jsonl', '-q', '--ignore', 'README.md'];
    const one = jsonlRecords<Report>((await runCli([...args, '--jobs', '1'], { cwd })).stdout);
    const two = jsonlRecords<Report>((await runCli([...args, '--jobs', '2', '--sort'], { cwd })).stdout);
    expect(new Set(one.map((r) => r.format)).size).toBeGreaterThanOrEqual(5);
    expect(two.map(stable)).toEqual(one.map(stable));
    expect(one.map((r) => r.file)).toEqual([...one.map((r) => r.file)].sort());
  });

  it('abandons a hanging file after --timeout, replaces its worker and finishes the batch', async () => {
    const dir = variants(5);
    const run = await runCli(
      ['parse', '.', '-f', 'jsonl', '--jobs', '2', '--timeout', '1500', '--debug-hang', 'invented-01'],
      {
        cwd: dir,
      },
    );
    expect(run.code).toBe(0);
    const records = jsonlRecords<Report>(run.stdout);
    expect(records).toHaveLength(6);
    const hung = records.find((r) => r.file === 'invented-01.txt');
    expect(hung?.anomalies[0]?.ruleId).toBe('load-failed');
    expect(hung?.anomalies[0]?.data?.['code']).toBe('timeout');
    // the record still carries the content hash, so --resume recognises it
    expect(hung?.hash).toBe(
      createHash('sha256')
        .update(readFileSync(join(dir, 'invented-01.txt')))
        .digest('hex'),
    );
    const others = records.filter((r) => r.file !== 'invented-01.txt' && r.file !== 'invented-empty.txt');
    expect(others.every((r) => r.text && r.text.length > 1000)).toBe(true);
    expect(run.stderr).toMatch(/timeout 1/);
  });

  it('gives a file whose worker dies a worker-crashed record and replaces the worker', async () => {
    const dir = variants(4);
    const run = await runCli(
      ['parse', '.', '-f', 'jsonl', '-q', '--jobs', '2', '--sort', '--debug-crash', 'invented-00'],
      {
        cwd: dir,
      },
    );
    expect(run.code).toBe(0);
    const codes = jsonlRecords<Report>(run.stdout).map((r) => r.anomalies[0]?.data?.['code'] ?? 'ok');
    expect(codes.slice(0, 4)).toEqual(['worker-crashed', 'ok', 'ok', 'ok']);
    const inline = await runCli(
      ['parse', 'invented-00.txt', '-f', 'jsonl', '-q', '--jobs', '1', '--debug-crash', 'invented-00'],
      {
        cwd: dir,
      },
    );
    expect(jsonlRecords<Report>(inline.stdout)[0]?.anomalies[0]?.data?.['code']).toBe('internal-error');
  });

  it('gives a crashed file its content hash and counts it as failed, on one thread and in workers', async () => {
    const dir = variants(2);
    const sha = createHash('sha256')
      .update(readFileSync(join(dir, 'invented-00.txt')))
      .digest('hex');
    for (const [jobs, code] of [
      ['1', 'internal-error'],
      ['2', 'worker-crashed'],
    ] as const) {
      const run = await runCli(
        ['parse', '.', '-f', 'jsonl', '--jobs', jobs, '--debug-crash', 'invented-00'],
        { cwd: dir },
      );
      const crashed = jsonlRecords<Report>(run.stdout).find((r) => r.file === 'invented-00.txt');
      expect(crashed?.anomalies[0]?.data?.['code']).toBe(code);
      // hashed like any record, so --resume knows the file by its content, not by its name
      expect(crashed?.hash).toBe(sha);
      // the other failure is the invented empty file
      expect(run.stderr).toMatch(new RegExp(`failed: 2 \\(.*${code} 1`));
    }
  });

  it('applies the time limit on one thread too (an async hang)', async () => {
    const dir = variants(2);
    const run = await runCli(
      ['parse', '.', '-f', 'jsonl', '-q', '--jobs', '1', '--timeout', '200', '--debug-hang', 'invented-00'],
      {
        cwd: dir,
      },
    );
    const codes = jsonlRecords<Report>(run.stdout).map((r) => r.anomalies[0]?.data?.['code'] ?? 'ok');
    expect(codes).toEqual(['timeout', 'ok', expect.any(String)]);
  });

  it('runners return records, never reject, for missing files', async () => {
    for (const runner of [createInlineRunner(), createPoolRunner(1)]) {
      const { report } = await runner.run({ path: '/no/such/file.pdf', file: 'file.pdf', options: {} });
      expect(report.anomalies[0]?.ruleId).toBe('load-failed');
      await runner.close();
    }
  });

  it('resolves --jobs', () => {
    expect(resolveJobs('3', 10)).toBe(3);
    expect(resolveJobs('8', 2)).toBe(2);
    expect(resolveJobs('auto', 1)).toBe(1);
    expect(resolveJobs('auto', 100)).toBeGreaterThanOrEqual(1);
  });
});

describe('progress', () => {
  it('prints plain lines when stderr is not a terminal and a bar when it is', async () => {
    const { createProgress } = await import('../src/cli/progress.js');
    let clock = 0;
    let out = '';
    const lines = createProgress({
      write: (s) => (out += s),
      tty: false,
      quiet: false,
      intervalMs: 1000,
      now: () => clock,
    });
    lines.start(4);
    clock = 500;
    lines.tick(1, 0);
    clock = 2000;
    lines.tick(2, 1);
    lines.tick(4, 1);
    expect(out).toBe('xxgk: 2/4 files, 1.0 files/s, ETA 2 s, 1 failed\n');
    let bar = '';
    const tty = createProgress({ write: (s) => (bar += s), tty: true, quiet: false });
    tty.start(2);
    tty.tick(2, 0);
    tty.stop();
    expect(bar).toContain('2/2 files');
  });
});
