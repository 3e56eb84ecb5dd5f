import { type ChildProcess, fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  DEFAULT_LIMITS,
  LoadError,
  type LoadedText,
  type LoadLimits,
  loadBuffer,
  sniffFormat,
} from '../load/index.js';
import type { Format } from '../model/report.js';
import type { LoadAnswer, LoadRequest } from './load-child.js';

/** Formats read by third-party parsers whose failures we cannot bound from the outside (pdf.js, word-extractor). */
const SANDBOXED: ReadonlySet<Format> = new Set<Format>(['pdf', 'doc']);

/** The compiled sandbox entry beside this module; absent when running from sources (tests of src/). */
function sandboxScript(): string | undefined {
  const file = fileURLToPath(new URL('./load-child.js', import.meta.url));
  return file.endsWith('.js') && existsSync(file) ? file : undefined;
}

interface Sandbox {
  child: ChildProcess;
  ready: Promise<void>;
  heapMb: number;
  /** Last lines of the child's stderr, to tell an out-of-memory death from another. */
  stderr: string;
}

let current: Sandbox | undefined;
let queue: Promise<unknown> = Promise.resolve();
let nextId = 1;
const children = new Set<ChildProcess>();

// A sandbox process may be stuck in a parser that never checks for termination; it dies with its parent.
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

function start(script: string, heapMb: number): Sandbox {
  const child = fork(script, [], {
    serialization: 'advanced',
    execArgv: [`--max-old-space-size=${heapMb}`],
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  children.add(child);
  const box: Sandbox = { child, heapMb, stderr: '', ready: Promise.resolve() };
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    box.stderr = (box.stderr + chunk).slice(-4000);
  });
  child.on('exit', () => {
    children.delete(child);
    if (current === box) current = undefined;
  });
  box.ready = new Promise((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code, signal) =>
      reject(new Error(`the sandbox process ended at start (${signal ?? code})`)),
    );
  });
  box.ready.catch(() => undefined);
  return box;
}

/** An idle sandbox does not keep the process alive; one at work does. */
function hold(child: ChildProcess, busy: boolean): void {
  if (busy) {
    child.ref();
    child.channel?.ref();
    (child.stderr as { ref?: () => void } | null)?.ref?.();
  } else {
    child.unref();
    child.channel?.unref();
    (child.stderr as { unref?: () => void } | null)?.unref?.();
  }
}

/**
 * Stops the load sandbox's process (e.g. before a server shuts down; an idle sandbox never keeps the process
 * alive, so scripts need not call this).
 *
 * @example
 * closeLoadSandbox();
 */
export function closeLoadSandbox(): void {
  for (const child of children) child.kill('SIGKILL');
  current = undefined;
}

async function runInSandbox(script: string, request: LoadRequest, limits: LoadLimits): Promise<LoadAnswer> {
  if (current && current.heapMb !== limits.maxHeapMb) closeLoadSandbox();
  current ??= start(script, limits.maxHeapMb);
  const box = current;
  hold(box.child, true);
  try {
    // The time limit measures parsing, not the start of a fresh process.
    await box.ready;
    return await new Promise<LoadAnswer>((resolve, reject) => {
      const timer = setTimeout(() => {
        done();
        // The next file must not be sent to this process while it is still dying.
        if (current === box) current = undefined;
        box.child.kill('SIGKILL');
        reject(new LoadError('timeout', `parsing took longer than ${limits.timeoutMs} ms and was abandoned`));
      }, limits.timeoutMs);
      const onMessage = (answer: LoadAnswer) => {
        if (answer.id !== request.id) return;
        done();
        resolve(answer);
      };
      const onExit = (code: number | null, signal: string | null) => {
        done();
        const oom = /heap out of memory|Reached heap limit/i.test(box.stderr);
        reject(
          oom
            ? new LoadError('out-of-memory', `the parser needed more memory than ${limits.maxHeapMb} MB`)
            : new LoadError(
                'worker-crashed',
                `the parser's process ended (${signal ?? `exit code ${code}`})`,
              ),
        );
      };
      const done = () => {
        clearTimeout(timer);
        box.child.off('message', onMessage);
        box.child.off('exit', onExit);
      };
      box.child.on('message', onMessage);
      box.child.once('exit', onExit);
      box.child.send(request);
    });
  } catch (error) {
    if (error instanceof LoadError) throw error;
    throw new LoadError(
      'worker-crashed',
      `the parser's process failed: ${(error as Error)?.message ?? error}`,
    );
  } finally {
    if (box.child.exitCode === null && box.child.signalCode === null) hold(box.child, false);
  }
}

/**
 * Loads a file's bytes like `loadBuffer`, but reads PDF and DOC in a separate process (one file at a time),
 * so a hostile file cannot take the caller down: a parser's unhandled rejection, a parse that runs past
 * `limits.timeoutMs` or over `limits.maxHeapMb`, or a crashed parser becomes a {@link LoadError}
 * (`corrupt`, `timeout`, `out-of-memory`, `worker-crashed`). A process, not a worker thread: pdf.js can be
 * stuck where a thread cannot be stopped (not even by `process.exit`), and a process can always be killed.
 * When running from sources (no compiled sandbox entry) it is `loadBuffer` itself.
 *
 * @example
 * const loaded = await loadContained(readFileSync('a.pdf'), { path: 'a.pdf', limits: { timeoutMs: 60_000 } });
 */
export async function loadContained(
  bytes: Uint8Array,
  options: { path?: string; limits?: Partial<LoadLimits> } = {},
): Promise<LoadedText> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const script = sandboxScript();
  if (
    !script ||
    bytes.length === 0 ||
    bytes.length > limits.maxFileBytes ||
    !SANDBOXED.has(sniffFormat(bytes, options.path))
  ) {
    return loadBuffer(bytes, options);
  }
  const request: LoadRequest = { id: nextId++, bytes, path: options.path, limits: options.limits };
  // One file at a time: the sandbox's time limit then measures that file alone.
  const answer = queue.then(() => runInSandbox(script, request, limits));
  queue = answer.catch(() => undefined);
  const result = await answer;
  if ('loaded' in result) return result.loaded;
  const { failed } = result;
  if (failed.load) throw new LoadError(failed.code, failed.message);
  const error = new Error(failed.message);
  if (failed.stack) error.stack = failed.stack;
  throw error;
}
