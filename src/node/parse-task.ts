import { isMainThread } from 'node:worker_threads';
import type { ParseOptions } from '../core/pipeline.js';
import type { Report } from '../model/index.js';
import { digestReport, type ReportDigest } from '../rules/cross.js';
import { parseFile } from './parse-file.js';

/**
 * One unit of work for a parse worker: plain data, so it crosses a thread boundary unchanged.
 * The `debug*` fields exist so tests can simulate slow and hanging documents without real ones.
 */
export interface ParseTask {
  /** Path to open (absolute or relative to the process). */
  path: string;
  /** Name recorded in `Report.file`. */
  file: string;
  options: Pick<ParseOptions, 'limits' | 'rules'>;
  /** Also compute the cross-report digest (for `xxgk check`). */
  digest?: boolean;
  /** Test hook: wait this long before parsing. */
  debugDelayMs?: number;
  /** Test hook: misbehave like a pathological document (`hang-sync` blocks the thread, `hang-async` never
   * resolves, `crash` kills the worker thread or, inline, throws). */
  debugFault?: 'hang-sync' | 'hang-async' | 'crash';
}

/** What a parse worker returns. */
export interface ParseResult {
  report: Report;
  digest?: ReportDigest;
}

/**
 * Runs one {@link ParseTask}: the same code inline and inside a worker thread.
 *
 * @example
 * const { report } = await runParseTask({ path: 'a.txt', file: 'a.txt', options: {} });
 */
export async function runParseTask(task: ParseTask): Promise<ParseResult> {
  if (task.debugFault === 'hang-sync')
    for (;;) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000);
  if (task.debugFault === 'hang-async') await new Promise(() => {});
  if (task.debugFault === 'crash') {
    if (isMainThread) throw new Error('simulated crash');
    // An uncaught error kills the worker thread, as a fatal error in a parser would.
    setTimeout(() => {
      throw new Error('simulated fatal error in a parser');
    });
    await new Promise(() => {});
  }
  if (task.debugDelayMs) await new Promise((resolve) => setTimeout(resolve, task.debugDelayMs));
  const report = await parseFile(task.path, { ...task.options, file: task.file });
  return task.digest ? { report, digest: digestReport(report) } : { report };
}
