import { createReadStream, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Report } from '../model/index.js';
import { keyStoredAgencies } from './agency-keys.js';
import type { AgencyResolver } from './rows.js';
import { type DatasetStore, openStore, parquetFile, type StoreKind, selectColumns } from './store.js';
import { columnList, TABLE_NAMES, type TableName } from './tables.js';

const sqlString = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** What {@link mergeDatasets} did. */
export interface MergeResult {
  /** Inputs read, by kind. */
  inputs: { duckdb: number; parquet: number; jsonl: number };
  /** Reports in the merged dataset. */
  reports: number;
}

/** The kind of a shard output, from what is on disk: a folder of Parquet, a `.jsonl` file, else DuckDB. */
function inputKind(path: string): 'duckdb' | 'parquet' | 'jsonl' {
  if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) return 'parquet';
  if (/\.(jsonl|ndjson)$/i.test(path)) return 'jsonl';
  return 'duckdb';
}

/**
 * Replaces, in one transaction, every report of `source` (a table expression per table) in the store.
 * Missing columns come in as null; a missing `agency_key` is computed when the store closes.
 */
async function copyTables(store: DatasetStore, source: (table: TableName) => string): Promise<void> {
  const c = store.connection;
  const select = new Map<TableName, string>();
  for (const name of TABLE_NAMES) select.set(name, await selectColumns(store.connection, name, source(name)));
  await c.run('BEGIN TRANSACTION');
  try {
    const paths = `(SELECT path FROM ${source('reports')})`;
    await c.run(`DELETE FROM reports WHERE path IN ${paths}`);
    for (const name of TABLE_NAMES.slice(1)) await c.run(`DELETE FROM ${name} WHERE report IN ${paths}`);
    for (const name of TABLE_NAMES)
      await c.run(
        `INSERT INTO ${name} (${columnList(name)}) SELECT ${select.get(name)} FROM ${source(name)}`,
      );
    await c.run('COMMIT');
  } catch (error) {
    await c.run('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

async function readJsonl(path: string, each: (report: Report) => Promise<void>): Promise<void> {
  const lines = createInterface({
    input: createReadStream(path, 'utf8'),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let n = 0;
  for await (const line of lines) {
    n++;
    if (line.trim() === '') continue;
    let record: Report;
    try {
      record = JSON.parse(line) as Report;
    } catch {
      throw new Error(
        `${path}:${n}: not a JSON record (a torn last line? run the shard again with --resume)`,
      );
    }
    await each(record);
  }
}

/**
 * Combines shard outputs (DuckDB files, Parquet folders, JSONL record files) into one dataset. A report
 * (by path) in several inputs keeps the rows of the last input that has it, as a re-run would; shards of one
 * run are disjoint, so their merge holds exactly the rows an unsharded run writes. A shard written before
 * a column existed merges too: the column is null in its rows, except `agency_key`, which is computed from
 * the stated agency (with `identify`, linked over the merged whole; see `keyStoredAgencies`).
 *
 * @example
 * await mergeDatasets(['shard-1.duckdb', 'shard-2.duckdb'], 'archive.duckdb', 'duckdb');
 */
export async function mergeDatasets(
  inputs: string[],
  target: string,
  kind: StoreKind,
  options: { identify?: AgencyResolver } = {},
): Promise<MergeResult> {
  const store = await openStore(kind, target, options);
  const result: MergeResult = { inputs: { duckdb: 0, parquet: 0, jsonl: 0 }, reports: 0 };
  try {
    for (const [i, input] of inputs.entries()) {
      const what = inputKind(input);
      if (statSync(input, { throwIfNoEntry: false }) === undefined)
        throw new Error(`no such shard output: ${input}`);
      result.inputs[what]++;
      if (what === 'jsonl') {
        await readJsonl(input, (report) => store.put(report));
        await store.flush();
      } else if (what === 'parquet') {
        if (statSync(parquetFile(input, 'reports'), { throwIfNoEntry: false }) === undefined)
          throw new Error(`${input} is a folder without reports.parquet`);
        await copyTables(store, (name) => {
          const file = parquetFile(input, name);
          return statSync(file, { throwIfNoEntry: false })
            ? `read_parquet(${sqlString(file)})`
            : `(SELECT ${columnList(name)} FROM ${name} WHERE false)`;
        });
      } else {
        const alias = `shard${i}`;
        await store.connection.run(`ATTACH ${sqlString(input)} AS ${alias} (READ_ONLY)`);
        try {
          await copyTables(store, (name) => `${alias}.${name}`);
        } finally {
          await store.connection.run(`DETACH ${alias}`);
        }
      }
    }
    // Keys are settled over the merged whole: the shards each linked only their own reports.
    await keyStoredAgencies(store.connection, options.identify);
    const count = await store.connection.runAndReadAll('SELECT count(*)::INTEGER FROM reports');
    result.reports = Number(count.getRowsJS()[0]?.[0] ?? 0);
  } finally {
    await store.close();
  }
  return result;
}
