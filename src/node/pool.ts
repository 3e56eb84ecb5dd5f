import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Tinypool from 'tinypool';
import { internalErrorReport, loadFailedReport } from '../core/pipeline.js';
import { LoadError } from '../load/index.js';
import { digestReport } from '../rules/cross.js';
import { runLimited } from './limited-run.js';
import { type ParseResult, type ParseTask, runParseTask } from './parse-task.js';

/** Runs parse tasks, inline or in worker threads, with an optional per-file time limit. */
export interface ParseRunner {
  /** Number of tasks that can run at once. */
  readonly threads: number;
  /** Parses one file; never rejects for a bad file (timeouts and worker crashes become `load-failed` records). */
  run(task: ParseTask, timeoutMs?: number): Promise<ParseResult>;
  close(): Promise<void>;
}

/**
 * A runner that starts the one `create` makes on its first task: a resumed run whose files were all done
 * before never starts worker threads.
 *
 * @example
 * const runner = lazyRunner(2, () => createPoolRunner(2));
 * await runner.close(); // no pool was started
 */
export function lazyRunner(threads: number, create: () => ParseRunner): ParseRunner {
  let started: ParseRunner | undefined;
  return {
    threads,
    run(task, timeoutMs) {
      started ??= create();
      return started.run(task, timeoutMs);
    },
    close: () => started?.close() ?? Promise.resolve(),
  };
}

/**
 * Resolves `--jobs`: a positive integer, or `auto` (the available cores, at most the number of files).
 *
 * @example
 * resolveJobs('auto', 10); // 2 on a 2-core machine
 */
export function resolveJobs(jobs: string | number | undefined, files: number): number {
  const wanted = jobs === undefined || jobs === 'auto' ? availableParallelism() : Number(jobs);
  return Math.max(1, Math.min(wanted, Math.max(files, 1)));
}

/** The compiled worker: beside this module in dist/, or dist/ of the project when running from src/. */
function workerFile(): string {
  const here = fileURLToPath(import.meta.url);
  const beside = join(dirname(here), 'parse-worker.js');
  if (existsSync(beside)) return beside;
  const built = resolve(dirname(here), '../../dist/node/parse-worker.js');
  if (existsSync(built)) return built;
  throw new Error(`the worker script is missing (${built}); run \`npm run build\` first`);
}

function failed(task: ParseTask, code: string, message: string): ParseResult {
  const report = loadFailedReport(task.file, new LoadError(code, message));
  return task.digest ? { report, digest: digestReport(report) } : { report };
}

/** How much longer than the file's time limit a parse worker may run before it is stopped. */
const WORKER_GRACE_MS = 10_000;

function timeoutMessage(ms: number): string {
  return `parsing took longer than ${ms} ms and was abandoned`;
}

/**
 * Parses on the calling thread. PDF and DOC are still read in a worker (see `loadContained`), which stops them
 * at the time limit; for the rest a time limit abandons the pending promise (a synchronous hang in this
 * library's own code cannot be interrupted on one thread). An exception gives an `internal-error` record.
 *
 * @example
 * const runner = createInlineRunner();
 * const { report } = await runner.run({ path: 'a.txt', file: 'a.txt', options: {} });
 */
export function createInlineRunner(): ParseRunner {
  return {
    threads: 1,
    async run(task, timeoutMs) {
      const limited: ParseTask = {
        ...task,
        options: timeoutMs
          ? { ...task.options, limits: { ...task.options.limits, timeoutMs } }
          : task.options,
        debugFault: task.debugFault === 'hang-sync' ? 'hang-async' : task.debugFault,
      };
      const work = runParseTask(limited).catch((error: unknown) => {
        const report = internalErrorReport(task.file, error);
        return task.digest ? { report, digest: digestReport(report) } : { report };
      });
      if (!timeoutMs) return work;
      let timer: NodeJS.Timeout | undefined;
      const limit = new Promise<ParseResult>((done) => {
        timer = setTimeout(() => done(failed(task, 'timeout', timeoutMessage(timeoutMs))), timeoutMs);
      });
      try {
        return await Promise.race([work, limit]);
      } finally {
        clearTimeout(timer);
      }
    },
    close: async () => {},
  };
}

/**
 * Parses in a pool of worker threads (tinypool). A task over its time limit is aborted: its worker is
 * terminated and replaced, and the file gets a `load-failed` record with code `timeout`. A worker that
 * dies (an uncaught error, `process.exit`) gives a `worker-crashed` record, one out of memory an
 * `out-of-memory` record; the batch goes on.
 *
 * @example
 * const runner = createPoolRunner(2);
 * const results = await Promise.all(files.map((f) => runner.run({ path: f, file: f, options: {} }, 60_000)));
 * await runner.close();
 */
export function createPoolRunner(
  threads: number,
  options: { maxOldGenerationSizeMb?: number } = {},
): ParseRunner {
  const pool = new Tinypool({
    filename: pathToFileURL(workerFile()).href,
    minThreads: threads,
    maxThreads: threads,
    isolateWorkers: false,
    idleTimeout: 60_000,
    resourceLimits: { maxOldGenerationSizeMb: options.maxOldGenerationSizeMb ?? 2048 },
  });
  // Workers load the pipeline and warm the word segmenter when they start (up to a second or two on a
  // busy machine); wait for that once, so a time limit measures parsing rather than start-up.
  const ready = Promise.all(
    Array.from({ length: threads }, () =>
      pool.run({ path: '', file: '', options: {} }).catch(() => undefined),
    ),
  );
  return {
    threads,
    async run(task, timeoutMs) {
      await ready;
      // PDF and DOC stop at the limit in the worker's sandbox process, which kills them cleanly; the worker
      // itself is stopped only a little later, for hangs elsewhere (a stopped thread would orphan its sandbox).
      const limited = timeoutMs
        ? { ...task, options: { ...task.options, limits: { ...task.options.limits, timeoutMs } } }
        : task;
      const outcome = await runLimited<ParseResult>(pool, limited, timeoutMs && timeoutMs + WORKER_GRACE_MS);
      if (outcome.kind === 'done') return outcome.result;
      if (outcome.kind === 'timeout') return failed(task, 'timeout', timeoutMessage(timeoutMs ?? 0));
      return failed(task, outcome.code, `the parse worker failed: ${outcome.message}`);
    },
    close: () => pool.destroy(),
  };
}
