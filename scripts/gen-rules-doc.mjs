// Writes docs/rules.md from the rule metadata (dist/) and the fixtures in test/fixtures/rules/.
// `node scripts/gen-rules-doc.mjs --check` exits 1 when the committed file is out of date.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Reads each rule's fixtures for the docs: the ok and not-ok inputs and the expected lines.
 *
 * @example
 * readFixtureDocs(root)['breakdown-sum-mismatch'].expected;
 */
export function readFixtureDocs(base = root) {
  const dir = join(base, 'test', 'fixtures', 'rules');
  const out = {};
  if (!existsSync(dir)) return out;
  for (const d of readdirSync(dir, { withFileTypes: true })) {
    if (!d.isDirectory()) continue;
    const read = (name) =>
      existsSync(join(dir, d.name, name)) ? readFileSync(join(dir, d.name, name), 'utf8') : undefined;
    const doc = {};
    for (const ext of ['txt', 'json']) {
      if (doc.ok === undefined && read(`ok.${ext}`) !== undefined)
        Object.assign(doc, { ok: read(`ok.${ext}`), okName: `ok.${ext}` });
      if (doc.notOk === undefined && read(`not-ok.${ext}`) !== undefined) {
        Object.assign(doc, { notOk: read(`not-ok.${ext}`), notOkName: `not-ok.${ext}` });
      }
    }
    const expected = read('not-ok.expected.txt');
    if (expected !== undefined) doc.expected = expected;
    out[d.name] = doc;
  }
  return out;
}

async function main() {
  const { renderRulesDoc } = await import('../dist/rules/index.js');
  const doc = renderRulesDoc(readFixtureDocs());
  const target = join(root, 'docs', 'rules.md');
  if (process.argv.includes('--check')) {
    const current = existsSync(target) ? readFileSync(target, 'utf8') : '';
    if (current !== doc) {
      console.error('docs/rules.md is out of date: run npm run docs');
      process.exitCode = 1;
    }
    return;
  }
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, doc);
  console.log(`wrote ${target}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
