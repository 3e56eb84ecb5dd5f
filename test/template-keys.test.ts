import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REQUEST_ROWS, TEMPLATE_KEYS } from '../src/extract/template/keys.js';
import { DOMAIN } from './helpers/corpus.js';

const keys = TEMPLATE_KEYS.map((k) => k.key);

describe('TEMPLATE_KEYS', () => {
  it('has each key once and no key that is a prefix of another', () => {
    expect(new Set(keys).size).toBe(keys.length);
    const clashes = keys.flatMap((a) => keys.filter((b) => b.startsWith(`${a}.`)).map((b) => `${a} / ${b}`));
    expect(clashes).toEqual([]);
  });

  it('covers table 三 as 7 columns × the rows of each template', () => {
    const rowsOf = (era: 'B' | 'C') => REQUEST_ROWS.filter((r) => r.eras.includes(era) && !r.optional).length;
    expect(rowsOf('B')).toBe(23);
    expect(rowsOf('C')).toBe(25);
    expect(keys.filter((k) => k.startsWith('requests.')).length).toBe(7 * REQUEST_ROWS.length);
    expect(keys.filter((k) => /^(review|litigation)\./.test(k)).length).toBe(15);
  });

  it('gives every key a printed label, a unit, eras and a group', () => {
    for (const k of TEMPLATE_KEYS) {
      expect(k.label.length, k.key).toBeGreaterThan(0);
      expect(k.unit.length, k.key).toBeGreaterThan(0);
      expect(k.eras.length, k.key).toBeGreaterThan(0);
      expect(k.group.length, k.key).toBeGreaterThan(0);
    }
    expect(TEMPLATE_KEYS.find((k) => k.key === 'active.fees.amount')?.unit).toBe('万元');
  });

  it('has every table 二/三/四 key that the shared field list names', () => {
    const md = readFileSync(join(DOMAIN, 'fields.md'), 'utf8');
    const part = md.slice(md.indexOf('## Era B and C — table 二'), md.indexOf('## Era A'));
    const named = new Set<string>();
    for (const m of part.matchAll(/`?(active\.[A-Za-z.]+)`?/g)) named.add(m[1] as string);
    // `active.regulations.issued / .repealed / .inForce` lists siblings after the first key.
    for (const m of part.matchAll(/(active\.[A-Za-z]+)\.[A-Za-z]+((?:\s*\/\s*\.[A-Za-z]+)+)/g)) {
      for (const s of (m[2] as string).matchAll(/\.([A-Za-z]+)/g)) named.add(`${m[1]}.${s[1]}`);
    }
    for (const k of named) expect(keys, k).toContain(k);
    const rows = md.slice(md.indexOf('## Era B and C — table 三'), md.indexOf('## Era B and C — table 四'));
    const rowKeys: string[] = [];
    for (const m of rows.matchAll(/^\| ([a-zA-Z.· ]+) \|/gm)) {
      for (const row of (m[1] as string).split('·').map((s) => s.trim())) {
        if (/^[a-z][A-Za-z.]+$/.test(row) && row !== 'key') rowKeys.push(`requests.${row}.total`);
      }
    }
    expect(rowKeys.length).toBe(REQUEST_ROWS.length);
    for (const k of rowKeys) expect(keys, k).toContain(k);
    expect(named.size).toBeGreaterThanOrEqual(29);
  });
});
