import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderFieldsDoc } from '../src/extract/fields-doc.js';
import { ALL_KEYS, keyDef } from '../src/extract/keys.js';
import { ROOT } from './helpers/corpus.js';

describe('key registry', () => {
  it('has each key once, ASCII dotted lowerCamel', () => {
    const keys = ALL_KEYS.map((k) => k.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const k of keys) expect(k).toMatch(/^[a-z][A-Za-z]*(\.[a-z][A-Za-z]*)+$/);
  });

  it('never has a key whose dotted segments are a prefix of another key', () => {
    const keys = ALL_KEYS.map((k) => k.key);
    for (const a of keys)
      for (const b of keys) if (a !== b) expect(b.startsWith(`${a}.`), `${a} / ${b}`).toBe(false);
  });

  it('keeps the era A, prose and core keys of the public contract', () => {
    for (const key of [
      'active.total',
      'active.channels.website',
      'response.hotspots',
      'applications.received.total',
      'applications.denialReason.otherLaw',
      'applications.fees',
      'review.total',
      'litigation.other',
      'complaints.total',
      'org.staff.partTime',
      'org.budget',
      'meetings.total',
      'training.trainees',
      'fees.informationProcessing',
      'core.requestsReceived',
      'core.requestsCarriedOver',
      'core.requestsClosed',
      'core.reviewTotal',
      'core.litigationTotal',
      'core.staff',
    ]) {
      expect(keyDef(key), key).toBeDefined();
    }
    expect(keyDef('active.total@cumulative')?.cumulative).toBe(true);
    expect(ALL_KEYS.filter((k) => k.key.startsWith('core.')).every((k) => k.derived)).toBe(true);
  });

  it('docs/fields.md is generated from the registry (run `npm run docs` after changing keys)', () => {
    const doc = readFileSync(join(ROOT, 'docs', 'fields.md'), 'utf8');
    expect(doc).toBe(renderFieldsDoc());
  });
});
