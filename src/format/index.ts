import { csv, csvStream } from './csv.js';
import type { Formatter, StreamFormatter } from './formatter.js';
import { html } from './html.js';
import { json, jsonStream } from './json.js';
import { jsonl, jsonlStream } from './jsonl.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';

export { csvColumns } from './csv.js';
export type { FormatContext, Formatter, StreamFormatter, StreamWriter } from './formatter.js';
export { sarifLog } from './sarif.js';
export { csv, html, json, jsonl, sarif, stylish };

/** Names accepted by `--format`. */
export const FORMAT_NAMES = ['stylish', 'json', 'jsonl', 'csv', 'sarif', 'html'] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

/**
 * Output formatters by name.
 *
 * @example
 * formatters.sarif(reports, { rules, color: false });
 */
export const formatters: Record<FormatName, Formatter> = { stylish, json, jsonl, csv, sarif, html };

/**
 * Formats that can be written record by record as results arrive (the others need the whole batch).
 *
 * @example
 * const writer = streamFormatters.jsonl?.({ rules: [], color: false });
 */
export const streamFormatters: Partial<Record<FormatName, StreamFormatter>> = {
  json: jsonStream,
  jsonl: jsonlStream,
  csv: csvStream,
};

/**
 * True when `name` is a known format.
 *
 * @example
 * isFormatName('sarif'); // true
 */
export function isFormatName(name: string): name is FormatName {
  return (FORMAT_NAMES as readonly string[]).includes(name);
}
