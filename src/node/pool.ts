import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { MessageChannel } from 'node:worker_threads';
import Tinypool from 'tinypool';
import { loadFailedReport } from '../core/pipeline.js';
import { LoadError } from '../load/index.js';
import { digestReport } from '../rules/cross.js';
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

function timeoutMessage(ms: number): string {
  return `parsing took longer than ${ms} ms and was abandoned`;
}

/**
 * Parses on the calling thread. A time limit abandons the pending promise (a synchronous hang cannot be
 * interrupted on one thread; use two or more jobs for that).
 *
 * @example
 * const runner = createInlineRunner();
 * const { report } = await runner.run({ path: 'a.txt', file: 'a.txt', options: {} });
 */
export function createInlineRunner(): ParseRunner {
  return {
    threads: 1,
    async run(task, timeoutMs) {
      const work = runParseTask(
        task.debugFault === 'hang-sync' ? { ...task, debugFault: 'hang-async' } : task,
      ).catch((error: unknown) =>
        failed(
          task,
          'internal-error',
          `parsing failed: ${error instanceof Error ? error.message : String(error)}`,
        ),
      );
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
 * dies (e.g. out of memory) gives a `worker-crashed` record; the batch goes on.
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
      const controller = new AbortController();
      let timedOut = false;
      let timer: NodeJS.Timeout | undefined;
      const channel = timeoutMs ? new MessageChannel() : undefined;
      // The clock starts when a worker picks the task up, not while a fresh worker is still loading.
      channel?.port1.once('message', () => {
        timer = setTimeout(() => {
          timedOut = true;
          controller.abort();
        }, timeoutMs);
      });
      try {
        const payload = channel ? { ...task, started: channel.port2 } : task;
        const transferList = channel ? [channel.port2] : [];
        return (await pool.run(payload, { signal: controller.signal, transferList })) as ParseResult;
      } catch (error) {
        if (timedOut && timeoutMs) return failed(task, 'timeout', timeoutMessage(timeoutMs));
        const message = error instanceof Error ? error.message : String(error);
        return failed(task, 'worker-crashed', `the parse worker failed: ${message}`);
      } finally {
        clearTimeout(timer);
        channel?.port1.close();
      }
    },
    close: () => pool.destroy(),
  };
}
