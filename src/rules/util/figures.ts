import type { Evidence, Figure, FigureKey, Report, RequestColumn } from '../../model/index.js';
import type { RequestRow } from '../../templates/template-bc.js';
import { OUTCOME_GROUPS, REQUEST_COLUMNS, REQUEST_ROWS as ROW_DEFS } from '../../templates/template-bc.js';

/** The six applicant columns of table 三, without 总计. */
export const APPLICANT_COLS: RequestColumn[] = REQUEST_COLUMNS.filter((c) => c.col !== 'total').map(
  (c) => c.col,
);
/** The printed names of the table 三 columns. */
export const COL_NAMES: Record<string, string> = Object.fromEntries(
  REQUEST_COLUMNS.map((c) => [c.col, c.label]),
);

/** All seven numeric columns of table 三. */
export const REQUEST_COLS: RequestColumn[] = REQUEST_COLUMNS.map((c) => c.col);

export { OUTCOME_GROUPS };

/** Every data row of table 三, in table order: flow rows and items first, then subtotals and totals. */
export const REQUEST_ROWS: RequestRow[] = [
  'newReceived',
  'carriedOver',
  ...OUTCOME_GROUPS.flatMap((g) => g.items),
  ...ROW_DEFS.filter((r) => r.optional).map((r) => r.row),
  'resultTotal',
  'carriedForward',
];

/**
 * A figure the report states (derived figures are left out: they cannot disagree with their sources).
 *
 * @example
 * stated(report, 'requests.newReceived.total')?.value; // 64
 */
export function stated(report: Report, key: FigureKey): Figure | undefined {
  const f = report.figures[key];
  return f && !f.derived ? f : undefined;
}

/**
 * Evidence pointing at a figure, labelled with its key.
 *
 * @example
 * figureEvidence('total', 'requests.resultTotal.total', figure);
 */
export function figureEvidence(role: string, key: string, f: Figure): Evidence {
  return {
    role,
    label: key,
    span: f.span,
    text: f.stated,
    value: f.value,
    ...(f.origin ? { origin: f.origin } : {}),
  };
}

/**
 * Adds up the figures of some keys that are present; `undefined` when none is.
 *
 * @example
 * sumOf(report, ['review.upheld', 'review.corrected']); // { sum: 3, parts: [[key, figure], …] }
 */
export function sumOf(
  report: Report,
  keys: readonly FigureKey[],
): { sum: number; parts: [FigureKey, Figure][] } | undefined {
  const parts: [FigureKey, Figure][] = [];
  for (const key of keys) {
    const f = stated(report, key);
    if (f) parts.push([key, f]);
  }
  if (parts.length === 0) return undefined;
  return { sum: round(parts.reduce((a, [, f]) => a + f.value, 0)), parts };
}

/**
 * Rounds away floating-point noise from sums of decimals.
 *
 * @example
 * round(0.1 + 0.2); // 0.3
 */
export function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
