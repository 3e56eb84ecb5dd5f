import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { FORMAT_NAMES, type FormatName, isFormatName } from '../format/index.js';
import { UsageError } from './rules-api.js';

/** Dataset outputs (src/dataset): a DuckDB file, or a folder of Parquet files. */
export const STORE_FORMATS = ['duckdb', 'parquet'] as const;
export type StoreFormat = (typeof STORE_FORMATS)[number];

/** One requested output: a format and a file (`undefined` = standard output). */
export interface OutputSpec {
  format: FormatName | StoreFormat;
  file?: string;
}

/** Whether an output is a dataset store rather than a formatted file. */
export function isStoreSpec(spec: OutputSpec): spec is OutputSpec & { format: StoreFormat; file: string } {
  return (STORE_FORMATS as readonly string[]).includes(spec.format);
}

/** Whether an output is a formatted file or stream (json, csv, …). */
export function isFormatSpec(spec: OutputSpec): spec is OutputSpec & { format: FormatName } {
  return !isStoreSpec(spec);
}

const isOutputFormat = (name: string): name is FormatName | StoreFormat =>
  isFormatName(name) || (STORE_FORMATS as readonly string[]).includes(name);

/** File endings that name a format when `-o FILE` comes without `-f`. */
const FORMAT_BY_EXTENSION: [RegExp, FormatName | StoreFormat][] = [
  [/\.duckdb$/i, 'duckdb'],
  [/\.jsonl$|\.ndjson$/i, 'jsonl'],
  [/\.sarif(\.json)?$/i, 'sarif'],
  [/\.json$/i, 'json'],
  [/\.csv$/i, 'csv'],
  [/\.html?$/i, 'html'],
];

/**
 * The format a file name implies (`out.csv` → csv), or undefined when its ending names none.
 *
 * @example
 * formatOfFile('report.sarif'); // 'sarif'
 */
export function formatOfFile(file: string): FormatName | StoreFormat | undefined {
  return FORMAT_BY_EXTENSION.find(([ending]) => ending.test(file))?.[1];
}

function unknownFormat(name: string): UsageError {
  return new UsageError(
    `unknown format "${name}"; the formats are ${[...FORMAT_NAMES, ...STORE_FORMATS].join(', ')}`,
  );
}

/**
 * Reads the `-o` values: `file` or `format=file`; `-` is standard output. A plain `file` is written in the
 * `--format` given, else in the format its ending names (`.csv`, `.jsonl`, `.sarif`, …), else in the
 * command's default. With no `-o`, the run's format goes to standard output. A folder as output, two outputs
 * on stdout or on one file, and an unknown format are usage errors, found before any work starts.
 *
 * @example
 * parseOutputs(['jsonl=out.jsonl', 'out.csv'], { fallback: 'json' }); // [{format:'jsonl',file:'out.jsonl'}, {format:'csv',file:'out.csv'}]
 */
export function parseOutputs(
  values: string[],
  options: { format?: string; fallback: FormatName; cwd?: string },
): OutputSpec[] {
  if (options.format !== undefined && !isOutputFormat(options.format)) throw unknownFormat(options.format);
  const chosen = options.format as FormatName | StoreFormat | undefined;
  const specs: OutputSpec[] = values.map((value) => {
    const m = /^([a-z]+)=(.+)$/.exec(value);
    if (m?.[1] && m[2]) {
      if (!isOutputFormat(m[1])) throw unknownFormat(m[1]);
      return { format: m[1], file: m[2] === '-' ? undefined : m[2] };
    }
    if (value === '-') return { format: chosen ?? options.fallback };
    return { format: chosen ?? formatOfFile(value) ?? options.fallback, file: value };
  });
  if (specs.length === 0) specs.push({ format: chosen ?? options.fallback });
  for (const s of specs)
    if (isStoreSpec(s) && s.file === undefined)
      throw new UsageError(`the ${s.format} output needs -o ${s.format === 'parquet' ? 'FOLDER' : 'FILE'}`);
  if (specs.filter((s) => s.file === undefined).length > 1)
    throw new UsageError('only one output can go to stdout');
  const files = specs.flatMap((s) => (s.file ? [s.file] : []));
  const folders = new Set(specs.flatMap((s) => (s.format === 'parquet' && s.file ? [s.file] : [])));
  if (new Set(files).size !== files.length) throw new UsageError('two outputs name the same file');
  for (const file of files) {
    const info = statSync(resolve(options.cwd ?? process.cwd(), file), { throwIfNoEntry: false });
    if (info?.isDirectory() && !folders.has(file))
      throw new UsageError(`the output ${file} is a folder; name a file inside it, e.g. ${file}/out.json`);
  }
  return specs;
}
