import { describe, expect, it } from 'vitest';
import { parseFile } from '../src/node/parse-file.js';
import { corpusPath, manifest } from './helpers/corpus.js';
import {
  describeDifference,
  type GoldenEntry,
  goldenEntry,
  readGolden,
  writeGolden,
} from './helpers/golden.js';

// Every corpus report is compared with a snapshot so a refactoring that claims to change nothing can prove
// it. A change that is meant to alter outputs regenerates the snapshot with `npm run golden` and shows the
// diff of test/expected/golden/reports.json in its commit.
const UPDATE = process.env['GOLDEN_UPDATE'] === '1';
const files = manifest().map((r) => r.file);
const golden = readGolden();
const seen: Record<string, GoldenEntry> = {};

describe('every corpus report is identical to its snapshot', () => {
  it.each(files)('%s', async (file) => {
    const entry = goldenEntry(await parseFile(corpusPath(file), { file }));
    seen[file] = entry;
    if (UPDATE) return;
    expect(
      describeDifference(golden[file], entry),
      `${file} hash ${golden[file]?.hash} → ${entry.hash}`,
    ).toEqual([]);
    expect(entry.hash).toBe(golden[file]?.hash);
  });

  it('has no snapshot of a file that left the corpus', () => {
    if (UPDATE) {
      writeGolden(seen);
      return;
    }
    expect(Object.keys(golden).filter((f) => !files.includes(f))).toEqual([]);
  });
});
