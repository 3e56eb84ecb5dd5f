import { readFile, stat } from 'node:fs/promises';
import { loadFailedReport, type ParseOptions, parseBuffer } from '../core/pipeline.js';
import { DEFAULT_LIMITS, LoadError } from '../load/index.js';
import type { Report } from '../model/index.js';

/**
 * Reads and analyzes one file. Never throws for bad input: a missing, oversized or unreadable file gives
 * a record with one `load-failed` anomaly naming the file and the problem.
 *
 * @example
 * const report = await parseFile('fixtures/seed-2018-shulan-minzheng.txt');
 * report.meta.agency; // '舒兰市民政局'
 */
export async function parseFile(path: string, options: ParseOptions = {}): Promise<Report> {
  const started = performance.now();
  const maxBytes = options.limits?.maxFileBytes ?? DEFAULT_LIMITS.maxFileBytes;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new LoadError('not-a-file', 'not a regular file');
    // Checked before reading so a 200 MB file is refused without being loaded into memory.
    if (info.size > maxBytes) {
      throw new LoadError('too-large', `the file has ${info.size} bytes, more than the limit of ${maxBytes}`);
    }
    const bytes = await readFile(path);
    return await parseBuffer(bytes, { ...options, file: options.file ?? path });
  } catch (error) {
    return loadFailedReport(options.file ?? path, error, { started });
  }
}
