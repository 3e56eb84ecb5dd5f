import { stat } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import picomatch from 'picomatch';
import { glob } from 'tinyglobby';

/** Extensions `xxgk` reads when it walks a folder. */
export const REPORT_EXTENSIONS = [
  'txt',
  'md',
  'html',
  'htm',
  'shtml',
  'docx',
  'doc',
  'pdf',
  'png',
  'jpg',
  'jpeg',
  'tif',
  'tiff',
];

const GLOB_CHARS = /[*?[\]{}!]/;

/**
 * Expands files, folders (recursively, report extensions only) and glob patterns into a sorted,
 * de-duplicated list of file paths, written as given (relative paths stay relative to `cwd`).
 * `ignore` patterns (picomatch; a pattern without `/` matches the base name) drop files anywhere.
 * Inputs that match nothing are returned in `missing`.
 *
 * @example
 * const { files } = await expandInputs(['fixtures/', 'archive/**\/*.pdf'], { ignore: ['**\/draft/**'] });
 */
export async function expandInputs(
  inputs: string[],
  options: { cwd?: string; ignore?: string[] } = {},
): Promise<{ files: string[]; missing: string[] }> {
  const cwd = options.cwd ?? process.cwd();
  const ignored = createIgnore(options.ignore ?? []);
  const files = new Set<string>();
  const missing: string[] = [];
  const pattern = `**/*.{${REPORT_EXTENSIONS.join(',')}}`;
  for (const input of inputs) {
    const info = await stat(resolve(cwd, input)).catch(() => undefined);
    let found: string[];
    if (info?.isFile()) found = [input];
    else if (info?.isDirectory()) {
      const base = input.replace(/[/\\]+$/, '') || '/';
      found = (await glob(pattern, { cwd: resolve(cwd, input), caseSensitiveMatch: false, dot: false })).map(
        (f) => (base === '.' ? f : base === '/' ? `/${f}` : `${base}/${f}`),
      );
    } else if (GLOB_CHARS.test(input)) {
      found = await glob(input, { cwd, absolute: false, expandDirectories: false });
    } else found = [];
    const kept = found.filter((f) => !ignored(f, cwd));
    if (found.length === 0) missing.push(input);
    for (const f of kept) files.add(f);
  }
  return { files: [...files].sort(), missing };
}

/**
 * Builds the `--ignore` test: a path is ignored when a pattern matches it as written, relative to `cwd`,
 * or (for patterns without `/`) by its base name.
 *
 * @example
 * createIgnore(['*.doc'])('a/b.doc', process.cwd()); // true
 */
export function createIgnore(patterns: string[]): (file: string, cwd: string) => boolean {
  if (patterns.length === 0) return () => false;
  const full = picomatch(patterns, { dot: true });
  const base = picomatch(
    patterns.filter((p) => !p.includes('/')),
    { dot: true, basename: true },
  );
  return (file, cwd) => {
    const rel = relative(cwd, resolve(cwd, file)).split('\\').join('/');
    return full(file) || full(rel) || base(rel);
  };
}

/**
 * Reads a list of paths, one per line (blank lines and surrounding spaces ignored), as given with `-`.
 *
 * @example
 * parsePathList('a.pdf\r\n\nb.txt\n'); // ['a.pdf', 'b.txt']
 */
export function parsePathList(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}
