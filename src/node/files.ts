import { stat } from 'node:fs/promises';
import { glob } from 'tinyglobby';

/** Extensions `xxgk` reads when it walks a folder. */
export const REPORT_EXTENSIONS = ['txt', 'md', 'html', 'htm', 'shtml', 'docx', 'doc', 'pdf'];

/**
 * Expands files, folders (recursively, report extensions only) and glob patterns into a sorted,
 * de-duplicated list of file paths. Paths that match nothing are returned in `missing`.
 *
 * @example
 * const { files } = await expandInputs(['fixtures/', 'archive/**\/*.pdf']);
 */
export async function expandInputs(
  inputs: string[],
  options: { cwd?: string; ignore?: string[] } = {},
): Promise<{ files: string[]; missing: string[] }> {
  const cwd = options.cwd ?? process.cwd();
  const files = new Set<string>();
  const missing: string[] = [];
  const pattern = `**/*.{${REPORT_EXTENSIONS.join(',')}}`;
  for (const input of inputs) {
    const info = await stat(input).catch(() => undefined);
    let found: string[];
    if (info?.isFile()) found = [input];
    else if (info?.isDirectory()) {
      found = (await glob(pattern, { cwd: input, ignore: options.ignore, caseSensitiveMatch: false })).map(
        (f) => `${input.replace(/\/+$/, '')}/${f}`,
      );
    } else {
      found = await glob(input, { cwd, ignore: options.ignore });
    }
    if (found.length === 0) missing.push(input);
    for (const f of found) files.add(f);
  }
  return { files: [...files].sort(), missing };
}
