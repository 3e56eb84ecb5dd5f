import { resolve } from 'node:path';
import type { MainParams } from './main.js';
import { UsageError } from './rules-api.js';

/** Options of `xxgk merge`. */
export interface MergeOptions {
  output: string;
  format?: string;
  quiet?: boolean;
}

/**
 * Runs `xxgk merge`: combines shard outputs into one DuckDB file or Parquet folder. Returns the exit code.
 *
 * @example
 * await runMerge(['s1.duckdb', 's2.duckdb'], { output: 'all.duckdb' }, env);
 */
export async function runMerge(
  shards: string[],
  opts: MergeOptions,
  env: Omit<MainParams, 'argv'>,
): Promise<number> {
  const cwd = env.cwd ?? process.cwd();
  const format = opts.format ?? (/\.duckdb$/i.test(opts.output) ? 'duckdb' : undefined);
  if (format !== 'duckdb' && format !== 'parquet')
    throw new UsageError(
      format === undefined
        ? `cannot tell the format of ${opts.output}: name a .duckdb file or give -f parquet`
        : `merge writes duckdb or parquet, not "${format}"`,
    );
  const target = resolve(cwd, opts.output);
  const inputs = shards.map((s) => resolve(cwd, s));
  if (inputs.includes(target)) throw new UsageError(`the output ${opts.output} is also a shard to merge`);
  const { mergeDatasets } = await import('../dataset/merge.js');
  const { defaultAgencyResolver } = await import('../agency/node.js');
  const started = performance.now();
  let result: Awaited<ReturnType<typeof mergeDatasets>>;
  try {
    result = await mergeDatasets(inputs, target, format, { identify: defaultAgencyResolver() });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (!opts.quiet) {
    const { duckdb, parquet, jsonl } = result.inputs;
    env.stderr(
      `xxgk: merged ${shards.length} shard outputs (${duckdb} duckdb, ${parquet} parquet, ${jsonl} jsonl) into ${opts.output}: ` +
        `${result.reports} reports in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
    );
  }
  return 0;
}
