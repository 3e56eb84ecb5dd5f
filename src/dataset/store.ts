import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBAppender, DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import type { Report } from '../model/index.js';
import { keyStoredAgencies } from './agency-keys.js';
import { type AgencyResolver, type ReportRows, type Row, reportRows } from './rows.js';
import {
  addMissingColumnsSql,
  columnList,
  createTableSql,
  PANEL_VIEW_SQL,
  TABLE_NAMES,
  TABLES,
  type TableName,
} from './tables.js';

/** Where a dataset is written: one DuckDB file, or a folder of Parquet files (one per table). */
export type StoreKind = 'duckdb' | 'parquet';

/** Options of {@link openStore}. */
export interface StoreOptions {
  /** Names agencies (region, level); without it the stated name is kept and the rest stays unknown. */
  identify?: AgencyResolver;
  /** Reports held in memory before they are written in one transaction (default 200). */
  batch?: number;
}

/**
 * A dataset being written. Reports are keyed by path: putting a report replaces every row of that path, so
 * a file whose content changed gets new rows and nothing of the old ones stays.
 */
export interface DatasetStore {
  readonly kind: StoreKind;
  /** The content hashes of reports that loaded, with how many paths carry each: the engine's `skip` map. */
  done(): Promise<Map<string, number>>;
  /** Adds (or replaces) one report's rows; written in batches. */
  put(report: Report): Promise<void>;
  /** Adds rows already flattened (by {@link reportRows}); `merge` uses this. */
  putRows(rows: ReportRows): Promise<void>;
  /** Writes the reports held in memory. */
  flush(): Promise<void>;
  /**
   * Writes what is pending, settles the agency keys over the whole dataset (name variants of one body
   * linked: `keyStoredAgencies`), creates the panel view, and (Parquet) writes the files.
   */
  close(): Promise<void>;
  /** The connection, for queries and for `merge`. */
  readonly connection: DuckDBConnection;
}

const sqlString = (s: string) => `'${s.replaceAll("'", "''")}'`;

function appendRow(appender: DuckDBAppender, row: Row, table: TableName): void {
  const columns = TABLES[table].columns;
  row.forEach((value, i) => {
    const type = columns[i]?.[1];
    if (value === null) appender.appendNull();
    else if (type === 'VARCHAR') appender.appendVarchar(String(value));
    else if (type === 'BOOLEAN') appender.appendBoolean(value === true);
    else if (type === 'INTEGER') appender.appendInteger(Number(value));
    else if (type === 'BIGINT') appender.appendBigInt(BigInt(Math.trunc(Number(value))));
    else appender.appendDouble(Number(value));
  });
  appender.endRow();
}

/** Creates the tables (when missing) and the panel view. */
export async function createSchema(connection: DuckDBConnection): Promise<void> {
  for (const name of TABLE_NAMES) {
    await connection.run(createTableSql(name));
    for (const sql of addMissingColumnsSql(name)) await connection.run(sql);
  }
  await connection.run(PANEL_VIEW_SQL);
}

/**
 * Writes rows for many reports in one transaction: first deletes every row of their paths, then appends.
 *
 * @example
 * await writeRows(connection, [reportRows(report)]);
 */
export async function writeRows(connection: DuckDBConnection, batch: ReportRows[]): Promise<void> {
  if (batch.length === 0) return;
  const paths = batch.flatMap((rows) => rows.reports.map((r) => String(r[0])));
  const list = paths.map(sqlString).join(', ');
  await connection.run('BEGIN TRANSACTION');
  try {
    await connection.run(`DELETE FROM reports WHERE path IN (${list})`);
    for (const name of TABLE_NAMES.slice(1))
      await connection.run(`DELETE FROM ${name} WHERE report IN (${list})`);
    for (const name of TABLE_NAMES) {
      const appender = await connection.createAppender(name);
      for (const rows of batch) for (const row of rows[name]) appendRow(appender, row, name);
      appender.closeSync();
    }
    await connection.run('COMMIT');
  } catch (error) {
    await connection.run('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/**
 * Reads the resume state of a dataset: content hash → how many loaded reports carry it. Reports that failed
 * to load are left out, so a later run tries them again.
 *
 * @example
 * const skip = await doneHashes(connection);
 */
export async function doneHashes(connection: DuckDBConnection): Promise<Map<string, number>> {
  const result = await connection.runAndReadAll(
    "SELECT hash, count(*)::INTEGER FROM reports WHERE status = 'ok' AND hash IS NOT NULL GROUP BY hash",
  );
  return new Map(result.getRowsJS().map(([hash, n]) => [String(hash), Number(n)]));
}

/** The Parquet file of one table inside a dataset folder. */
export function parquetFile(folder: string, table: TableName): string {
  return join(folder, `${table}.parquet`);
}

/**
 * Copies every table to Parquet files in `folder` (`reports.parquet`, `figures.parquet`, …), each written
 * under a temporary name and renamed, so readers never see half a file.
 *
 * @example
 * await exportParquet(connection, 'out/');
 */
export async function exportParquet(connection: DuckDBConnection, folder: string): Promise<void> {
  mkdirSync(folder, { recursive: true });
  for (const name of TABLE_NAMES) {
    const target = parquetFile(folder, name);
    const temp = `${target}.${process.pid}.tmp`;
    await connection.run(
      `COPY (SELECT ${columnList(name)} FROM ${name} ORDER BY ALL) TO ${sqlString(temp)} (FORMAT parquet)`,
    );
    renameSync(temp, target);
  }
}

/**
 * Loads the tables of a Parquet dataset folder into a connection (tables that have no file stay empty;
 * columns a file of an earlier version lacks are null, see {@link selectColumns}).
 *
 * @example
 * await importParquet(connection, 'shard-1/');
 */
export async function importParquet(connection: DuckDBConnection, folder: string, into = ''): Promise<void> {
  for (const name of TABLE_NAMES) {
    const file = parquetFile(folder, name);
    if (!existsSync(file)) continue;
    const source = `read_parquet(${sqlString(file)})`;
    await connection.run(
      `INSERT INTO ${into}${name} (${columnList(name)}) SELECT ${await selectColumns(connection, name, source)} FROM ${source}`,
    );
  }
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * The select list that reads a table of the current layout from `source` (a table expression): a column
 * the source lacks (written by an earlier version, before `agency_key`) is read as null. Columns are only
 * ever added, so nothing else can be missing in a dataset this program wrote.
 *
 * @example
 * await selectColumns(connection, 'reports', "read_parquet('old/reports.parquet')"); // '"path", …, CAST(NULL AS VARCHAR) AS "agency_key"'
 */
export async function selectColumns(
  connection: DuckDBConnection,
  name: TableName,
  source: string,
): Promise<string> {
  const described = await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${source}`);
  const has = new Set(described.getRowsJS().map((r) => String(r[0])));
  return TABLES[name].columns
    .map(([c, type]) => (has.has(c) ? quote(c) : `CAST(NULL AS ${type}) AS ${quote(c)}`))
    .join(', ');
}

/** Whether some report states an agency but has no key yet (merged from a shard of an earlier version). */
async function unkeyed(connection: DuckDBConnection): Promise<boolean> {
  const result = await connection.runAndReadAll(
    'SELECT count(*)::INTEGER FROM reports WHERE agency_key IS NULL AND agency_stated IS NOT NULL',
  );
  return Number(result.getRowsJS()[0]?.[0] ?? 0) > 0;
}

/**
 * Opens a dataset for writing: a DuckDB file (created when missing, continued when present) or a Parquet
 * folder (its files, when present, are loaded into a temporary database and written anew on close).
 * Continuing is what makes a second run over the same archive cheap: {@link DatasetStore.done} lists what
 * is there, and the engine skips those files before parsing them.
 *
 * @example
 * const store = await openStore('duckdb', 'archive.duckdb');
 * const engine = createEngine({ skip: await store.done() });
 * for await (const report of engine.run(['archive/'])) await store.put(report);
 * await store.close();
 */
export async function openStore(
  kind: StoreKind,
  target: string,
  options: StoreOptions = {},
): Promise<DatasetStore> {
  const batchSize = options.batch ?? 200;
  // Loaded here, not at import: the native binary costs start-up time and memory that runs without a
  // dataset output (and library users of xxgk-report/node) should not pay.
  const { DuckDBInstance } = await import('@duckdb/node-api');
  let instance: DuckDBInstance;
  let tempDb: string | undefined;
  try {
    if (kind === 'duckdb') instance = await DuckDBInstance.create(target);
    else {
      // A file database beside the folder keeps memory flat on big runs; it is removed on close.
      tempDb = `${target.replace(/[/\\]+$/, '')}.${process.pid}.building.duckdb`;
      rmSync(tempDb, { force: true });
      instance = await DuckDBInstance.create(tempDb);
    }
  } catch (error) {
    throw new Error(`cannot open the dataset ${target}: ${error instanceof Error ? error.message : error}`);
  }
  const connection = await instance.connect();
  await createSchema(connection);
  if (kind === 'parquet' && existsSync(target)) await importParquet(connection, target);
  let pending: ReportRows[] = [];
  let added = 0;
  const flush = async () => {
    const batch = pending;
    pending = [];
    await writeRows(connection, batch);
  };
  return {
    kind,
    connection,
    done: () => doneHashes(connection),
    flush,
    async put(report) {
      pending.push(reportRows(report, options.identify));
      added++;
      if (pending.length >= batchSize) await flush();
    },
    async putRows(rows) {
      pending.push(rows);
      added++;
      if (pending.length >= batchSize) await flush();
    },
    async close() {
      try {
        await flush();
        // Agency keys are settled over the whole dataset, not report by report (see keyStoredAgencies);
        // a run that added nothing to a keyed dataset leaves them (and the division list unread).
        if (added > 0 || (await unkeyed(connection))) await keyStoredAgencies(connection, options.identify);
        await connection.run(PANEL_VIEW_SQL);
        if (kind === 'parquet') await exportParquet(connection, target);
      } finally {
        connection.closeSync();
        instance.closeSync();
        if (tempDb) {
          rmSync(tempDb, { force: true });
          rmSync(`${tempDb}.wal`, { force: true });
        }
      }
    },
  };
}
