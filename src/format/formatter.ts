import type { AgencyResolver } from '../agency/index.js';
import type { Report } from '../model/index.js';
import type { RuleMeta } from '../rules/meta.js';
import type { SourceLocator } from './positions.js';

/** What every output formatter receives besides the reports. */
export interface FormatContext {
  /** Metadata of the rules that ran (for SARIF rules, HTML legends, stylish links). */
  rules: RuleMeta[];
  /** Use ANSI colours (stylish only). */
  color: boolean;
  /** Paths are shown relative to this folder when set. */
  cwd?: string;
  /** CSV: one row per figure instead of one row per report. */
  long?: boolean;
  /**
   * CSV `agencyKey` column: names each report's agency (the Node layer passes `defaultAgencyResolver`, so
   * the key has the division code). Without it the key is read from the name alone (see `agencyKeyOfName`).
   */
  agencyResolver?: AgencyResolver;
  /**
   * CSV `agencyKey` column: the keys of a whole batch by stated agency name (see `keyAgencyNames`), when
   * the batch is known before the output is written (`xxgk check`); it takes precedence over `agencyResolver`.
   */
  agencyKeys?: ReadonlyMap<string, { key: string } | undefined>;
  /**
   * Line/column in the original file of a text report (TXT, Markdown), for stylish and SARIF positions that
   * a user can open; the Node layer builds it from the file on disk. Without it, positions count lines of
   * the normalized text.
   */
  sourceLocator?: (report: Report) => SourceLocator | undefined;
}

/**
 * A pure function from results to text.
 *
 * @example
 * const out = formatters.stylish(reports, { rules, color: false });
 */
export type Formatter = (reports: Report[], ctx: FormatContext) => string;

/**
 * A formatter that writes as records arrive, so an archive run never holds all reports in memory:
 * `head()` once, `item(report)` per report in output order, `tail()` once.
 *
 * @example
 * const w = jsonlStream({ rules: [], color: false });
 * process.stdout.write(w.head() + w.item(report) + w.tail());
 */
export interface StreamWriter {
  head(): string;
  item(report: Report): string;
  tail(): string;
}

/** Makes a fresh {@link StreamWriter} for one run (writers keep state, e.g. a leading comma). */
export type StreamFormatter = (ctx: FormatContext) => StreamWriter;

/**
 * Turns a streaming formatter into a plain {@link Formatter}, so both give the same bytes.
 *
 * @example
 * export const jsonl: Formatter = fromStream(jsonlStream);
 */
export function fromStream(stream: StreamFormatter): Formatter {
  return (reports, ctx) => {
    const writer = stream(ctx);
    let out = writer.head();
    for (const report of reports) out += writer.item(report);
    return out + writer.tail();
  };
}
