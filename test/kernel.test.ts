import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseText } from '../src/core/pipeline.js';
import { parseDomainDictionary, segmentWords } from '../src/extract/segmenter.js';
import {
  analyze,
  claimsStage,
  figuresStage,
  metaStage,
  normalizeStage,
  rulesStage,
  segmentStage,
} from '../src/kernel/index.js';
import { loadTxt } from '../src/load/index.js';
import { DICT_PATH } from '../src/node/dictionary.js';
import { fixturePath } from './helpers/corpus.js';
import { stableReport } from './helpers/golden.js';

// The dictionary is read here, by the caller, as the Node layer does: the kernel is given it.
const dictionary = parseDomainDictionary(readFileSync(DICT_PATH, 'utf8'));
const SEED = 'seed-2018-shulan-minzheng.txt';
const bytes = readFileSync(fixturePath(SEED));
const HASH = 'f'.repeat(64);

describe('the kernel', () => {
  it('analyzes a loaded report with what the caller passes in (Shulan 2018)', () => {
    const report = analyze(loadTxt(bytes), { file: SEED, hash: HASH, bytes: bytes.length, dictionary });
    expect(report.file).toBe(SEED);
    expect(report.hash).toBe(HASH);
    expect(report.stats.bytes).toBe(bytes.length);
    expect(report.meta.agency).toBe('舒兰市民政局');
    expect(report.meta.reportYear).toBe(2018);
    expect(report.channels.find((c) => c.name === '舒兰发布')?.value).toBe(20);
    expect(report.claims.length).toBeGreaterThan(0);
  });

  it('gives the record parseText gives, but for the hash the caller computed', () => {
    const text = readFileSync(fixturePath(SEED), 'utf8');
    const viaNode = parseText(text, { file: SEED });
    const viaKernel = analyze(loadTxt(Buffer.from(text, 'utf8')), {
      file: SEED,
      hash: viaNode.hash,
      bytes: viaNode.stats.bytes,
      dictionary,
    });
    expect(stableReport(viaKernel)).toEqual(stableReport(viaNode));
  });

  it('is the six stages, each taking what the one before returned', () => {
    const normalized = normalizeStage(loadTxt(bytes), { file: SEED });
    expect(normalized).not.toHaveProperty('sections');
    const segmented = segmentStage(normalized);
    expect(segmented.sections.length).toBeGreaterThan(0);
    expect(segmented).not.toHaveProperty('meta');
    const withMeta = metaStage(segmented);
    expect(withMeta).not.toHaveProperty('claims');
    const withClaims = claimsStage(withMeta, dictionary);
    expect(withClaims).not.toHaveProperty('figures');
    const withFigures = figuresStage(withClaims);
    const report = rulesStage(withFigures, { hash: HASH, bytes: bytes.length });
    const whole = analyze(loadTxt(bytes), { file: SEED, hash: HASH, bytes: bytes.length, dictionary });
    expect(stableReport(report)).toEqual(stableReport(whole));
  });

  it('tags words from the dictionary it is given, not from a file it reads', () => {
    const own = parseDomainDictionary('政务公开网 100 gazette\n');
    expect(segmentWords('在政务公开网发布', 0, own).find((w) => w.word === '政务公开网')?.tag).toBe(
      'gazette',
    );
    expect(segmentWords('在政务公开网发布', 0, dictionary).find((w) => w.word === '政务公开网')?.tag).toBe(
      'website',
    );
  });
});
