import { appendFileSync, copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parquetFile } from '../src/dataset/store.js';
import { TABLE_NAMES } from '../src/dataset/tables.js';
import { runCli, scratch } from './helpers/cli.js';
import { CORPUS, manifest } from './helpers/corpus.js';

// A subset of the corpus with all three eras, one agency over several years (the panel) and named
// townships, street offices and departments (agency identity): small enough for 2 CI cores.
const SUBSET = [
  'pingtan-syq-2016.txt',
  'pingtan-syq-2019.txt',
  'pingtan-syq-2021.txt',
  'pingtan-syq-2022.txt',
  'pingtan-county-2011.txt',
  'wendeng-zjj-2019.txt',
  'kangle-shangwan-2019.txt',
  'jiulongpo-erlang-2022.txt',
  'beijing-dongcheng-donghuamen-jiedao-2015.txt',
  'fujian-siming-jialian-jiedao-2015.txt',
  'changtu-qijiazi-2023.txt',
  'zhejiang-jinhua-nongye-ju-2017.txt',
];

const plain = (v: unknown): unknown => (typeof v === 'bigint' ? Number(v) : v);

async function open(path: string): Promise<{ c: DuckDBConnection; close: () => void }> {
  const instance = await DuckDBInstance.create(path);
  const c = await instance.connect();
  return {
    c,
    close: () => {
      c.closeSync();
      instance.closeSync();
    },
  };
}

async function rows(c: DuckDBConnection, sql: string): Promise<unknown[][]> {
  return (await c.runAndReadAll(sql)).getRowsJS().map((r) => r.map(plain));
}

/** Every row of every table, ordered, for comparing two datasets. */
async function everything(c: DuckDBConnection): Promise<Record<string, unknown[][]>> {
  const out: Record<string, unknown[][]> = {};
  for (const t of TABLE_NAMES) out[t] = await rows(c, `SELECT * FROM ${t} ORDER BY ALL`);
  return out;
}

const summaryFiles = (stderr: string) => {
  const parsed = /xxgk: (\d+) files in /.exec(stderr)?.[1];
  const skipped = /, (\d+) already done/.exec(stderr)?.[1];
  return { parsed: Number(parsed), skipped: Number(skipped ?? 0) };
};

describe('the archive as a dataset', () => {
  const dir = scratch('xxgk-dataset-');
  const archive = join(dir, 'archive');
  const cli = (argv: string[], env: Record<string, string> = {}) => runCli(argv, { cwd: dir, env });
  let whole: Record<string, unknown[][]>;

  beforeAll(async () => {
    mkdirSync(archive);
    for (const f of SUBSET) copyFileSync(join(CORPUS, f), join(archive, f));
    // One run writes the DuckDB file and the Parquet folder.
    const run = await cli(['parse', 'archive/', '-j', '2', '-o', 'all.duckdb', '-o', 'parquet=all-parquet']);
    expect(run.code, run.stderr).toBe(0);
    expect(summaryFiles(run.stderr).parsed).toBe(SUBSET.length);
    const db = await open(join(dir, 'all.duckdb'));
    whole = await everything(db.c);
    db.close();
  }, 120_000);

  afterAll(() => {});

  it('answers the era count and the panel view', async () => {
    const db = await open(join(dir, 'all.duckdb'));
    try {
      const byEra = Object.fromEntries(
        (await rows(db.c, 'select era, count(*) from reports group by era')).map(([e, n]) => [e, n]),
      );
      // The eras the corpus manifest gives for these files.
      const expected: Record<string, number> = {};
      for (const row of manifest().filter((r) => SUBSET.includes(r.file)))
        expected[row.era ?? 'null'] = (expected[row.era ?? 'null'] ?? 0) + 1;
      expect(byEra).toEqual(expected);
      // The panel gives the hand-checked figure of the 2016 report under its normalised agency.
      const checked = JSON.parse(
        readFileSync(join(CORPUS, '../expected/pingtan-syq-2016.txt.a.json'), 'utf8'),
      );
      // One panel unit for the body under its three names (管委会 2016, 2022; 党工委管委会 2019, 2021).
      const panel = await rows(
        db.c,
        "select agency, year, value, reports, agency_key from panel where key = 'active.total' and agency_key = '平潭综合实验区' order by year",
      );
      expect(panel.map((r) => r[1])).toEqual([2016, 2019, 2021, 2022]);
      expect(panel[0]).toEqual([
        '平潭综合实验区管委会',
        2016,
        checked.figures['active.total'],
        1,
        '平潭综合实验区',
      ]);
      const stated = await rows(
        db.c,
        "select distinct agency_stated from reports where agency_key = '平潭综合实验区' order by 1",
      );
      expect(stated).toEqual([['平潭综合实验区党工委管委会'], ['平潭综合实验区管委会']]);
      // Figures are long: one row per key, each naming its report.
      const [[figures]] = (await rows(db.c, 'select sum(figures) from reports')) as [[number]];
      expect(whole['figures']).toHaveLength(figures);
      // Claims too: one row per claim read from the prose.
      const [[claims]] = (await rows(db.c, 'select sum(claims) from reports')) as [[number]];
      expect(claims).toBeGreaterThan(0);
      expect(whole['claims']).toHaveLength(claims);
      // Agency identity: a street office under its district, a county government, a county department.
      const who = await rows(
        db.c,
        "select path, agency, region, level, agency_key from reports where path similar to '.*(donghuamen|pingtan-county|jinhua|wendeng).*' order by path",
      );
      expect(who).toEqual([
        [
          'archive/beijing-dongcheng-donghuamen-jiedao-2015.txt',
          '东华门街道',
          '110101001',
          'township',
          '110101001',
        ],
        ['archive/pingtan-county-2011.txt', '平潭县', '350128', 'county', '350128'],
        ['archive/wendeng-zjj-2019.txt', '文登区住建局', '371003', 'department', '371003/住房和城乡建设局'],
        [
          'archive/zhejiang-jinhua-nongye-ju-2017.txt',
          '金华市农业局',
          '3307',
          'department',
          '3307/农业农村局',
        ],
      ]);
    } finally {
      db.close();
    }
  });

  it('reads the Parquet files back with the same rows', async () => {
    const db = await open(':memory:');
    try {
      for (const t of TABLE_NAMES) {
        const back = await rows(
          db.c,
          `select * from read_parquet('${parquetFile(join(dir, 'all-parquet'), t)}') order by all`,
        );
        expect(back, t).toEqual(whole[t]);
      }
    } finally {
      db.close();
    }
  });

  it('a second run over the unchanged archive parses nothing; a changed file gets new rows', async () => {
    const again = await cli(['parse', 'archive/', '-j', '2', '-o', 'all.duckdb']);
    expect(again.code, again.stderr).toBe(0);
    expect(summaryFiles(again.stderr)).toEqual({ parsed: 0, skipped: SUBSET.length });
    let db = await open(join(dir, 'all.duckdb'));
    expect(await everything(db.c)).toEqual(whole);
    db.close();

    appendFileSync(join(archive, 'wendeng-zjj-2019.txt'), '\n附：本报告另有说明。\n');
    const changed = await cli(['parse', 'archive/', '-j', '1', '-o', 'all.duckdb']);
    expect(summaryFiles(changed.stderr)).toEqual({ parsed: 1, skipped: SUBSET.length - 1 });
    db = await open(join(dir, 'all.duckdb'));
    try {
      const r = await rows(db.c, "select count(*), any_value(hash) from reports where path like '%wendeng%'");
      expect(r[0]?.[0]).toBe(1);
      expect(r[0]?.[1]).not.toBe(whole['reports']?.find((x) => String(x[0]).includes('wendeng'))?.[1]);
      expect((await rows(db.c, 'select count(*) from reports'))[0]?.[0]).toBe(SUBSET.length);
    } finally {
      db.close();
    }
  }, 60_000);

  it('four shard runs merged give exactly the rows of one unsharded run', async () => {
    const outputs = ['shard-1.duckdb', 'shard-2', 'shard-3.duckdb', 'shard-4.jsonl'];
    const formats = ['duckdb', 'parquet', 'duckdb', 'jsonl'];
    let covered = 0;
    for (const [i, out] of outputs.entries()) {
      // Shard 1 names itself; the others read the index as a Kubernetes Indexed Job would give it.
      const shard = i === 0 ? ['--shard', '1/4'] : ['--shard', 'auto/4'];
      const run = await cli(
        ['parse', 'archive/', '-j', '1', ...shard, '-o', `${formats[i]}=${out}`, '--no-text'],
        {
          JOB_COMPLETION_INDEX: String(i),
        },
      );
      expect(run.code, run.stderr).toBe(0);
      covered += summaryFiles(run.stderr).parsed;
    }
    expect(covered).toBe(SUBSET.length);
    // The unsharded run saw the changed file of the test before; bring the whole run up to date first.
    await cli(['parse', 'archive/', '-j', '1', '-o', 'all.duckdb']);
    const merged = await cli(['merge', ...outputs, '-o', 'merged.duckdb']);
    expect(merged.code, merged.stderr).toBe(0);
    expect(merged.stderr).toContain(`${SUBSET.length} reports`);
    const a = await open(join(dir, 'all.duckdb'));
    const b = await open(join(dir, 'merged.duckdb'));
    try {
      expect(await everything(b.c)).toEqual(await everything(a.c));
      expect(await rows(b.c, 'select count(*) from panel')).toEqual(
        await rows(a.c, 'select count(*) from panel'),
      );
    } finally {
      a.close();
      b.close();
    }
  }, 120_000);
});

describe('agency keys over a whole dataset', () => {
  const dir = scratch('xxgk-dataset-keys-');
  const archive = join(dir, 'archive');
  const cli = (argv: string[]) => runCli(argv, { cwd: dir });
  // Four years of one body under three stated names (管委会, 党工委管委会, none), and a fifth year stated
  // with its province in front (福建省…管理委员会, the 2022 report with only its name changed).
  const YEARS = [
    'pingtan-syq-2016.txt',
    'pingtan-syq-2019.txt',
    'pingtan-syq-2021.txt',
    'pingtan-syq-2024.txt',
  ];
  const keysOf = async (db: string) => {
    const d = await open(join(dir, db));
    try {
      return await rows(d.c, 'select path, agency_stated, agency_key from reports order by path');
    } finally {
      d.close();
    }
  };

  beforeAll(() => {
    mkdirSync(archive);
    for (const f of YEARS) copyFileSync(join(CORPUS, f), join(archive, f));
    const text = readFileSync(join(CORPUS, 'pingtan-syq-2022.txt'), 'utf8');
    writeFileSync(
      join(archive, 'pingtan-syq-2022.txt'),
      text.replaceAll('平潭综合实验区管委会', '福建省平潭综合实验区管理委员会'),
    );
  });

  it('links the name-only years to the one with the province in front, in one run and across shards', async () => {
    const run = await cli(['parse', 'archive/', '-j', '1', '-o', 'one.duckdb', '--no-text']);
    expect(run.code, run.stderr).toBe(0);
    const one = await keysOf('one.duckdb');
    expect(one.map((r) => r[1])).toEqual([
      '平潭综合实验区管委会',
      '平潭综合实验区党工委管委会',
      '平潭综合实验区党工委管委会',
      '福建省平潭综合实验区管理委员会',
      '平潭综合实验区',
    ]);
    expect(new Set(one.map((r) => r[2]))).toEqual(new Set(['35/平潭综合实验区']));
    const d = await open(join(dir, 'one.duckdb'));
    try {
      expect(
        await rows(
          d.c,
          "select year from panel where key = 'active.total' and agency_key = '35/平潭综合实验区' order by year",
        ),
      ).toEqual([[2016], [2019], [2021], [2022], [2024]]);
    } finally {
      d.close();
    }
    // Split in two shards, the 福建省 report in one of them: the merge links over the whole.
    for (const k of [1, 2]) {
      const shard = await cli([
        'parse',
        'archive/',
        '-j',
        '1',
        '--shard',
        `${k}/2`,
        '-o',
        `part-${k}.duckdb`,
        '--no-text',
      ]);
      expect(shard.code, shard.stderr).toBe(0);
    }
    const parts = [...(await keysOf('part-1.duckdb')), ...(await keysOf('part-2.duckdb'))];
    expect(new Set(parts.map((r) => r[2])).size).toBeGreaterThan(1);
    const merged = await cli(['merge', 'part-1.duckdb', 'part-2.duckdb', '-o', 'merged.duckdb']);
    expect(merged.code, merged.stderr).toBe(0);
    expect(await keysOf('merged.duckdb')).toEqual(one);
  }, 120_000);

  it('merges shards written before agency_key existed, computing the key from the stated agency', async () => {
    const run = await cli([
      'parse',
      'archive/',
      '-j',
      '1',
      '-o',
      'old.duckdb',
      '-o',
      'parquet=old-parquet',
      '--no-text',
    ]);
    expect(run.code, run.stderr).toBe(0);
    const d = await open(join(dir, 'old.duckdb'));
    try {
      // The layout of an earlier version: no agency_key column, in the DuckDB file and in the Parquet file.
      await d.c.run('ALTER TABLE reports DROP COLUMN agency_key');
      const reports = parquetFile(join(dir, 'old-parquet'), 'reports');
      await d.c.run(`COPY (SELECT * FROM reports) TO '${reports}' (FORMAT parquet)`);
    } finally {
      d.close();
    }
    for (const [input, out] of [
      ['old.duckdb', 'from-old.duckdb'],
      ['old-parquet', 'from-old-parquet.duckdb'],
    ] as const) {
      const merged = await cli(['merge', input, '-o', out]);
      expect(merged.code, merged.stderr).toBe(0);
      expect(await keysOf(out)).toEqual(await keysOf('one.duckdb'));
    }
    // A run that continues the old Parquet folder reads it too (nothing to parse) and writes the keys.
    const again = await cli(['parse', 'archive/', '-j', '1', '-o', 'parquet=old-parquet', '--no-text']);
    expect(again.code, again.stderr).toBe(0);
    expect(summaryFiles(again.stderr).skipped).toBe(YEARS.length + 1);
    const back = await open(':memory:');
    try {
      const file = parquetFile(join(dir, 'old-parquet'), 'reports');
      expect(
        await rows(
          back.c,
          `select path, agency_stated, agency_key from read_parquet('${file}') order by path`,
        ),
      ).toEqual(await keysOf('one.duckdb'));
    } finally {
      back.close();
    }
  }, 120_000);
});
