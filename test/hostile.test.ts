import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { interruptMessage, RESTORE_TERMINAL } from '../src/cli/interrupt.js';
import type { Report } from '../src/model/index.js';
import { jsonlRecords, runCli, scratch } from './helpers/cli.js';
import { CASES, fixturePath, ROOT } from './helpers/corpus.js';

const REJECTION = 'pdf-fuzz-unhandled-rejection.pdf';
const SLOW = 'pdf-fuzz-slow-numbers.pdf';
const SEED = fixturePath('seed-2018-shulan-minzheng.txt');

/** Runs the built CLI (or a script) in a child process: what a user runs, with signals and exit codes. */
function run(
  args: string[],
  options: { cwd?: string } = {},
): Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, args, { cwd: options.cwd });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('close', (code, signal) => done({ code, signal, stdout, stderr }));
  });
}

/** A batch folder: both hostile cases, a small real PDF and three invented text reports. */
function hostileBatch(): string {
  const dir = scratch();
  for (const name of [REJECTION, SLOW]) copyFileSync(join(CASES, name), join(dir, name));
  copyFileSync(fixturePath('invented-table-2pages.pdf'), join(dir, 'invented-table-2pages.pdf'));
  const seed = readFileSync(SEED, 'utf8');
  for (let i = 0; i < 3; i++) writeFileSync(join(dir, `invented-${i}.txt`), `${seed}\n附注${i}\n`);
  return dir;
}

function failureCode(report: Report | undefined): unknown {
  return report?.anomalies.find((a) => a.ruleId === 'load-failed')?.data?.['code'];
}

describe('hostile PDFs (test/cases) never stop a batch', () => {
  it.each(['1', '2'])(
    '--jobs %s: one load-failed record each, every other record written, exit 0',
    async (jobs) => {
      const dir = hostileBatch();
      const out = join(dir, 'out.jsonl');
      const result = await run(
        [
          join(ROOT, 'bin/xxgk.js'),
          'parse',
          '.',
          '--jobs',
          jobs,
          // far below the slow file's minutes, far above what the others need on a loaded machine
          '--timeout',
          '30000',
          '-f',
          'jsonl',
          '-o',
          out,
          '-q',
        ],
        { cwd: dir },
      );
      expect(result.stderr).not.toMatch(/UnhandledPromiseRejection|ERR_UNHANDLED_REJECTION|FATAL/);
      expect(result.code).toBe(0);
      const records = jsonlRecords<Report>(readFileSync(out, 'utf8'));
      expect(records.map((r) => r.file).sort()).toEqual(
        [
          'invented-0.txt',
          'invented-1.txt',
          'invented-2.txt',
          'invented-table-2pages.pdf',
          REJECTION,
          SLOW,
        ].sort(),
      );
      const byFile = new Map(records.map((r) => [r.file, r]));
      expect(failureCode(byFile.get(REJECTION))).toBe('corrupt');
      expect(failureCode(byFile.get(SLOW))).toBe('timeout');
      for (const r of records.filter((r) => r.file.startsWith('invented-'))) {
        expect(failureCode(r), r.file).toBeUndefined();
        expect(r.text?.length, r.file).toBeGreaterThan(50);
      }
      expect(existsSync(`${out}.partial`)).toBe(false);
    },
    180_000,
  );

  it('parseFile of the built library gives each a load-failed record and the caller lives on', async () => {
    const script = [
      `const { parseFile } = await import(${JSON.stringify(join(ROOT, 'dist/index.js'))});`,
      'const out = [];',
      `for (const [name, timeoutMs] of ${JSON.stringify([
        [REJECTION, 60_000],
        [SLOW, 5000],
      ])}) {`,
      `  const r = await parseFile(${JSON.stringify(CASES)} + '/' + name, { limits: { timeoutMs } });`,
      '  out.push([name, r.anomalies.map((a) => a.ruleId + ":" + a.data?.code)]);',
      '}',
      'console.log(JSON.stringify(out));',
    ].join('\n');
    const result = await run(['--input-type=module', '-e', script]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout), result.stdout).toEqual([
      [REJECTION, ['load-failed:corrupt']],
      [SLOW, ['load-failed:timeout']],
    ]);
  }, 120_000);
});

describe('a PDF with one page pdf.js cannot read (test/cases/pdf-unreadable-page-2.pdf)', () => {
  const NAME = 'pdf-unreadable-page-2.pdf';
  const expectPartial = (report: Report | undefined, how: string) => {
    const partial = report?.anomalies.filter((a) => a.ruleId === 'load-partial') ?? [];
    // one warning naming the page and why; not also "no text layer" (unknown for a page never read)
    expect(
      partial.map((a) => [a.severity, a.data?.['warning']]),
      how,
    ).toEqual([['warning', expect.stringMatching(/^page 2 could not be read: Inconsistent generation/)]]);
    expect(
      report?.anomalies.some((a) => a.ruleId === 'load-failed'),
      how,
    ).toBe(false);
    // pages 1, 3 and 4 are read: the title on page 1, the signature date on page 4
    expect(report?.meta.agency, how).toBe('舒兰市民政局');
    expect(report?.text, how).toContain('2019年1月14日');
  };

  it('gives a record with one load-partial warning through the CLI (--jobs 1 and 2) and parseFile', async () => {
    for (const jobs of ['1', '2']) {
      const result = await run(
        [join(ROOT, 'bin/xxgk.js'), 'parse', NAME, '--jobs', jobs, '-f', 'jsonl', '-q'],
        {
          cwd: CASES,
        },
      );
      expect(result.code, result.stderr).toBe(0);
      expectPartial(jsonlRecords<Report>(result.stdout)[0], `--jobs ${jobs}`);
    }
    const script = [
      `const { parseFile } = await import(${JSON.stringify(join(ROOT, 'dist/index.js'))});`,
      `console.log(JSON.stringify(await parseFile(${JSON.stringify(join(CASES, NAME))})));`,
    ].join('\n');
    const library = await run(['--input-type=module', '-e', script]);
    expectPartial(JSON.parse(library.stdout), 'parseFile');
  }, 120_000);
});

/** A process's state and parent from /proc (Linux): undefined once it is gone. */
function procStat(pid: number): { state: string; ppid: number } | undefined {
  try {
    // the command name in parentheses may hold spaces; the fields after it are fixed
    const after = readFileSync(`/proc/${pid}/stat`, 'utf8')
      .replace(/^.*\) /s, '')
      .split(' ');
    return { state: after[0] ?? '', ppid: Number(after[1]) };
  } catch {
    return undefined;
  }
}

/** The load sandbox processes whose parent is `parent`. */
function sandboxesOf(parent: number): number[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d) && procStat(Number(d))?.ppid === parent)
    .map(Number)
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('load-child.js');
      } catch {
        return false;
      }
    });
}

async function until<T>(probe: () => T | undefined, ms: number): Promise<T | undefined> {
  const end = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value !== undefined || Date.now() > end) return value;
    await new Promise((done) => setTimeout(done, 50));
  }
}

describe('the load sandbox process', () => {
  it.skipIf(process.platform !== 'linux')(
    'ends when its parent is killed with SIGKILL in the middle of a slow PDF',
    async () => {
      // a library caller reading the slow PDF with a time limit far beyond the test
      const script = [
        `const { parseFile } = await import(${JSON.stringify(join(ROOT, 'dist/index.js'))});`,
        `await parseFile(${JSON.stringify(join(CASES, SLOW))}, { limits: { timeoutMs: 600000 } });`,
      ].join('\n');
      const parent = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: 'ignore' });
      const exited = new Promise((done) => parent.once('exit', done));
      const pid = parent.pid as number;
      const sandbox = await until(() => sandboxesOf(pid)[0], 60_000);
      expect(sandbox, 'the sandbox process started').toBeDefined();
      // give it time to be deep inside the parse (the file takes minutes)
      await new Promise((done) => setTimeout(done, 3000));
      expect(procStat(sandbox as number)?.state).toMatch(/[RS]/);
      parent.kill('SIGKILL');
      await exited;
      // gone, or a zombie waiting for whoever adopted it to collect its exit status
      const ended = await until(() => {
        const stat = procStat(sandbox as number);
        return !stat || stat.state === 'Z' ? true : undefined;
      }, 5000);
      if (!ended) process.kill(sandbox as number, 'SIGKILL');
      expect(ended, 'the sandbox ended within 5 s of its parent').toBe(true);
    },
    120_000,
  );
});

describe('worker crashes', () => {
  it('a worker crashing on 50 files in a row gives 50 worker-crashed records and the run ends normally', async () => {
    const dir = scratch();
    const seed = readFileSync(SEED, 'utf8');
    for (let i = 0; i < 50; i++)
      writeFileSync(join(dir, `crash-${String(i).padStart(2, '0')}.txt`), `${seed}\n${i}\n`);
    writeFileSync(join(dir, 'fine.txt'), seed);
    const result = await run(
      [
        join(ROOT, 'bin/xxgk.js'),
        'parse',
        '.',
        '--jobs',
        '2',
        '-f',
        'jsonl',
        '-q',
        '--no-text',
        '--debug-crash',
        'crash-',
      ],
      { cwd: dir },
    );
    expect(result.stderr).not.toMatch(/FATAL|process\.exit/);
    expect(result.code).toBe(0);
    const records = jsonlRecords<Report>(result.stdout);
    expect(records).toHaveLength(51);
    expect(records.filter((r) => failureCode(r) === 'worker-crashed')).toHaveLength(50);
    expect(failureCode(records.find((r) => r.file === 'fine.txt'))).toBeUndefined();
  }, 300_000);
});

describe('errors say what they are', () => {
  it('an exception on the main thread gives an internal-error record with the stack, not load-failed', async () => {
    const dir = scratch();
    copyFileSync(SEED, join(dir, 'a.txt'));
    const result = await runCli(
      ['parse', 'a.txt', '-f', 'jsonl', '-q', '--jobs', '1', '--debug-crash', 'a.txt'],
      {
        cwd: dir,
      },
    );
    const [record] = jsonlRecords<Report>(result.stdout);
    expect(record?.anomalies.map((a) => a.ruleId)).toEqual(['internal-error']);
    expect(record?.anomalies[0]?.severity).toBe('error');
    expect(String(record?.anomalies[0]?.data?.['stack'])).toMatch(/simulated crash\n\s+at /);
  });
});

describe('Ctrl-C', () => {
  it('restores the terminal and says how to resume', () => {
    const text = interruptMessage({
      signal: 'SIGINT',
      tty: true,
      journals: [{ target: '/w/out.jsonl', journal: '/w/out.jsonl.partial' }],
      cwd: '/w',
    });
    expect(text.startsWith(RESTORE_TERMINAL)).toBe(true);
    expect(text).toContain('--resume out.jsonl');
    expect(interruptMessage({ signal: 'SIGTERM', tty: false, journals: [] })).not.toContain('\u001b');
  });

  it('SIGINT ends a --jobs 1 run inside a slow PDF with exit 130; --resume then finishes the batch', async () => {
    const dir = hostileBatch();
    const out = join(dir, 'out.jsonl');
    const partial = `${out}.partial`;
    // the slow PDF sorts first after the 'invented-' files; the signal arrives while it is being read
    const args = [join(ROOT, 'bin/xxgk.js'), 'parse', '.', '--jobs', '1', '--timeout', '10000', '-q'];
    const child = spawn(process.execPath, [...args, '-f', 'jsonl', '-o', out], { cwd: dir });
    let stderr = '';
    child.stderr.on('data', (c) => (stderr += c));
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    await new Promise<void>((done) => {
      const poll = setInterval(() => {
        const lines = existsSync(partial) ? readFileSync(partial, 'utf8').split('\n').length - 1 : 0;
        if (lines >= 5) {
          clearInterval(poll);
          done();
        }
      }, 20);
    });
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(stderr).toContain('interrupted (SIGINT)');
    expect(stderr).toContain('--resume out.jsonl');
    const kept = jsonlRecords<Report>(readFileSync(partial, 'utf8')).length;
    expect(kept).toBeGreaterThanOrEqual(5);
    const resumed = await run([...args, '--resume', out], { cwd: dir });
    expect(resumed.stderr).toBe('');
    expect(resumed.code).toBe(0);
    const records = jsonlRecords<Report>(readFileSync(out, 'utf8'));
    expect(records).toHaveLength(6);
    expect(new Set(records.map((r) => r.file)).size).toBe(6);
  }, 120_000);
});
