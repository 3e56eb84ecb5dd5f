import { isMainThread, type MessagePort } from 'node:worker_threads';

/**
 * The worker side of a limited task (see `runLimited` in limited-run.ts): the task's port says when the task
 * starts (the time limit counts from there) and, if the thread is made to exit in the middle of it (a parser
 * calling `process.exit`), that it ended, so the task is answered as a crash instead of waiting forever.
 */
let active: MessagePort | undefined;

if (!isMainThread) {
  process.on('exit', () => {
    active?.postMessage('exit');
  });
}

/**
 * Marks the start of a task in this worker.
 *
 * @example
 * beginTask(task.started);
 */
export function beginTask(port: MessagePort | undefined): void {
  active = port;
  port?.postMessage('started');
}

/**
 * Marks the end of the task begun last.
 *
 * @example
 * endTask();
 */
export function endTask(): void {
  active?.close();
  active = undefined;
}
