import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat, truncate } from 'node:fs/promises';
import type { Report } from '../model/index.js';

/**
 * The identity of a report for `--resume`: the sha256 of the file's bytes, or the file name for files
 * that could not be read (their records have no hash).
 *
 * @example
 * resumeKey({ hash: 'ab12…', file: 'a.pdf' }); // 'ab12…'
 */
export function resumeKey(record: Pick<Report, 'hash' | 'file'>): string {
  return record.hash || `file:${record.file}`;
}

/** What an existing JSONL output holds. */
export interface ResumeState {
  /** Resume key → how many records carry it (identical files are counted, not merged). */
  done: Map<string, number>;
  /** Complete records found. */
  records: number;
  /** Complete lines that were not valid records (kept in the file, not counted). */
  invalid: number;
  /** Bytes of a torn last line that were cut off. */
  truncatedBytes: number;
}

/**
 * Reads a JSONL output left by an earlier (perhaps killed) run: counts its records by {@link resumeKey} and
 * cuts a torn last line, so new records can be appended and each report ends up exactly once.
 * `onRecord` sees every complete record (e.g. to rebuild cross-report digests).
 *
 * @example
 * const { done } = await readResume('out.jsonl');
 */
export async function readResume(path: string, onRecord?: (record: Report) => void): Promise<ResumeState> {
  const state: ResumeState = { done: new Map(), records: 0, invalid: 0, truncatedBytes: 0 };
  const size = (await stat(path).catch(() => undefined))?.size;
  if (size === undefined) return state;
  let good = 0;
  let offset = 0;
  let pending: Buffer[] = [];
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    let from = 0;
    for (let nl = chunk.indexOf(10); nl !== -1; nl = chunk.indexOf(10, from)) {
      pending.push(chunk.subarray(from, nl));
      const line = Buffer.concat(pending).toString('utf8');
      pending = [];
      offset += nl - from + 1;
      from = nl + 1;
      good = offset;
      if (line.trim() === '') continue;
      let record: Report | undefined;
      try {
        record = JSON.parse(line) as Report;
      } catch {
        record = undefined;
      }
      if (!record || typeof record.file !== 'string' || typeof record.hash !== 'string') {
        state.invalid++;
        continue;
      }
      const key = resumeKey(record);
      state.done.set(key, (state.done.get(key) ?? 0) + 1);
      state.records++;
      onRecord?.(record);
    }
    if (from < chunk.length) {
      pending.push(chunk.subarray(from));
      offset += chunk.length - from;
    }
  }
  if (good < size) {
    state.truncatedBytes = size - good;
    await truncate(path, good);
  }
  return state;
}

/**
 * The resume key of an input file, computed from its bytes before parsing (the file name when it cannot be
 * read or is over the size limit, matching the record such a file gets).
 *
 * @example
 * await inputKey('/abs/a.pdf', 'a.pdf', 100 * 1024 * 1024);
 */
export async function inputKey(path: string, file: string, maxBytes: number): Promise<string> {
  try {
    const info = await stat(path);
    if (!info.isFile() || info.size > maxBytes) return `file:${file}`;
    return createHash('sha256')
      .update(await readFile(path))
      .digest('hex');
  } catch {
    return `file:${file}`;
  }
}
