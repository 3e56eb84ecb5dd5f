import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { hashBytes } from '../core/pipeline.js';
import { createLocator } from '../format/locate.js';
import { isTextFile, type SourceLocator } from '../format/positions.js';
import { decodeText } from '../load/index.js';
import type { Report } from '../model/index.js';
import { normalizeText } from '../text/normalize.js';

/**
 * Builds the `sourceLocator` of a format context: for a TXT or Markdown report whose file is still on disk
 * unchanged (same sha256), offsets of `Report.text` are mapped through the normalization back to the
 * decoded file, so line and column count the lines a user sees in an editor, crawler header lines and
 * removed spaces included. Other reports, and files that are gone or changed, get `undefined`.
 *
 * @example
 * const text = formatters.stylish(reports, { rules, color: false, sourceLocator: sourceLocators(process.cwd()) });
 */
export function sourceLocators(cwd: string): (report: Report) => SourceLocator | undefined {
  const cache = new Map<string, SourceLocator | undefined>();
  return (report) => {
    if (!isTextFile(report) || !report.hash) return undefined;
    const key = `${report.file}\0${report.hash}`;
    if (!cache.has(key)) cache.set(key, build(resolve(cwd, report.file), report.hash));
    return cache.get(key);
  };
}

function build(path: string, hash: string): SourceLocator | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    return undefined;
  }
  if (hashBytes(bytes) !== hash) return undefined;
  // The same decoding and normalization as the pipeline, so the map fits the record's offsets.
  const original = decodeText(bytes).text;
  const { map } = normalizeText(original);
  const at = createLocator(original);
  return {
    start: (offset) => at(map.toSource(offset)),
    end: (offset) => (offset > 0 ? shift(at(map.toSource(offset - 1))) : at(0)),
  };
}

/** The position just after a character (an exclusive end). */
function shift(p: { line: number; column: number }): { line: number; column: number } {
  return { line: p.line, column: p.column + 1 };
}
