import type { Report } from '../model/index.js';
import type { RuleMeta } from '../rules/meta.js';

/** What every output formatter receives besides the reports. */
export interface FormatContext {
  /** Metadata of the rules that ran (for SARIF rules, HTML legends, stylish links). */
  rules: RuleMeta[];
  /** Use ANSI colours (stylish only). */
  color: boolean;
  /** Paths are shown relative to this folder when set. */
  cwd?: string;
}

/**
 * A pure function from results to text.
 *
 * @example
 * const out = formatters.stylish(reports, { rules, color: false });
 */
export type Formatter = (reports: Report[], ctx: FormatContext) => string;
