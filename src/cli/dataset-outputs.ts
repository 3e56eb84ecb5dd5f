import { resolve } from 'node:path';
import type { AgencyResolver } from '../dataset/rows.js';
import type { DatasetStore } from '../dataset/store.js';
import type { Report } from '../model/index.js';
import type { OutputSpec, StoreFormat } from './outputs.js';
import { UsageError } from './rules-api.js';

/** The dataset outputs of a run (`-o x.duckdb`, `-o parquet=folder`), written record by record. */
export interface DatasetOutputs {
  /** What every store already holds (hash → count), when all outputs are stores: the engine's `skip`. */
  skip: Map<string, number> | undefined;
  put(report: Report): Promise<void>;
  close(): Promise<void>;
}

/**
 * Opens the dataset stores a run writes to. Only when every output of the run is a store does it resume
 * from them (a JSONL or CSV output beside it needs every record). DuckDB is loaded only here, so runs
 * without a dataset output never load its binary.
 *
 * @example
 * const data = await openDatasetOutputs([{ format: 'duckdb', file: 'a.duckdb' }], { cwd, resumable: true });
 */
export async function openDatasetOutputs(
  specs: (OutputSpec & { format: StoreFormat; file: string })[],
  options: { cwd: string; resumable: boolean; identify?: AgencyResolver },
): Promise<DatasetOutputs | undefined> {
  if (specs.length === 0) return undefined;
  const { openStore } = await import('../dataset/store.js');
  // The division data is read on the first report to store, so a resumed run with nothing new skips it.
  const { defaultAgencyResolver } = await import('../agency/node.js');
  const identify: AgencyResolver = options.identify ?? ((stated) => defaultAgencyResolver()(stated));
  const stores: DatasetStore[] = [];
  try {
    for (const spec of specs)
      stores.push(await openStore(spec.format, resolve(options.cwd, spec.file), { identify }));
  } catch (error) {
    for (const s of stores) await s.close().catch(() => undefined);
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  let skip: Map<string, number> | undefined;
  if (options.resumable) {
    // A file is skipped only when every store has it.
    const all = await Promise.all(stores.map((s) => s.done()));
    skip = all[0] ?? new Map();
    for (const other of all.slice(1))
      skip = new Map(
        [...skip].flatMap(([k, n]) => (other.has(k) ? [[k, Math.min(n, other.get(k) ?? 0)]] : [])),
      );
  }
  return {
    skip,
    async put(report) {
      for (const s of stores) await s.put(report);
    },
    async close() {
      let failure: unknown;
      for (const s of stores) await s.close().catch((e: unknown) => (failure ??= e));
      if (failure) throw failure;
    },
  };
}
