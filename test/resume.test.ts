import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../src/model/index.js';
import { readResume, resumeKey } from '../src/node/resume.js';
import { jsonlRecords, runCli, scratch } from './helpers/cli.js';
import { CORPUS, fixturePath, manifest, ROOT } from './helpers/corpus.js';

const SEED = fixturePath('seed-2018-shulan-minzheng.txt');

/** Invented distinct variants of the seed, two byte-identical copies, and an invented empty file. */
function folder(): string {
  const dir = scratch();
  const seed = readFileSync(SEED, 'utf8');
  for (let i = 0; i < 5; i++) writeFileSync(join(dir, `invented-${i}.txt`), `${seed}\n附注${i}\n`);
  copyFileSync(SEED, join(dir, 'same-a.txt'));
  copyFileSync(SEED, join(dir, 'same-b.txt'));
  writeFileSync(join(dir, 'invented-empty.txt'), '');
  return dir;
}

function files(path: string): string[] {
  return jsonlRecords<Report>(readFileSync(path, 'utf8'))
    .map((r) => r.file)
    .sort();
}

describe('--resume', () => {
  it('continues a journal cut mid-record: nothing lost, nothing duplicated, identical files kept apart', async () => {
    const dir = folder();
    const full = await runCli(['parse', '.', '-q', '--jobs', '1', '-f', 'jsonl', '-o', 'full.jsonl'], {
      cwd: dir,
    });
    expect(full.code).toBe(0);
    const lines = readFileSync(join(dir, 'full.jsonl'), 'utf8').split('\n');
    const all = files(join(dir, 'full.jsonl'));
    expect(all).toHaveLength(8);
    // an interrupted run: three records (one of the identical pair among them) and half of a fourth
    const kept = lines.filter(
      (l) =>
        l.includes('"file":"same-a.txt"') ||
        l.includes('"file":"invented-1.txt"') ||
        l.includes('"file":"invented-empty.txt"'),
    );
    const torn = (lines.find((l) => l.includes('"file":"invented-3.txt"')) ?? '').slice(0, 500);
    writeFileSync(join(dir, 'out.jsonl.partial'), `${kept.join('\n')}\n${torn}`);
    const run = await runCli(['parse', '.', '--jobs', '2', '--resume', 'out.jsonl', '--ignore', '*.jsonl'], {
      cwd: dir,
    });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(
      `3 records already there, cut a torn last line of ${Buffer.byteLength(torn)} bytes`,
    );
    expect(run.stderr).toMatch(/3 already done/);
    expect(existsSync(join(dir, 'out.jsonl.partial'))).toBe(false);
    expect(files(join(dir, 'out.jsonl'))).toEqual(all);
  });

  it('adds nothing when the output is complete, and only new files when the folder grew', async () => {
    const dir = folder();
    await runCli(['parse', '.', '-q', '--jobs', '1', '--resume', 'out.jsonl', '--ignore', '*.jsonl'], {
      cwd: dir,
    });
    const first = readFileSync(join(dir, 'out.jsonl'), 'utf8');
    const again = await runCli(
      ['parse', '.', '--jobs', '1', '--resume', 'out.jsonl', '--ignore', '*.jsonl'],
      { cwd: dir },
    );
    expect(again.stderr).toMatch(/8 already done/);
    expect(readFileSync(join(dir, 'out.jsonl'), 'utf8')).toBe(first);
    writeFileSync(join(dir, 'invented-new.txt'), '新增的报告');
    await runCli(['parse', '.', '-q', '--jobs', '1', '--resume', 'out.jsonl', '--ignore', '*.jsonl'], {
      cwd: dir,
    });
    const after = readFileSync(join(dir, 'out.jsonl'), 'utf8');
    expect(after.startsWith(first)).toBe(true);
    expect(jsonlRecords<Report>(after.slice(first.length)).map((r) => r.file)).toEqual(['invented-new.txt']);
  });

  it('is refused for check and for a second jsonl output', async () => {
    expect((await runCli(['check', SEED, '--resume', 'x.jsonl'])).code).toBe(2);
    expect((await runCli(['parse', SEED, '--resume', 'x.jsonl', '-o', 'jsonl=y.jsonl'])).code).toBe(2);
  });

  it('readResume counts records by content hash and file name', async () => {
    const dir = scratch();
    const path = join(dir, 'a.jsonl');
    writeFileSync(
      path,
      '{"file":"a","hash":"h1"}\n\nnot json\n{"file":"b","hash":""}\n{"file":"c","hash":"h1"}\n{"file":"d","ha',
    );
    const state = await readResume(path);
    expect([...state.done.entries()]).toEqual([
      ['h1', 2],
      ['file:b', 1],
    ]);
    expect(state).toMatchObject({ records: 3, invalid: 1, truncatedBytes: 15 });
    expect(statSync(path).size).toBe(readFileSync(path, 'utf8').lastIndexOf('\n') + 1);
    expect(resumeKey({ file: 'x', hash: '' })).toBe('file:x');
  });
});

describe('--resume after a real kill', () => {
  it('a killed `parse --jobs 2 -o out.jsonl` rerun with --resume has every corpus report exactly once', async () => {
    const dir = scratch();
    const out = join(dir, 'out.jsonl');
    const partial = `${out}.partial`;
    const args = [
      join(ROOT, 'bin/xxgk.js'),
      'parse',
      CORPUS,
      '--jobs',
      '2',
      '-f',
      'jsonl',
      '--ignore',
      'README.md',
      '--ignore',
      'CANDIDATES.md',
      '-q',
    ];
    const child = spawn(process.execPath, [...args, '-o', out, '--debug-delay', '150'], { stdio: 'ignore' });
    const lines = () => (existsSync(partial) ? readFileSync(partial, 'utf8').split('\n').length - 1 : 0);
    await new Promise<void>((done, fail) => {
      const started = Date.now();
      const poll = setInterval(() => {
        if (lines() >= 6) {
          clearInterval(poll);
          child.kill('SIGKILL');
          done();
        } else if (Date.now() - started > 90_000) {
          clearInterval(poll);
          child.kill('SIGKILL');
          fail(new Error('the child wrote too few records'));
        }
      }, 20);
    });
    await new Promise((done) => child.once('exit', done));
    const before = lines();
    expect(before).toBeGreaterThanOrEqual(6);
    expect(before).toBeLessThan(manifest().length);
    expect(existsSync(out)).toBe(false);
    const run = await runCli([
      'parse',
      CORPUS,
      '--jobs',
      '2',
      '--ignore',
      'README.md',
      '--ignore',
      'CANDIDATES.md',
      '-q',
      '--resume',
      out,
    ]);
    expect(run.code).toBe(0);
    const names = files(out).map((f) => f.slice(CORPUS.length + 1));
    expect(names).toEqual(
      manifest()
        .map((m) => m.file)
        .sort(),
    );
    // Two full passes over the whole corpus (about a hundred reports), on however many cores CI has.
  }, 240_000);
});
