import type { CoreKey, ProseKey } from '../extract/era-a-keys.js';
import type { INDICATORS } from '../templates/era-a.js';
import type {
  ActiveKey,
  REQUEST_COLUMNS,
  REVIEW_BLOCKS,
  REVIEW_COLUMNS,
  RequestRow,
} from '../templates/template-bc.js';

// Key types are derived from the template data (src/templates/), so a key that no template defines does
// not compile where code names it, and adding a row to a template adds its keys here.

/** A column of table 三 (`natural` … `total`). */
export type RequestColumn = (typeof REQUEST_COLUMNS)[number]['col'];
/** A table 三 key: `requests.<row>.<col>`. */
export type RequestKey = `requests.${RequestRow}.${RequestColumn}`;
/** A table 四 key: `<block>.<col>`. */
export type ReviewKey =
  `${(typeof REVIEW_BLOCKS)[number]['prefix']}.${(typeof REVIEW_COLUMNS)[number]['col']}`;
/** An era A statistics key. */
export type IndicatorKey = (typeof INDICATORS)[number]['key'];
/** A key of the template tables 二, 三 and 四. */
export type TemplateKey = ActiveKey | RequestKey | ReviewKey;

/**
 * A canonical figure key as it appears in `Report.figures`: a template, statistics, prose or `core.*`
 * key, or a statistics key's running total since records began (`<key>@cumulative`).
 *
 * @example
 * const key: FigureKey = 'requests.resultTotal.total';
 * const running: FigureKey = 'active.total@cumulative';
 * // const typo: FigureKey = 'requests.resultTotl.total'; // does not compile
 */
export type FigureKey = BaseFigureKey | `${IndicatorKey}@cumulative`;
/** A figure key without a suffix. */
export type BaseFigureKey = IndicatorKey | ProseKey | TemplateKey | CoreKey;

/**
 * A key composed at run time from template data (a block prefix and a column of a registered revision),
 * which the static type cannot list. Use only for keys built from `src/templates/` objects.
 *
 * @example
 * composedKey(`${block.prefix}.total`);
 */
export function composedKey(key: string): FigureKey {
  return key as FigureKey;
}

/**
 * Builds a table 三 key from its parts, checked at compile time.
 *
 * @example
 * requestKey('denied.stateSecret', 'total'); // 'requests.denied.stateSecret.total'
 */
export function requestKey<R extends RequestRow, C extends RequestColumn>(
  row: R,
  col: C,
): `requests.${R}.${C}` {
  return `requests.${row}.${col}`;
}
