/** The type of a dataset column, as DuckDB and Parquet store it. */
export type ColumnType = 'VARCHAR' | 'INTEGER' | 'BIGINT' | 'DOUBLE' | 'BOOLEAN';

/** A table of the dataset: its name and its columns in order. */
export interface TableDef {
  name: TableName;
  columns: readonly (readonly [name: string, type: ColumnType])[];
}

/** The tables of a dataset, in the order they are written. */
export const TABLE_NAMES = ['reports', 'figures', 'anomalies', 'claims'] as const;
export type TableName = (typeof TABLE_NAMES)[number];

/**
 * The dataset's tables. Every row of `figures`, `anomalies` and `claims` names its report by `report`, the
 * path of `reports.path`; a report's rows are replaced together when its file changes. Spans are UTF-16
 * offsets into the report text; `page`/`table`/`row`/`col` locate a value in the source file (table, row and
 * col are zero-based, page one-based).
 */
export const TABLES: Record<TableName, TableDef> = {
  reports: {
    name: 'reports',
    columns: [
      ['path', 'VARCHAR'],
      ['hash', 'VARCHAR'],
      ['format', 'VARCHAR'],
      ['status', 'VARCHAR'],
      ['failure', 'VARCHAR'],
      ['agency', 'VARCHAR'],
      ['agency_stated', 'VARCHAR'],
      ['region', 'VARCHAR'],
      ['region_name', 'VARCHAR'],
      ['level', 'VARCHAR'],
      ['agency_evidence', 'VARCHAR'],
      ['title', 'VARCHAR'],
      ['year', 'INTEGER'],
      ['era', 'VARCHAR'],
      ['era_confidence', 'DOUBLE'],
      ['period_start', 'VARCHAR'],
      ['period_end', 'VARCHAR'],
      ['signed_on', 'VARCHAR'],
      ['pages', 'INTEGER'],
      ['bytes', 'BIGINT'],
      ['chars', 'INTEGER'],
      ['figures', 'INTEGER'],
      ['anomalies', 'INTEGER'],
      ['claims', 'INTEGER'],
      ['agency_key', 'VARCHAR'],
    ],
  },
  figures: {
    name: 'figures',
    columns: [
      ['report', 'VARCHAR'],
      ['key', 'VARCHAR'],
      ['value', 'DOUBLE'],
      ['unit', 'VARCHAR'],
      ['qualifier', 'VARCHAR'],
      ['stated', 'VARCHAR'],
      ['derived', 'BOOLEAN'],
      ['source', 'VARCHAR'],
      ['label', 'VARCHAR'],
      ['section', 'VARCHAR'],
      ['page', 'INTEGER'],
      ['table', 'INTEGER'],
      ['row', 'INTEGER'],
      ['col', 'INTEGER'],
      ['span_start', 'INTEGER'],
      ['span_end', 'INTEGER'],
    ],
  },
  anomalies: {
    name: 'anomalies',
    columns: [
      ['report', 'VARCHAR'],
      ['n', 'INTEGER'],
      ['rule', 'VARCHAR'],
      ['severity', 'VARCHAR'],
      ['reason', 'VARCHAR'],
      ['reason_en', 'VARCHAR'],
      ['section', 'VARCHAR'],
      ['expected', 'VARCHAR'],
      ['actual', 'VARCHAR'],
      ['page', 'INTEGER'],
      ['line', 'INTEGER'],
      ['span_start', 'INTEGER'],
      ['span_end', 'INTEGER'],
      ['evidence', 'VARCHAR'],
    ],
  },
  claims: {
    name: 'claims',
    columns: [
      ['report', 'VARCHAR'],
      ['n', 'INTEGER'],
      ['kind', 'VARCHAR'],
      ['indicator', 'VARCHAR'],
      ['subject', 'VARCHAR'],
      ['scope', 'VARCHAR'],
      ['year', 'INTEGER'],
      ['value', 'DOUBLE'],
      ['unit', 'VARCHAR'],
      ['qualifier', 'VARCHAR'],
      ['stated', 'VARCHAR'],
      ['parser', 'VARCHAR'],
      ['section', 'VARCHAR'],
      ['span_start', 'INTEGER'],
      ['span_end', 'INTEGER'],
      ['detail', 'VARCHAR'],
    ],
  },
};

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * The `CREATE TABLE` statement of a table (optionally in another attached catalog).
 *
 * @example
 * createTableSql('figures'); // 'CREATE TABLE IF NOT EXISTS "figures" ("report" VARCHAR, …)'
 */
export function createTableSql(name: TableName): string {
  const cols = TABLES[name].columns.map(([c, t]) => `${quote(c)} ${t}`).join(', ');
  return `CREATE TABLE IF NOT EXISTS ${quote(name)} (${cols})`;
}

/**
 * Statements that add to a table created by an earlier version the columns it lacks; columns are only
 * ever added at the end of a table, so positional appends stay aligned.
 *
 * @example
 * addMissingColumnsSql('reports').at(-1); // 'ALTER TABLE "reports" ADD COLUMN IF NOT EXISTS "agency_key" VARCHAR'
 */
export function addMissingColumnsSql(name: TableName): string[] {
  return TABLES[name].columns.map(
    ([c, t]) => `ALTER TABLE ${quote(name)} ADD COLUMN IF NOT EXISTS ${quote(c)} ${t}`,
  );
}

/** The column list of a table, quoted, for `INSERT … SELECT` and `COPY`. */
export function columnList(name: TableName): string {
  return TABLES[name].columns.map(([c]) => quote(c)).join(', ');
}

/**
 * The panel: one row per agency × year × figure key, for reports that loaded. Reports are grouped by
 * `agency_key` (see `agencyKey` in src/agency: division code and department, else the name without its
 * governing word), so the same body under name variants (平潭综合实验区管委会 / …党工委管委会 / 平潭综合实验区,
 * 淮安市洪泽区人民政府 / 洪泽区政府) is one panel unit; `agency` is the normalised name of its first path.
 * Where one agency has several reports for a year (duplicates, re-issues), `reports` counts them and
 * `value` is the one of the first path, with `values_differ` telling whether they disagreed.
 *
 * @example
 * // select agency_key, agency, year, value from panel where key = 'applications.newReceived.total' order by agency_key, year
 */
export const PANEL_VIEW_SQL = `CREATE OR REPLACE VIEW panel AS
SELECT arg_min(r.agency, r.path) AS agency, any_value(r.region) AS region, any_value(r.level) AS level, r.year, f.key,
       arg_min(f.value, r.path) AS value, arg_min(f.unit, r.path) AS unit,
       count(*) AS reports, count(DISTINCT f.value) > 1 AS values_differ, r.agency_key
FROM reports r JOIN figures f ON f.report = r.path
WHERE r.status = 'ok' AND r.agency_key IS NOT NULL AND r.year IS NOT NULL
GROUP BY r.agency_key, r.year, f.key`;
