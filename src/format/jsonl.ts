import { type Formatter, fromStream, type StreamFormatter } from './formatter.js';

/**
 * One Report record per line (JSON Lines): the archive format, streamed and resumable.
 *
 * @example
 * jsonlStream({ rules: [], color: false }).item(report); // '{"file":"a.txt",…}\n'
 */
export const jsonlStream: StreamFormatter = () => ({
  head: () => '',
  item: (report) => `${JSON.stringify(report)}\n`,
  tail: () => '',
});

/**
 * JSON Lines of all records.
 *
 * @example
 * jsonl(reports, { rules: [], color: false }).trim().split('\n').length === reports.length;
 */
export const jsonl: Formatter = fromStream(jsonlStream);
