import { type FormatName, isFormatName } from '../format/index.js';
import { UsageError } from './rules-api.js';

/** One requested output: a format and a file (`undefined` = standard output). */
export interface OutputSpec {
  format: FormatName;
  file?: string;
}

/**
 * Reads the `-o` values: `file` (in the run's `--format`) or `format=file`; `-` is standard output.
 * With no `-o`, the run's format goes to standard output.
 *
 * @example
 * parseOutputs(['jsonl=out.jsonl', 'csv=out.csv'], 'json'); // [{format:'jsonl',file:'out.jsonl'}, {format:'csv',file:'out.csv'}]
 */
export function parseOutputs(values: string[], format: string): OutputSpec[] {
  if (!isFormatName(format)) throw new UsageError(`unknown format "${format}"`);
  const specs: OutputSpec[] = values.map((value) => {
    const m = /^([a-z]+)=(.+)$/.exec(value);
    if (m?.[1] && m[2] && isFormatName(m[1])) return { format: m[1], file: m[2] === '-' ? undefined : m[2] };
    return { format, file: value === '-' ? undefined : value };
  });
  if (specs.length === 0) specs.push({ format });
  if (specs.filter((s) => s.file === undefined).length > 1)
    throw new UsageError('only one output can go to stdout');
  const files = specs.flatMap((s) => (s.file ? [s.file] : []));
  if (new Set(files).size !== files.length) throw new UsageError('two outputs name the same file');
  return specs;
}
