import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareFigures, type ExpectedFile, mergeExpected } from '../src/extract/evaluate.js';
import { parseFile } from '../src/index.js';
import { CORPUS, corpusPath, ROOT } from './helpers/corpus.js';

const dir = join(ROOT, 'test', 'expected');
const byFile = new Map<string, ExpectedFile[]>();
for (const name of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
  const data = JSON.parse(readFileSync(join(dir, name), 'utf8')) as ExpectedFile;
  byFile.set(data.file, [...(byFile.get(data.file) ?? []), data]);
}

describe('expected files', () => {
  it('name the corpus file they describe and hold numbers only', () => {
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
      const data = JSON.parse(readFileSync(join(dir, name), 'utf8')) as ExpectedFile;
      expect(name.startsWith(`${data.file}.`), name).toBe(true);
      for (const v of Object.values(data.figures)) expect(typeof v).toBe('number');
    }
  });
});

describe(`extraction matches the expected figures (${CORPUS})`, () => {
  const files = [...byFile.keys()].filter((f) => existsSync(corpusPath(f))).sort();
  it.each(files)('%s', async (file) => {
    const report = await parseFile(corpusPath(file));
    // an internal error is a bug: it fails the evaluation instead of skipping the file
    expect(report.anomalies.filter((a) => a.ruleId === 'internal-error')).toEqual([]);
    if (report.anomalies.some((a) => a.ruleId === 'load-failed')) return; // no loader for this format yet
    const { results } = compareFigures(mergeExpected(byFile.get(file) ?? []), report.figures);
    const off = results.filter((r) => r.verdict !== 'exact');
    expect(off).toEqual([]);
  });
});
