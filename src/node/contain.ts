import { LoadError } from '../load/index.js';

/**
 * Rejections that nothing awaited, reported while a task runs in this thread. Parsers (pdf.js above all)
 * sometimes reject a promise they keep in a cache and then abandon: Node would end the thread for it. In a
 * thread that runs one task at a time, such a rejection belongs to the task in flight.
 */
let current: unknown[] | undefined;
let trapped = false;

function trap(): void {
  if (trapped) return;
  trapped = true;
  process.on('unhandledRejection', (reason) => {
    // Outside a task (a late rejection of an abandoned document) there is nothing left to fail.
    current?.push(reason);
  });
}

/**
 * Runs one task and collects the rejections nobody handled while it ran. Call only in a thread that runs one
 * task at a time (a worker); it installs a process-wide `unhandledRejection` listener for that thread.
 *
 * @example
 * const { value, rejections } = await contained(() => loadBuffer(bytes));
 */
export async function contained<T>(
  work: () => Promise<T>,
): Promise<{ value?: T; error?: unknown; rejections: unknown[] }> {
  trap();
  const rejections: unknown[] = [];
  current = rejections;
  try {
    let value: T | undefined;
    let error: unknown;
    try {
      value = await work();
    } catch (caught) {
      error = caught;
    }
    // Node reports unhandled rejections once the microtask queue drains; one turn of the event loop lets
    // those of this task arrive before it is answered.
    await new Promise((resolve) => setImmediate(resolve));
    return error === undefined ? { value, rejections } : { error, rejections };
  } finally {
    current = undefined;
  }
}

/**
 * The load failure for a rejection a parser left unhandled: the file's structure made the parser fail in
 * the background (e.g. pdf.js `XRefEntryException`), so the file counts as damaged.
 *
 * @example
 * rejectionError(new Error('Bad XRef entry')).code; // 'corrupt'
 */
export function rejectionError(reason: unknown): LoadError {
  const name = (reason as { name?: string })?.name;
  const message =
    reason instanceof Error || (reason && typeof reason === 'object' && 'message' in reason)
      ? String((reason as { message: unknown }).message)
      : String(reason);
  return new LoadError(
    'corrupt',
    `the parser failed on damaged content (${name ? `${name}: ` : ''}${message})`,
    {
      cause: reason,
    },
  );
}
