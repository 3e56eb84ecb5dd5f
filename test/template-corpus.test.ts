import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { extractTemplateTables } from '../src/extract/template/index.js';
import { TEMPLATE_KEYS } from '../src/extract/template/keys.js';
import { CORPUS, corpusPath, ROOT } from './helpers/corpus.js';
import { contextOfFile } from './helpers/template-context.js';

/** An expected-figures file, written by reading the document (never from the program's output). */
interface Expected {
  file: string;
  figures: Record<string, number>;
  notes: string;
  /** Keys this document cannot decide on its own: they must get no figure and an ambiguity instead. */
  ambiguous?: string[];
}

const DIR = join(ROOT, 'test/expected');
const expectedFiles: Expected[] = readdirSync(DIR)
  .filter((f) => f.endsWith('.tables.json'))
  .map((f) => JSON.parse(readFileSync(join(DIR, f), 'utf8')) as Expected);
const known = new Set(TEMPLATE_KEYS.map((k) => k.key));
const scores: string[] = [];

describe('expected files', () => {
  it('use only registered keys', () => {
    for (const e of expectedFiles)
      for (const k of Object.keys(e.figures)) expect(known.has(k), `${e.file}: ${k}`).toBe(true);
  });
});

describe('template tables on the corpus', () => {
  it.each(expectedFiles.map((e) => ({ file: e.file, e })))('$file', async ({ file, e }) => {
    const path = corpusPath(file);
    if (!existsSync(path)) return;
    const ctx = await contextOfFile(path);
    if (!ctx) {
      scores.push(`${file}: skipped (no loader yet)`);
      return;
    }
    const { figures, ambiguities } = extractTemplateTables(ctx);
    for (const [key, fig] of Object.entries(figures)) {
      expect(ctx.text.slice(fig.span[0], fig.span[1]), `${file} ${key} span`).toBe(fig.stated);
    }
    for (const a of ambiguities) expect(ctx.text.slice(a.span[0], a.span[1])).toBe(a.text);
    const wanted = e.figures;
    const compare = (got: typeof figures) => {
      const wrong: string[] = [];
      const missing: string[] = [];
      for (const [key, value] of Object.entries(wanted)) {
        const fig = got[key];
        if (!fig) missing.push(key);
        else if (Math.abs(fig.value - value) > 1e-9) wrong.push(`${key}: ${fig.value} ≠ ${value}`);
      }
      return { wrong, missing };
    };
    const { wrong, missing } = compare(figures);
    // The same table must also be read from the text alone, as when a loader finds no grid.
    const textOnly =
      ctx.tables.length > 0 ? compare(extractTemplateTables({ ...ctx, tables: [] }).figures) : undefined;
    const total = Object.keys(wanted).length;
    const exact = total - wrong.length - missing.length;
    const alt = textOnly
      ? ` (text only: ${total - textOnly.wrong.length - textOnly.missing.length}/${total})`
      : '';
    scores.push(`${file}: ${exact}/${total} exact, ${wrong.length} wrong, ${missing.length} missing${alt}`);
    if (file === e.file) {
      for (const key of e.ambiguous ?? []) {
        expect(figures[key], `${file}: ${key} should be left undecided`).toBeUndefined();
        expect(
          ambiguities.some((a) => a.keys?.includes(key)),
          `${file}: ambiguity for ${key}`,
        ).toBe(true);
      }
    }
    expect(wrong, file).toEqual([]);
    expect(missing, file).toEqual([]);
    if (textOnly) expect([...textOnly.wrong, ...textOnly.missing], `${file} (text only)`).toEqual([]);
  });
  afterAll(() => {
    if (scores.length > 0)
      console.log(`template tables vs test/expected (${CORPUS}):\n  ${scores.sort().join('\n  ')}`);
  });
});
