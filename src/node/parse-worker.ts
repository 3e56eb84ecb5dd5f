/**
 * Worker-thread entry of the parse pool: each worker imports the pipeline (and with it the segmenter's
 * dictionary) once, then runs tasks until the pool closes it.
 *
 * @example
 * new Tinypool({ filename: new URL('./parse-worker.js', import.meta.url).href });
 */
import { internalErrorReport, loadFailedReport } from '../core/pipeline.js';
import { digestReport } from '../rules/cross.js';
import { contained, rejectionError } from './contain.js';
import { type ParseResult, type ParseTask, runParseTask, warmUp } from './parse-task.js';
import { beginTask, endTask } from './worker-task.js';

// PDF and DOC are read in this worker's own sandbox process (load-sandbox.ts). A parser that calls
// process.exit ends only this thread; worker-task.ts answers the task as a crash and the pool replaces it.

function withDigest(task: ParseTask, result: ParseResult): ParseResult {
  return task.digest ? { report: result.report, digest: digestReport(result.report) } : result;
}

/**
 * Runs one task; a rejection a parser left unhandled while it ran makes the file `load-failed` (`corrupt`),
 * an exception that escapes the pipeline gives an `internal-error` record.
 */
export default async function parse(task: ParseTask): Promise<ParseResult> {
  beginTask(task.started);
  try {
    const { value, error, rejections } = await contained(() => runParseTask(task));
    if (rejections.length > 0) {
      return withDigest(task, { report: loadFailedReport(task.file, rejectionError(rejections[0])) });
    }
    if (error !== undefined || value === undefined) {
      return withDigest(task, { report: internalErrorReport(task.file, error) });
    }
    return value;
  } finally {
    endTask();
  }
}

// Tinypool imports this module before the worker reports ready, so this runs outside any time limit.
await warmUp();
