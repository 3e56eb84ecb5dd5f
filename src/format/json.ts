import { type Formatter, fromStream, type StreamFormatter } from './formatter.js';

/**
 * A JSON array of Report records, written record by record (always an array, even for one file).
 *
 * @example
 * const w = jsonStream({ rules: [], color: false });
 * w.head() + w.item(a) + w.item(b) + w.tail(); // '[\n{…},\n{…}\n]\n'
 */
export const jsonStream: StreamFormatter = () => {
  let count = 0;
  return {
    head: () => '[',
    item: (report) => `${count++ === 0 ? '\n' : ',\n'}${JSON.stringify(report)}`,
    tail: () => (count === 0 ? ']\n' : '\n]\n'),
  };
};

/**
 * All records as one JSON array; for small runs (use jsonl for archives).
 *
 * @example
 * JSON.parse(json(reports, { rules: [], color: false })).length === reports.length;
 */
export const json: Formatter = fromStream(jsonStream);
