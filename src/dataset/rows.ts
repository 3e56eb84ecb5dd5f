import { type AgencyResolver, agencyKey, agencyKeyOfName } from '../agency/index.js';
import type { Anchor, Origin, Report, Span } from '../model/index.js';
import type { TableName } from './tables.js';

/** One row of a dataset table: values in the table's column order (`null` = missing). */
export type Row = (string | number | boolean | null)[];

/** The rows one report adds to each table. */
export type ReportRows = Record<TableName, Row[]>;

export type { AgencyResolver } from '../agency/index.js';

const orNull = <T>(v: T | undefined): T | null => (v === undefined ? null : v);

/** The page a text offset lies on, from the report's anchors (sorted by start). */
function pageLocator(anchors: Anchor[]): (offset: number) => number | undefined {
  const pages = anchors.filter((a) => a.origin.page !== undefined);
  return (offset) => {
    let lo = 0;
    let hi = pages.length - 1;
    let found: number | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const a = pages[mid] as Anchor;
      if (a.span[0] <= offset) {
        found = a.origin.page;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };
}

function place(
  origin: Origin | undefined,
  span: Span | undefined,
  pageAt: (o: number) => number | undefined,
) {
  return {
    page: origin?.page ?? (span ? pageAt(span[0]) : undefined),
    table: origin?.table,
    row: origin?.row,
    col: origin?.col,
  };
}

/**
 * The claims table's rows of a report: one per claim in `Report.claims` (none when the report has no
 * claims). The common fields get columns; the whole claim is kept as JSON in `detail`.
 *
 * @example
 * claimRows(report); // [['a.txt', 0, 'count', 'active.total', '主动公开政府信息', 'year', null, 84, '条', …], …]
 */
export function claimRows(report: Report): Row[] {
  const claims = (report as { claims?: unknown }).claims;
  if (!Array.isArray(claims)) return [];
  return claims.map((raw, n) => {
    const c = raw as Record<string, unknown>;
    const str = (k: string) => (typeof c[k] === 'string' ? (c[k] as string) : null);
    const num = (k: string) => (typeof c[k] === 'number' ? (c[k] as number) : null);
    const span = Array.isArray(c['span']) ? (c['span'] as Span) : undefined;
    return [
      report.file,
      n,
      str('kind'),
      str('indicator'),
      str('subject'),
      str('scope'),
      num('year'),
      num('value'),
      str('unit'),
      str('qualifier'),
      str('stated'),
      str('parser'),
      str('section'),
      orNull(span?.[0]),
      orNull(span?.[1]),
      JSON.stringify(c),
    ];
  });
}

/**
 * Flattens one report into the rows of every dataset table (see {@link TABLES} for the columns).
 * `identify` names the agency; without it the stated name is kept, region and level stay unknown and the
 * agency key is read from the name alone.
 *
 * @example
 * const rows = reportRows(report, identifyAgency);
 * rows.figures.length === Object.keys(report.figures).length; // true
 */
export function reportRows(report: Report, identify?: AgencyResolver): ReportRows {
  const pageAt = pageLocator(report.anchors);
  const failed = report.anomalies.find((a) => a.ruleId === 'load-failed');
  const code = failed?.data?.['code'];
  const meta = report.meta;
  const who = meta.agency && identify ? identify(meta.agency) : undefined;
  const claims = claimRows(report);
  const figureKeys = Object.keys(report.figures).sort();
  const reports: Row = [
    report.file,
    report.hash || null,
    report.format,
    failed ? 'failed' : 'ok',
    failed ? (typeof code === 'string' ? code : 'error') : null,
    who?.name ?? orNull(meta.agency),
    orNull(meta.agency),
    orNull(who?.region),
    orNull(who?.regionName),
    orNull(who?.level),
    who ? JSON.stringify(who.evidence) : null,
    orNull(meta.title),
    orNull(meta.reportYear),
    orNull(meta.era),
    orNull(meta.eraConfidence),
    orNull(meta.periodStart),
    orNull(meta.periodEnd),
    orNull(meta.signedOn),
    orNull(report.stats.pages),
    report.stats.bytes,
    report.stats.chars,
    figureKeys.length,
    report.anomalies.length,
    claims.length,
    orNull(who ? agencyKey(who)?.key : meta.agency ? agencyKeyOfName(meta.agency) : undefined),
  ];
  const figures = figureKeys.map((key): Row => {
    const f = report.figures[key] as Report['figures'][string];
    const at = place(f.origin, f.span, pageAt);
    return [
      report.file,
      key,
      f.value,
      f.unit,
      f.qualifier,
      f.stated,
      f.derived === true,
      orNull(f.source),
      orNull(f.label),
      orNull(f.section),
      orNull(at.page),
      orNull(at.table),
      orNull(at.row),
      orNull(at.col),
      f.span[0],
      f.span[1],
    ];
  });
  const anomalies = report.anomalies.map((a, n): Row => {
    const at = place(a.origin, a.place, pageAt);
    return [
      report.file,
      n,
      a.ruleId,
      a.severity,
      a.reason,
      a.reasonEn,
      orNull(a.section),
      a.expected === undefined ? null : String(a.expected),
      a.actual === undefined ? null : String(a.actual),
      orNull(at.page),
      orNull(a.line),
      orNull(a.place?.[0]),
      orNull(a.place?.[1]),
      JSON.stringify(a.evidence),
    ];
  });
  return { reports: [reports], figures, anomalies, claims };
}
