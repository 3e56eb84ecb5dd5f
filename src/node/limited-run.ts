import { MessageChannel, type MessagePort } from 'node:worker_threads';
import type Tinypool from 'tinypool';

/** How a task run in a worker pool ended. */
export type LimitedOutcome<R> =
  | { kind: 'done'; result: R }
  | { kind: 'timeout' }
  | { kind: 'crashed'; code: 'worker-crashed' | 'out-of-memory'; message: string };

/**
 * Runs one task in a tinypool pool whose worker calls `beginTask(task.started)` / `endTask()`: the time limit
 * starts when a worker picks the task up (not while a fresh worker is loading); a task over the limit is
 * aborted, which terminates and replaces its worker; a worker that dies or exits answers its task as a crash.
 * Never rejects.
 *
 * @example
 * const outcome = await runLimited(pool, { path: 'a.pdf' }, 60_000);
 */
export async function runLimited<R>(
  pool: Tinypool,
  payload: object,
  timeoutMs?: number,
): Promise<LimitedOutcome<R>> {
  const controller = new AbortController();
  let timedOut = false;
  let exited = false;
  let timer: NodeJS.Timeout | undefined;
  const channel = new MessageChannel();
  channel.port1.on('message', (message) => {
    if (message === 'started' && timeoutMs) {
      timer = setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, timeoutMs);
    } else if (message === 'exit') {
      // The thread is gone but the pool still counts the task as running: aborting removes the worker.
      exited = true;
      controller.abort();
    }
  });
  try {
    const started: MessagePort = channel.port2;
    const result = (await pool.run(
      { ...payload, started },
      { signal: controller.signal, transferList: [started] },
    )) as R;
    return { kind: 'done', result };
  } catch (error) {
    if (timedOut) return { kind: 'timeout' };
    if (exited) {
      return {
        kind: 'crashed',
        code: 'worker-crashed',
        message: 'the worker thread exited in the middle of the file (a parser called process.exit)',
      };
    }
    const code = (error as { code?: string })?.code;
    const message = error instanceof Error ? error.message : String(error);
    return {
      kind: 'crashed',
      code: code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'out-of-memory' : 'worker-crashed',
      message,
    };
  } finally {
    clearTimeout(timer);
    channel.port1.close();
  }
}
