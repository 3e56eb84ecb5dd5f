import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The project's root folder. */
export const ROOT = root;
/** `../shared` beside the project (override with XXGK_SHARED). */
export const SHARED = process.env.XXGK_SHARED ?? resolve(root, '../shared');
/** The real reports used in tests; absent when the project was cloned elsewhere. */
export const CORPUS = join(SHARED, 'corpus');
export const HAS_CORPUS = existsSync(join(CORPUS, 'MANIFEST.tsv'));
/** Message for `describe.skipIf(!HAS_CORPUS)` suites. */
export const NO_CORPUS = `skipped: ${CORPUS} not found (the real-report corpus sits in ../shared/corpus beside the project)`;
if (!HAS_CORPUS) console.warn(NO_CORPUS);

/** One row of the corpus MANIFEST.tsv. */
export interface ManifestRow {
  file: string;
  agency: string;
  reportYear: number | undefined;
  era: 'A' | 'B' | 'C' | undefined;
  format: string;
}

const ERA: Record<string, 'A' | 'B' | 'C'> = { old: 'A', t2019: 'B', t2021: 'C' };

/** The corpus manifest, one row per file (empty without the corpus). */
export function manifest(): ManifestRow[] {
  if (!HAS_CORPUS) return [];
  const [head, ...lines] = readFileSync(join(CORPUS, 'MANIFEST.tsv'), 'utf8').trim().split('\n');
  const cols = (head ?? '').split('\t');
  return lines.map((line) => {
    const cells = line.split('\t');
    const get = (name: string) => cells[cols.indexOf(name)] ?? '';
    const year = Number(get('report_year'));
    return {
      file: get('file'),
      agency: get('agency'),
      reportYear: Number.isInteger(year) && year > 0 ? year : undefined,
      era: ERA[get('era')],
      format: get('format'),
    };
  });
}

/** Absolute path of a corpus file. */
export function corpusPath(file: string): string {
  return join(CORPUS, file);
}

/** Absolute path of a file in `fixtures/`. */
export function fixturePath(file: string): string {
  return join(root, 'fixtures', file);
}
