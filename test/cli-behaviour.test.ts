import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../src/model/index.js';
import { jsonlRecords, runCli, scratch } from './helpers/cli.js';
import { CORPUS, fixturePath, ROOT } from './helpers/corpus.js';

const SEED = fixturePath('seed-2018-shulan-minzheng.txt');
const PINGTAN_2019 = join(CORPUS, 'pingtan-syq-2019.txt');
const ESC = '\u001b[';

/** A folder with the seed and an invented empty report (a load failure: an error anomaly in `check`). */
function folder(): string {
  const dir = scratch();
  copyFileSync(SEED, join(dir, 'seed.txt'));
  writeFileSync(join(dir, 'invented-empty.txt'), '');
  return dir;
}

describe('command line like ESLint and ripgrep', () => {
  it('a path that does not exist is an error naming it (exit 2), before anything is written', async () => {
    const dir = folder();
    const run = await runCli(['parse', 'seed.txt', 'no-such-report.pdf', '-o', 'out.json'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no-such-report.pdf');
    expect(readdirSync(dir)).not.toContain('out.json');
    // an existing folder without reports and a glob that matches nothing stay warnings
    mkdirSync(join(dir, 'empty'));
    const soft = await runCli(['parse', 'seed.txt', 'empty', '*.pdf', '-q', '-f', 'jsonl'], { cwd: dir });
    expect(soft.code).toBe(0);
    expect(jsonlRecords<Report>(soft.stdout)).toHaveLength(1);
  });

  it('--version prints the package version', async () => {
    const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version as string;
    const run = await runCli(['--version']);
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe(version);
  });

  it.each(['abc', '0', '-3', '1.5'])(
    '--jobs %s is refused with a message and no stack trace',
    async (jobs) => {
      const run = await runCli(['parse', SEED, '--jobs', jobs]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('--jobs');
      expect(run.stderr).toContain(`"${jobs}"`);
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(run.stdout).toBe('');
    },
  );

  it('-o onto a folder is refused before the run', async () => {
    const dir = folder();
    mkdirSync(join(dir, 'out'));
    const run = await runCli(['parse', 'seed.txt', '-o', 'out'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/out is a folder/);
    expect(run.stderr).not.toMatch(/files in/);
    expect(readdirSync(join(dir, 'out'))).toEqual([]);
  });

  it('-o FILE without -f takes the format from the ending; an unknown format lists the valid ones', async () => {
    const dir = folder();
    const run = await runCli(['parse', 'seed.txt', '-q', '-o', 'seed.csv', '-o', 'seed.sarif'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(readFileSync(join(dir, 'seed.csv'), 'utf8').startsWith('\uFEFFfile,format,')).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'seed.sarif'), 'utf8')).version).toBe('2.1.0');
    for (const argv of [
      ['-f', 'yaml'],
      ['-o', 'yaml=out.yaml'],
    ]) {
      const bad = await runCli(['parse', 'seed.txt', ...argv], { cwd: dir });
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('"yaml"');
      expect(bad.stderr).toContain('stylish, json, jsonl, csv, sarif, html');
    }
  });

  it('honours NO_COLOR and FORCE_COLOR', async () => {
    const dir = folder();
    const argv = ['check', 'invented-empty.txt', '-q'];
    expect((await runCli(argv, { cwd: dir, stdoutIsTTY: true, env: {} })).stdout).toContain(ESC);
    expect(
      (await runCli(argv, { cwd: dir, stdoutIsTTY: true, env: { NO_COLOR: '1' } })).stdout,
    ).not.toContain(ESC);
    expect(
      (await runCli(argv, { cwd: dir, stdoutIsTTY: false, env: { FORCE_COLOR: '1' } })).stdout,
    ).toContain(ESC);
    expect(
      (await runCli([...argv, '--no-color'], { cwd: dir, stdoutIsTTY: true, env: { FORCE_COLOR: '1' } }))
        .stdout,
    ).not.toContain(ESC);
  });

  it('writes records in input order by default, whichever file finishes first', async () => {
    const dir = scratch();
    // The PDF takes far longer than the small text file, so with two workers the text finishes first.
    copyFileSync(join(CORPUS, 'huaian-2024.pdf'), join(dir, 'a-slow.pdf'));
    copyFileSync(SEED, join(dir, 'b-fast.txt'));
    const run = await runCli(['parse', '.', '-q', '-f', 'jsonl', '--jobs', '2'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(jsonlRecords<Report>(run.stdout).map((r) => r.file)).toEqual(['a-slow.pdf', 'b-fast.txt']);
    // --sort is still accepted (it is what happens anyway)
    expect((await runCli(['parse', 'b-fast.txt', '-q', '--sort'], { cwd: dir })).code).toBe(0);
  });

  it('sorts the anomalies of a file by position, cross-report ones included', async () => {
    const files = ['pingtan-syq-2015.txt', 'pingtan-syq-2016.txt'];
    const run = await runCli(['check', ...files, '-q', '-f', 'json', '--jobs', '1'], { cwd: CORPUS });
    const reports = JSON.parse(run.stdout) as Report[];
    expect(reports.map((r) => r.file)).toEqual(files);
    for (const report of reports) {
      const starts = report.anomalies.map(
        (a) => a.place?.[0] ?? a.evidence.find((e) => e.file === undefined)?.span[0] ?? -1,
      );
      expect(starts.length).toBeGreaterThan(1);
      expect(starts).toEqual([...starts].sort((x, y) => x - y));
    }
  });

  it('CSV has a column for every @cumulative figure (docs/fields.md)', async () => {
    const run = await runCli(['parse', 'pingtan-county-2012.txt', '-q', '-f', 'csv'], { cwd: CORPUS });
    const [head, row] = run.stdout.slice(1).split('\r\n');
    const columns = head?.split(',') ?? [];
    const cells = row?.split(',') ?? [];
    const [report] = jsonlRecords<Report>(
      (await runCli(['parse', 'pingtan-county-2012.txt', '-q', '-f', 'jsonl'], { cwd: CORPUS })).stdout,
    );
    const cumulative = Object.keys(report?.figures ?? {}).filter((k) => k.endsWith('@cumulative'));
    expect(cumulative.length).toBeGreaterThan(10);
    for (const key of cumulative) {
      expect(columns, key).toContain(key);
      // counted from the end: figure cells are plain numbers, while a meta cell may hold a quoted comma
      expect(cells.at(columns.indexOf(key) - columns.length), key).toBe(String(report?.figures[key]?.value));
    }
  });
});

describe('positions a user can open', () => {
  it('stylish and SARIF count lines of the original text file, crawler header included', async () => {
    const dir = scratch();
    const run = await runCli(
      ['check', PINGTAN_2019, '-q', '--jobs', '1', '-o', 'sarif=out.sarif', '-o', 'stylish=-'],
      { cwd: dir },
    );
    expect(run.code).toBeLessThan(2);
    const lines = readFileSync(PINGTAN_2019, 'utf8').split('\n');
    const log = JSON.parse(readFileSync(join(dir, 'out.sarif'), 'utf8'));
    const regions = log.runs[0].results
      .map(
        (r: { locations: { physicalLocation: { region?: Region } }[] }) =>
          r.locations[0]?.physicalLocation.region,
      )
      .filter((r: Region | undefined): r is Region => r?.snippet !== undefined);
    expect(regions.length).toBeGreaterThan(0);
    for (const region of regions) {
      // the body starts on line 10, after nine lines of crawler header
      expect(region.startLine).toBeGreaterThanOrEqual(10);
      if (region.startLine === region.endLine && !/[０-９\s]/.test(region.snippet.text)) {
        const line = lines[region.startLine - 1] ?? '';
        expect(line.slice(region.startColumn - 1, region.endColumn - 1)).toBe(region.snippet.text);
      }
    }
    const first = regions[0] as Region;
    expect(run.stdout).toContain(`${first.startLine}:${first.startColumn}`);
  });

  it('PDF and DOCX anomalies are located by page or table cell, with no SARIF line into the binary file', async () => {
    const dir = scratch();
    const files = ['hongze-2023.pdf', 'seed-2018-shulan-minzheng.docx'].map((f) => join(CORPUS, f));
    const run = await runCli(
      ['check', ...files, '-q', '--jobs', '1', '-o', 'sarif=out.sarif', '-o', 'stylish=-'],
      {
        cwd: dir,
      },
    );
    expect(run.code).toBeLessThan(2);
    const log = JSON.parse(readFileSync(join(dir, 'out.sarif'), 'utf8'));
    const results = log.runs[0].results as {
      locations: { physicalLocation: { region?: Region }; logicalLocations?: { name: string }[] }[];
      relatedLocations: { physicalLocation: { region?: Region } }[];
    }[];
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) {
      expect(r.locations[0]?.physicalLocation.region).toBeUndefined();
      for (const e of r.relatedLocations) expect(e.physicalLocation.region).toBeUndefined();
    }
    expect(results.some((r) => /page \d+/.test(r.locations[0]?.logicalLocations?.[0]?.name ?? ''))).toBe(
      true,
    );
    expect(run.stdout).toMatch(/第\d+页/);
    expect(run.stdout).not.toMatch(/^\s+\d+:\d+\s/m);
  });
});

interface Region {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
  snippet: { text: string };
}
