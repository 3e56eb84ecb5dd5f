import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBuffer } from '../src/core/pipeline.js';
import type { Report } from '../src/model/index.js';
import { CORPUS, corpusPath, fixturePath } from './helpers/corpus.js';

/** A report without what depends on the file bytes. */
function content(report: Report): Omit<Report, 'file' | 'hash' | 'stats'> {
  const { file: _f, hash: _h, stats: _s, ...rest } = report;
  return rest;
}

describe('the seed in another encoding gives the same report', () => {
  it('UTF-8 without BOM is the reference', async () => {
    const report = await parseBuffer(readFileSync(fixturePath('seed-2018-shulan-minzheng.txt')), {
      file: 'seed',
    });
    expect(report.meta.reportYear).toBe(2018);
    expect(report.sections).toHaveLength(8);
  });

  describe(`re-encoded copies in ${CORPUS}`, () => {
    it.each(['seed-2018-shulan-minzheng.gb18030.txt', 'seed-2018-shulan-minzheng.utf16.txt'])(
      '%s',
      async (name) => {
        const reference = await parseBuffer(readFileSync(fixturePath('seed-2018-shulan-minzheng.txt')), {
          file: 'seed',
        });
        const bytes = readFileSync(corpusPath(name));
        const other = await parseBuffer(bytes, { file: name });
        expect(other.hash).not.toBe(reference.hash);
        expect(content(other)).toEqual(content(reference));
        expect(other.meta.signedOn).toBe('2019-01-14');
      },
    );
  });
});
