/**
 * Worker-thread entry of the parse pool: each worker imports the pipeline (and with it the segmenter's
 * dictionary) once, then runs tasks until the pool closes it.
 *
 * @example
 * new Tinypool({ filename: new URL('./parse-worker.js', import.meta.url).href });
 */
import { warmUp } from './parse-task.js';

export { runParseTask as default } from './parse-task.js';

// A library calling process.exit would end this thread silently and leave its task unanswered; as an
// error it fails only the file being parsed.
process.exit = ((code?: number) => {
  throw new Error(`a parser called process.exit(${code ?? ''})`);
}) as typeof process.exit;

// Tinypool imports this module before the worker reports ready, so this runs outside any time limit.
await warmUp();
