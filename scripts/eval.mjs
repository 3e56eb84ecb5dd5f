// Runs the pipeline (dist/) on every corpus report that has expected files in test/expected/ and prints,
// per file and in total, figures expected / exact / wrong / missing. Exits 1 below 100 %.
// Usage: npm run eval [-- --verbose]
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareFigures, mergeExpected } from '../dist/extract/evaluate.js';
import { parseBuffer } from '../dist/index.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = join(root, 'test', 'corpus');
const expectedDir = join(root, 'test', 'expected');
const verbose = process.argv.includes('--verbose');

if (!existsSync(corpus)) {
  console.log(`corpus not found at ${corpus}: nothing to evaluate`);
  process.exit(0);
}
const byFile = new Map();
for (const name of readdirSync(expectedDir)
  .filter((n) => n.endsWith('.json'))
  .sort()) {
  const data = JSON.parse(readFileSync(join(expectedDir, name), 'utf8'));
  const list = byFile.get(data.file) ?? [];
  list.push(data);
  byFile.set(data.file, list);
}
const total = { expected: 0, exact: 0, wrong: 0, missing: 0 };
let skipped = 0;
let internalErrors = 0;
const pad = (s, n) => String(s).padStart(n);
console.log(
  `${'file'.padEnd(42)} ${pad('expected', 8)} ${pad('exact', 6)} ${pad('wrong', 6)} ${pad('missing', 7)}`,
);
for (const [file, parts] of [...byFile].sort()) {
  const path = join(corpus, file);
  if (!existsSync(path)) {
    console.log(`${file.padEnd(42)} skipped: not in the corpus`);
    skipped++;
    continue;
  }
  const report = await parseBuffer(readFileSync(path), { file });
  const internal = report.anomalies.find((a) => a.ruleId === 'internal-error');
  if (internal) {
    // A bug, not an unreadable file: the evaluation fails instead of skipping it.
    console.log(`${file.padEnd(42)} INTERNAL ERROR: ${internal.data?.stack ?? internal.reasonEn}`);
    internalErrors++;
    continue;
  }
  const failed = report.anomalies.find((a) => a.ruleId === 'load-failed');
  if (failed) {
    console.log(`${file.padEnd(42)} skipped: ${failed.reasonEn ?? failed.reason}`);
    skipped++;
    continue;
  }
  const { results, score } = compareFigures(mergeExpected(parts), report.figures);
  for (const k of Object.keys(total)) total[k] += score[k];
  console.log(
    `${file.padEnd(42)} ${pad(score.expected, 8)} ${pad(score.exact, 6)} ${pad(score.wrong, 6)} ${pad(score.missing, 7)}`,
  );
  for (const r of results) {
    if (r.verdict !== 'exact' || verbose) {
      console.log(
        `    ${r.verdict.padEnd(7)} ${r.key} expected ${r.expected}${r.found === undefined ? '' : ` found ${r.found}`}`,
      );
    }
  }
}
const pct = total.expected ? (100 * total.exact) / total.expected : 100;
console.log(
  `${'TOTAL'.padEnd(42)} ${pad(total.expected, 8)} ${pad(total.exact, 6)} ${pad(total.wrong, 6)} ${pad(total.missing, 7)}  ${pct.toFixed(1)} % exact, ${skipped} file(s) skipped, ${internalErrors} internal error(s)`,
);
process.exit(total.exact === total.expected && internalErrors === 0 ? 0 : 1);
