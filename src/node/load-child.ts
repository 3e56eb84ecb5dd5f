/**
 * Child-process entry of the load sandbox (load-sandbox.ts): reads files' bytes with the format's loader, one
 * at a time, and answers with the loaded text or the reason it could not be read.
 *
 * @example
 * fork(new URL('./load-child.js', import.meta.url), { serialization: 'advanced' });
 */
import { LoadError, type LoadedText, type LoadLimits, loadBuffer } from '../load/index.js';
import { contained, rejectionError } from './contain.js';

/** One file to load in the sandbox. */
export interface LoadRequest {
  id: number;
  bytes: Uint8Array;
  path?: string;
  limits?: Partial<LoadLimits>;
}

/** What the sandbox answers: the text, or an error as plain data (classes do not cross processes). */
export type LoadAnswer =
  | { id: number; loaded: LoadedText }
  | { id: number; failed: { load: boolean; code: string; message: string; stack?: string } };

function failure(id: number, error: unknown): LoadAnswer {
  if (error instanceof LoadError)
    return { id, failed: { load: true, code: error.code, message: error.message } };
  const message = error instanceof Error ? error.message : String(error);
  return { id, failed: { load: false, code: 'error', message, stack: (error as Error)?.stack } };
}

async function load(request: LoadRequest): Promise<LoadAnswer> {
  const { value, error, rejections } = await contained(() =>
    loadBuffer(request.bytes, { path: request.path, limits: request.limits }),
  );
  if (rejections.length > 0) return failure(request.id, rejectionError(rejections[0]));
  if (error !== undefined || value === undefined) return failure(request.id, error);
  return { id: request.id, loaded: value };
}

process.on('message', (request: LoadRequest) => {
  void load(request).then((answer) => process.send?.(answer));
});
// The parent went away (it ended, or its thread was stopped): nothing is waiting for this process any more.
process.on('disconnect', () => process.exit(0));
process.send?.({ ready: true });
