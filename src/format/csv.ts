import { stringify } from 'csv-stringify/sync';
import { agencyKeyOfName } from '../agency/index.js';
import { allKeys } from '../extract/keys.js';
import type { Figure, Report } from '../model/index.js';
import { type FormatContext, type Formatter, fromStream, type StreamFormatter } from './formatter.js';

/**
 * Columns of the wide CSV before the figure keys, in order; columns added later go last, so existing
 * positions do not move (`agencyKey`: see `agencyKey` in src/agency).
 */
export const CSV_META_COLUMNS = [
  'file',
  'format',
  'hash',
  'title',
  'agency',
  'reportYear',
  'era',
  'eraConfidence',
  'periodStart',
  'periodEnd',
  'signedOn',
  'contact.phone',
  'contact.fax',
  'contact.email',
  'contact.address',
  'contact.postcode',
  'bytes',
  'chars',
  'pages',
  'ms',
  'errors',
  'warnings',
  'infos',
  'loadFailed',
  'agencyKey',
] as const;

/** Columns of the long CSV (one row per figure), in order. */
export const CSV_LONG_COLUMNS = [
  'file',
  'agency',
  'reportYear',
  'era',
  'key',
  'label',
  'value',
  'unit',
  'qualifier',
  'stated',
  'start',
  'end',
  'source',
  'section',
  'page',
  'table',
  'row',
  'col',
  'derived',
  'agencyKey',
] as const;

type Cell = string | number | undefined;

/**
 * The figure columns of the wide CSV: every canonical key in `ALL_KEYS` order (with the keys of template
 * revisions registered at run time), each cumulative key followed by its `<key>@cumulative` column (the
 * running total since records began), so no key of a record is lost.
 *
 * @example
 * figureColumns().includes('active.total@cumulative'); // true
 */
export function figureColumns(keys: readonly { key: string; cumulative?: boolean }[] = allKeys()): string[] {
  return keys.flatMap((k) => (k.cumulative ? [k.key, `${k.key}@cumulative`] : [k.key]));
}

/**
 * The header of the wide CSV: meta columns, then the figure columns ({@link figureColumns}).
 *
 * @example
 * csvColumns().slice(0, 3); // ['file', 'format', 'hash']
 */
export function csvColumns(): string[] {
  return [...CSV_META_COLUMNS, ...figureColumns()];
}

/** The agency key of a report (see `agencyKey` in src/agency), or nothing without an agency. */
function keyOf(report: Report, ctx: FormatContext): string | undefined {
  const stated = report.meta.agency;
  if (!stated) return undefined;
  if (ctx.agencyKeys?.has(stated)) return ctx.agencyKeys.get(stated)?.key;
  return agencyKeyOfName(stated, ctx.agencyResolver);
}

function metaRow(report: Report, ctx: FormatContext): Cell[] {
  const m = report.meta;
  const count = (severity: string) => report.anomalies.filter((a) => a.severity === severity).length;
  const failed = report.anomalies.find((a) => a.ruleId === 'load-failed');
  const code = failed?.data?.['code'];
  return [
    report.file,
    report.format,
    report.hash,
    m.title,
    m.agency,
    m.reportYear,
    m.era ?? undefined,
    m.eraConfidence,
    m.periodStart,
    m.periodEnd,
    m.signedOn,
    m.contact.phone,
    m.contact.fax,
    m.contact.email,
    m.contact.address,
    m.contact.postcode,
    report.stats.bytes,
    report.stats.chars,
    report.stats.pages,
    report.stats.ms,
    count('error'),
    count('warning'),
    count('info'),
    failed ? (typeof code === 'string' ? code : 'error') : undefined,
    keyOf(report, ctx),
  ];
}

/** Figures in column order first, then any others by key, so rows are stable. */
function orderedFigures(report: Report): [string, Figure][] {
  const columns = figureColumns();
  const known = new Set(columns);
  const out: [string, Figure][] = [];
  for (const key of columns) {
    const figure = report.figures[key];
    if (figure) out.push([key, figure]);
  }
  for (const key of Object.keys(report.figures).sort()) {
    const figure = report.figures[key];
    if (!known.has(key) && figure) out.push([key, figure]);
  }
  return out;
}

function longRows(report: Report, ctx: FormatContext): Cell[][] {
  const m = report.meta;
  const agencyKey = keyOf(report, ctx);
  return orderedFigures(report).map(([key, f]) => [
    report.file,
    m.agency,
    m.reportYear,
    m.era ?? undefined,
    key,
    f.label,
    f.value,
    f.unit,
    f.qualifier,
    f.stated,
    f.span[0],
    f.span[1],
    f.source,
    f.section,
    f.origin?.page,
    f.origin?.table,
    f.origin?.row,
    f.origin?.col,
    f.derived ? 'true' : undefined,
    agencyKey,
  ]);
}

function line(rows: Cell[][]): string {
  return rows.length === 0 ? '' : stringify(rows, { record_delimiter: '\r\n' });
}

/**
 * CSV for spreadsheets: UTF-8 with a BOM (so Excel shows the Chinese), one row per report with one column
 * per canonical key, or with `long` one row per figure. Streamed row by row.
 *
 * @example
 * const w = csvStream({ rules: [], color: false });
 * w.head(); // '\uFEFFfile,format,hash,…\r\n'
 */
export const csvStream: StreamFormatter = (ctx) => {
  const columns: string[] = ctx.long ? [...CSV_LONG_COLUMNS] : csvColumns();
  const keys = figureColumns();
  return {
    head: () => `\uFEFF${line([columns])}`,
    item: (report) =>
      ctx.long
        ? line(longRows(report, ctx))
        : line([[...metaRow(report, ctx), ...keys.map((k) => report.figures[k]?.value)]]),
    tail: () => '',
  };
};

/**
 * All records as CSV (see {@link csvStream}).
 *
 * @example
 * csv(reports, { rules: [], color: false, long: true });
 */
export const csv: Formatter = fromStream(csvStream);
