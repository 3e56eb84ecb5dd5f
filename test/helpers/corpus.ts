import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The project's root folder. */
export const ROOT = root;
/** The real published reports used in tests, with their provenance in `MANIFEST.tsv`. */
export const CORPUS = join(root, 'test/corpus');
/** The domain notes (`report-formats.md`, `fields.md`) the key registry is checked against. */
export const DOMAIN = join(root, 'test/domain');
/** Hostile inputs found by fuzzing, kept as regression cases. */
export const CASES = join(root, 'test/cases');

/** One row of the corpus MANIFEST.tsv. */
export interface ManifestRow {
  file: string;
  agency: string;
  reportYear: number | undefined;
  era: 'A' | 'B' | 'C' | undefined;
  format: string;
  /** Where the file came from: an `owner/name` repository, `web` (page text from the search tool), or a local note. */
  source: string;
  /** The manifest's free-text note (provenance and what makes the file hard). */
  notes: string;
}

const ERA: Record<string, 'A' | 'B' | 'C'> = { old: 'A', t2019: 'B', t2021: 'C' };

/** The corpus manifest, one row per file (empty without the corpus). */
export function manifest(): ManifestRow[] {
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
      source: get('source_repo'),
      notes: get('notes'),
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
