import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../src/model/index.js';
import { ReportSchema } from '../src/model/index.js';
import { jsonlRecords, runCli, scratch } from './helpers/cli.js';
import { fixturePath, ROOT } from './helpers/corpus.js';

const SEED = fixturePath('seed-2018-shulan-minzheng.txt');

/** A folder with the seed, an invented empty report, an invented non-report and a nested copy of the seed. */
function tree(): string {
  const dir = scratch();
  copyFileSync(SEED, join(dir, 'seed.txt'));
  writeFileSync(join(dir, 'invented-empty.txt'), '');
  writeFileSync(join(dir, 'invented-notes.csv'), 'a,b\n');
  mkdirSync(join(dir, 'sub', 'deep'), { recursive: true });
  copyFileSync(SEED, join(dir, 'sub', 'deep', 'seed-copy.txt'));
  return dir;
}

describe('xxgk parse', () => {
  it('parses the seed into one schema-valid record (json array by default)', async () => {
    const run = await runCli(['parse', SEED, '-q']);
    expect(run.code).toBe(0);
    const records = JSON.parse(run.stdout) as Report[];
    expect(records).toHaveLength(1);
    const report = ReportSchema.parse(records[0]);
    expect(report.file).toBe(SEED);
    expect(report.text?.length).toBeGreaterThan(1000);
    expect(report.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('walks folders recursively, skips non-report extensions, applies --ignore and keeps paths as given', async () => {
    const dir = tree();
    const all = await runCli(['parse', '.', '-f', 'jsonl', '-q', '--jobs', '1'], { cwd: dir });
    expect(all.code).toBe(0);
    expect(
      jsonlRecords<Report>(all.stdout)
        .map((r) => r.file)
        .sort(),
    ).toEqual(['invented-empty.txt', 'seed.txt', 'sub/deep/seed-copy.txt']);
    const ignored = await runCli(
      ['parse', '.', '-f', 'jsonl', '-q', '--jobs', '1', '--ignore', 'sub/**', '--ignore', 'invented-*'],
      {
        cwd: dir,
      },
    );
    expect(jsonlRecords<Report>(ignored.stdout).map((r) => r.file)).toEqual(['seed.txt']);
  });

  it('expands globs and reads a path list from stdin with -', async () => {
    const dir = tree();
    const glob = await runCli(['parse', '**/seed*.txt', '-f', 'jsonl', '-q', '--jobs', '1'], { cwd: dir });
    expect(jsonlRecords<Report>(glob.stdout).map((r) => r.file)).toEqual([
      'seed.txt',
      'sub/deep/seed-copy.txt',
    ]);
    const stdin = await runCli(['parse', '-', '-f', 'jsonl', '-q', '--jobs', '1'], {
      cwd: dir,
      stdin: 'sub/deep/seed-copy.txt\r\n\n  invented-empty.txt  \n',
    });
    expect(jsonlRecords<Report>(stdin.stdout).map((r) => r.file)).toEqual([
      'invented-empty.txt',
      'sub/deep/seed-copy.txt',
    ]);
  });

  it('gives a bad file a load-failed record and goes on with the batch', async () => {
    const dir = tree();
    const run = await runCli(['parse', '.', '-f', 'jsonl', '--jobs', '1', '--sort'], { cwd: dir });
    const records = jsonlRecords<Report>(run.stdout);
    const empty = records.find((r) => r.file === 'invented-empty.txt');
    expect(empty?.anomalies.map((a) => a.ruleId)).toEqual(['load-failed']);
    expect(records.find((r) => r.file === 'seed.txt')?.text).toBe(
      records.find((r) => r.file === 'sub/deep/seed-copy.txt')?.text,
    );
    expect(run.stderr).toMatch(/3 files in/);
    expect(run.stderr).toMatch(/failed: 1 \(\w[\w-]* 1\)/);
  });

  it('refuses files over --max-file-size with code too-large', async () => {
    const run = await runCli(['parse', SEED, '-f', 'jsonl', '-q', '--max-file-size', '100']);
    const [record] = jsonlRecords<Report>(run.stdout);
    expect(record?.anomalies[0]?.data?.['code']).toBe('too-large');
  });

  it('drops the text with --no-text', async () => {
    const run = await runCli(['parse', SEED, '-f', 'jsonl', '-q', '--no-text']);
    const [record] = jsonlRecords<Report>(run.stdout);
    expect(record && 'text' in record).toBe(false);
    expect(record?.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('writes several formats in one run, atomically, leaving no temporary files', async () => {
    const dir = tree();
    const outputs = ['jsonl', 'csv', 'sarif', 'json'].flatMap((f) => ['-o', `${f}=out/all.${f}`]);
    const argv = ['parse', '.', '-q', '--jobs', '1', ...outputs];
    const run = await runCli(argv, { cwd: dir, stdin: '' }).catch((e) => e);
    // the folder out/ does not exist: nothing is written and the run fails with a usage error (2)
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/cannot write out\/all\.\w+/);
    mkdirSync(join(dir, 'out'));
    const ok = await runCli(argv, { cwd: dir });
    expect(ok.code).toBe(0);
    expect(ok.stdout).toBe('');
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['all.csv', 'all.json', 'all.jsonl', 'all.sarif']);
    const jsonl = jsonlRecords<Report>(readFileSync(join(dir, 'out/all.jsonl'), 'utf8'));
    const json = JSON.parse(readFileSync(join(dir, 'out/all.json'), 'utf8')) as Report[];
    expect(json.map((r) => r.hash).sort()).toEqual(jsonl.map((r) => r.hash).sort());
    expect(readFileSync(join(dir, 'out/all.csv'), 'utf8').split('\r\n').filter(Boolean)).toHaveLength(4);
    expect(JSON.parse(readFileSync(join(dir, 'out/all.sarif'), 'utf8')).version).toBe('2.1.0');
  });

  it('sends one format to stdout with format=- and others to files; check writes html for auditors', async () => {
    const dir = tree();
    const run = await runCli(['parse', 'seed.txt', '-q', '-o', 'jsonl=-', '-o', 'csv=seed.csv'], {
      cwd: dir,
    });
    expect(jsonlRecords<Report>(run.stdout).map((r) => r.file)).toEqual(['seed.txt']);
    expect(readFileSync(join(dir, 'seed.csv'), 'utf8').startsWith('\uFEFFfile,')).toBe(true);
    const html = await runCli(['check', 'seed.txt', '-q', '-f', 'html', '-o', 'report.html'], { cwd: dir });
    expect(html.code).toBeLessThan(2);
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toMatch(/^<!doctype html>/i);
    expect((await runCli(['parse', 'seed.txt', '-o', 'json=-', '-o', 'csv=-'], { cwd: dir })).code).toBe(2);
  });

  it('replaces an existing output only when the run completes', async () => {
    const dir = tree();
    writeFileSync(join(dir, 'out.json'), 'previous');
    const bad = await runCli(['parse', 'seed.txt', '-q', '-o', 'out.json', '--timeout', 'soon'], {
      cwd: dir,
    });
    expect(bad.code).toBe(2);
    expect(readFileSync(join(dir, 'out.json'), 'utf8')).toBe('previous');
    const good = await runCli(['parse', 'seed.txt', '-q', '-o', 'out.json'], { cwd: dir });
    expect(good.code).toBe(0);
    expect((JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')) as Report[])[0]?.text).toBe(
      (JSON.parse((await runCli(['parse', SEED, '-q'])).stdout) as Report[])[0]?.text,
    );
  });
});

describe('exit codes and usage', () => {
  it('returns 2 for no files, unknown formats, bad numbers and unknown commands', async () => {
    expect((await runCli(['parse', 'does-not-exist/**/*.pdf', '-q'])).code).toBe(2);
    expect((await runCli(['parse', SEED, '-f', 'yaml'])).code).toBe(2);
    expect((await runCli(['parse', SEED, '--jobs', '1', '--timeout', '-5'])).code).toBe(2);
    expect((await runCli(['frobnicate'])).code).toBe(2);
    expect((await runCli(['parse'])).code).toBe(2);
  });

  it('draws a progress bar on a terminal, prints a summary unless told not to', async () => {
    const tty = await runCli(['parse', SEED, '-f', 'jsonl', '--jobs', '1'], { stderrIsTTY: true });
    expect(tty.stderr).toContain('1/1 files');
    expect(tty.stderr).toMatch(/1 files in [\d.]+ s/);
    const quiet = await runCli(['parse', SEED, '-f', 'jsonl', '--jobs', '1', '--no-summary'], {
      stderrIsTTY: true,
    });
    expect(quiet.stderr).not.toMatch(/files in/);
    expect(
      (await runCli(['parse', SEED, '-f', 'jsonl', '--jobs', '1', '-q'], { stderrIsTTY: true })).stderr,
    ).toBe('');
  });

  it('prints help with exit 0', async () => {
    const run = await runCli(['parse', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('--jobs');
    expect(run.stdout).not.toContain('--debug-hang');
  });

  it('check exits 1 exactly when an error-severity anomaly is found', async () => {
    const parsed = jsonlRecords<Report>((await runCli(['parse', SEED, '-f', 'jsonl', '-q'])).stdout)[0];
    const seedHasError = parsed?.anomalies.some((a) => a.severity === 'error') ?? false;
    expect((await runCli(['check', SEED, '-q'])).code).toBe(seedHasError ? 1 : 0);
    const dir = tree();
    // the invented empty file is a load failure, an error
    expect((await runCli(['check', 'invented-empty.txt', '-q'], { cwd: dir })).code).toBe(1);
  });

  it('check reads --config and --preset, and refuses a config naming an unknown rule', async () => {
    const dir = tree();
    const ids = async (args: string[]) =>
      (
        JSON.parse(
          (await runCli(['check', 'seed.txt', '-q', '--jobs', '1', '-f', 'json', ...args], { cwd: dir }))
            .stdout,
        ) as Report[]
      )
        .flatMap((r) => r.anomalies)
        .map((a) => a.ruleId);
    const recommended = await ids([]);
    expect(recommended.length).toBeGreaterThan(0);
    const first = recommended[0] as string;
    writeFileSync(join(dir, 'flat.json'), JSON.stringify({ [first]: 'off' }));
    writeFileSync(
      join(dir, 'nested.json'),
      JSON.stringify({ preset: 'recommended', rules: { [first]: 'off' } }),
    );
    for (const file of ['flat.json', 'nested.json']) {
      const off = await ids(['--config', file]);
      expect(off).not.toContain(first);
      expect(off.length).toBe(recommended.filter((id) => id !== first).length);
    }
    expect((await ids(['--preset', 'strict'])).length).toBeGreaterThanOrEqual(recommended.length);
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ 'no-such-rule': 'error' }));
    const bad = await runCli(['check', 'seed.txt', '--config', 'bad.json'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('no-such-rule');
    expect((await runCli(['check', 'seed.txt', '--preset', 'lenient'], { cwd: dir })).code).toBe(2);
  });

  it('check --write-baseline then --baseline suppresses what was accepted', async () => {
    const dir = tree();
    writeFileSync(join(dir, 'invented-broken.txt'), Buffer.from([0xff, 0xfe, 0x00]));
    const first = await runCli(
      ['check', '.', '-q', '--jobs', '1', '-f', 'json', '--write-baseline', 'baseline.json'],
      {
        cwd: dir,
      },
    );
    const before = (JSON.parse(first.stdout) as Report[]).flatMap((r) => r.anomalies);
    expect(before.length).toBeGreaterThan(0);
    const baseline = JSON.parse(readFileSync(join(dir, 'baseline.json'), 'utf8'));
    expect(baseline.entries).toHaveLength(before.length);
    const second = await runCli(
      ['check', '.', '-q', '--jobs', '1', '-f', 'json', '--baseline', 'baseline.json'],
      {
        cwd: dir,
      },
    );
    expect(second.code).toBe(0);
    const after = (JSON.parse(second.stdout) as Report[]).flatMap((r) => r.anomalies);
    expect(after).toEqual([]);
  });
});

describe('rules, explain, schema', () => {
  it('schema prints the committed schema/report.schema.json (regenerate with `node bin/xxgk.js schema > schema/report.schema.json`)', async () => {
    const run = await runCli(['schema']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(readFileSync(join(ROOT, 'schema/report.schema.json'), 'utf8'));
    const schema = JSON.parse(run.stdout);
    expect(schema.required).toEqual(expect.arrayContaining(['file', 'hash', 'meta', 'figures', 'anomalies']));
  });

  it('explain of an unknown rule exits 2; rules lists every registered rule', async () => {
    const run = await runCli(['explain', 'no-such-rule']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no-such-rule');
    const rules = await runCli(['rules']);
    expect(rules.code).toBe(0);
    const { ruleMetas } = await import('../src/cli/rules-api.js');
    for (const meta of ruleMetas()) {
      expect(rules.stdout).toContain(meta.id);
      const explained = await runCli(['explain', meta.id]);
      expect(explained.code).toBe(0);
      expect(explained.stdout).toContain(meta.id);
    }
  });
});

describe('the real bin', () => {
  it('runs as a child process, reads stdin and sets the exit code', () => {
    const child = spawnSync(
      process.execPath,
      [join(ROOT, 'bin/xxgk.js'), 'parse', '-', '-f', 'jsonl', '--jobs', '1'],
      {
        input: `${SEED}\n`,
        encoding: 'utf8',
      },
    );
    expect(child.status).toBe(0);
    expect(jsonlRecords<Report>(child.stdout)[0]?.text?.length).toBeGreaterThan(1000);
    expect(child.stderr).toMatch(/1 files in/);
    const bad = spawnSync(process.execPath, [join(ROOT, 'bin/xxgk.js'), 'parse', 'no/such/*.pdf'], {
      encoding: 'utf8',
    });
    expect(bad.status).toBe(2);
  });
});

describe('interrupting the real bin', () => {
  it('SIGTERM removes temporary outputs and keeps the JSONL journal for --resume', async () => {
    const dir = tree();
    const child = spawn(
      process.execPath,
      [
        join(ROOT, 'bin/xxgk.js'),
        'parse',
        '.',
        '--jobs',
        '1',
        '-q',
        '--debug-delay',
        '300',
        '-o',
        'csv=out.csv',
        '-o',
        'jsonl=out.jsonl',
      ],
      { cwd: dir, stdio: 'ignore' },
    );
    await new Promise<void>((done) => {
      const poll = setInterval(() => {
        if (
          existsSync(join(dir, 'out.jsonl.partial')) &&
          readFileSync(join(dir, 'out.jsonl.partial'), 'utf8').includes('\n')
        ) {
          clearInterval(poll);
          done();
        }
      }, 20);
    });
    child.kill('SIGTERM');
    const code = await new Promise((done) => child.once('exit', (c) => done(c)));
    expect(code).toBe(143);
    const left = readdirSync(dir).sort();
    expect(left.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(left).toContain('out.jsonl.partial');
    expect(left).not.toContain('out.csv');
  });
});
