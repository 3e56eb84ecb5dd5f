// Feeds mutated report files through the real `xxgk` CLI (worker threads, --jobs 2, and the main thread,
// --jobs 1) and through the library API (parseFile in a plain Node process with no handlers of its own), and
// checks that every input gets exactly one schema-valid record. An unhandled rejection, an uncaught exception,
// a process that dies, a file that runs past the time limit (a hang) or a lost record is a failure.
//
//   npm run fuzz                       200 mutants, seed 1, plus a 220 MB zip bomb, all three modes
//   node scripts/fuzz.mjs --seed 7 --count 24 --quick    the short fixed-seed version run by `npm test`
//   node scripts/fuzz.mjs --modes library --count 2000   one mode only
//   node scripts/fuzz.mjs --formats pdf --count 300      mutants of one format's corpus files only: byte-level
//                                      mutations of those files, plus the synthetic kinds aimed at that format
//
// Inputs: the corpus (test/corpus) when present, and the seed fixture.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { strToU8, unzipSync, zipSync } from 'fflate';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { ReportSchema } = await import(join(ROOT, 'dist/index.js'));

const { values: args } = parseArgs({
  options: {
    seed: { type: 'string', default: '1' },
    count: { type: 'string', default: '200' },
    jobs: { type: 'string', default: '2' },
    timeout: { type: 'string', default: '30000' },
    quick: { type: 'boolean', default: false },
    modes: { type: 'string', default: 'jobs2,jobs1,library' },
    formats: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});

/** mulberry32: a small seeded PRNG so a failing case can be replayed with its seed. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = prng(Number(args.seed));
const int = (n) => Math.floor(random() * n);
const pick = (list) => list[int(list.length)];

function sources() {
  const corpus = join(ROOT, 'test/corpus');
  const files = [join(ROOT, 'fixtures/seed-2018-shulan-minzheng.txt')];
  if (existsSync(corpus)) {
    for (const f of readdirSync(corpus).sort())
      if (/\.(txt|md|html|docx|doc|pdf)$/.test(f) && !/^[A-Z]+\.md$/.test(f)) files.push(join(corpus, f));
  }
  const all = files.map((path) => ({
    name: basename(path),
    ext: extname(path).slice(1),
    bytes: readFileSync(path),
  }));
  if (!formats) return all;
  const chosen = all.filter((f) => formats.includes(f.ext));
  if (chosen.length === 0) throw new Error(`no corpus file has one of the formats ${formats.join(', ')}`);
  return chosen;
}

/** `--formats`: a campaign over one format's files (null: every file and every kind). */
const formats = args.formats ? args.formats.split(',') : null;

function isZip(bytes) {
  return bytes[0] === 0x50 && bytes[1] === 0x4b;
}

const MUTATIONS = {
  truncate: (src) => ({ ext: src.ext, bytes: src.bytes.subarray(0, int(src.bytes.length)) }),
  bitflip: (src) => {
    const bytes = Buffer.from(src.bytes);
    const flips = 1 + int(32);
    for (let i = 0; i < flips && bytes.length > 0; i++) bytes[int(bytes.length)] ^= 1 << int(8);
    return { ext: src.ext, bytes };
  },
  'zip-shuffle': (src) => {
    if (!isZip(src.bytes)) return MUTATIONS.bitflip(src);
    const entries = Object.entries(unzipSync(src.bytes));
    for (let i = entries.length - 1; i > 0; i--) {
      const j = int(i + 1);
      [entries[i], entries[j]] = [entries[j], entries[i]];
    }
    // sometimes drop an entry (a docx without its document.xml, or without [Content_Types].xml)
    if (random() < 0.5) entries.splice(int(entries.length), 1);
    return { ext: src.ext, bytes: Buffer.from(zipSync(Object.fromEntries(entries))) };
  },
  'wrong-extension': (src) => ({
    ext: pick(['pdf', 'docx', 'doc', 'txt', 'html', 'md'].filter((e) => e !== src.ext)),
    bytes: src.bytes,
  }),
  'zip-many-entries': () => {
    const files = { '[Content_Types].xml': strToU8('<Types/>') };
    for (let i = 0; i < 5000; i++) files[`word/media/x${i}.xml`] = strToU8('<a/>');
    return { ext: 'docx', bytes: Buffer.from(zipSync(files, { level: 1 })) };
  },
  'entity-bomb': () => {
    let dtd = '<!DOCTYPE w [<!ENTITY a0 "政府信息公开">';
    for (let i = 1; i < 12; i++) dtd += `<!ENTITY a${i} "${`&a${i - 1};`.repeat(10)}">`;
    const xml = `<?xml version="1.0"?>${dtd}]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&a11;</w:t></w:r></w:p></w:body></w:document>`;
    const docx = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8(xml) });
    return random() < 0.5
      ? { ext: 'docx', bytes: Buffer.from(docx) }
      : { ext: 'html', bytes: Buffer.from(`<html>${dtd}]><body><p>&a11;</p></body></html>`) };
  },
  'deep-nesting': () => ({
    ext: pick(['html', 'docx']),
    bytes: Buffer.from(
      `<html><body>${'<div>'.repeat(100_000)}年度报告${'</div>'.repeat(100_000)}</body></html>`,
    ),
  }),
  garbage: () => {
    const bytes = Buffer.alloc(int(64 * 1024));
    for (let i = 0; i < bytes.length; i++) bytes[i] = int(256);
    return { ext: pick(['pdf', 'docx', 'doc', 'txt']), bytes };
  },
  empty: () => ({ ext: pick(['pdf', 'docx', 'doc', 'txt', 'html']), bytes: Buffer.alloc(0) }),
  'pdf-header-only': () => ({
    ext: 'pdf',
    bytes: Buffer.from(`%PDF-1.7\n${'1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n'.repeat(int(50))}`),
  }),
};

function zipBomb() {
  // 220 MB of zeros deflate to about 200 KB: over the loader's 200 MB uncompressed limit.
  const document = Buffer.alloc(220 * 1024 * 1024, 0x20);
  return {
    ext: 'docx',
    bytes: Buffer.from(
      zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': document }, { level: 9 }),
    ),
  };
}

const dir = mkdtempSync(join(tmpdir(), 'xxgk-fuzz-'));
const src = sources();
const count = Number(args.count);
/** Formats a synthetic kind (one that does not start from a corpus file) makes; absent: every format. */
const SYNTHETIC_FORMATS = {
  'zip-many-entries': ['docx'],
  'entity-bomb': ['docx', 'html'],
  'deep-nesting': ['docx', 'html'],
  'pdf-header-only': ['pdf'],
};
const kinds = Object.keys(MUTATIONS).filter(
  (kind) => !formats || !SYNTHETIC_FORMATS[kind] || SYNTHETIC_FORMATS[kind].some((f) => formats.includes(f)),
);
const made = new Map();
for (let i = 0; i < count; i++) {
  // cycle through the kinds so even a short run covers each of them
  const kind = kinds[i % kinds.length];
  const from = pick(src);
  const { ext, bytes } = MUTATIONS[kind](from);
  const name = `fuzz-${String(i).padStart(4, '0')}-${kind}-${from.name.replace(/\.[^.]+$/, '')}.${ext}`;
  writeFileSync(join(dir, name), bytes);
  made.set(name, kind);
}
if (!args.quick) {
  const { ext, bytes } = zipBomb();
  writeFileSync(join(dir, `fuzz-bomb.${ext}`), bytes);
  made.set(`fuzz-bomb.${ext}`, 'zip-bomb');
}

const timeoutMs = Number(args.timeout);
/** A file that takes this much longer than the time limit counts as a hang. */
const HANG_GRACE_MS = 20_000;
const CRASH = /UnhandledPromiseRejection|ERR_UNHANDLED_REJECTION|Uncaught|FATAL ERROR|Aborted/;

function cliRun(jobs) {
  const out = join(dir, `out-${jobs}.jsonl`);
  const child = spawnSync(
    process.execPath,
    [
      join(ROOT, 'bin/xxgk.js'),
      'parse',
      dir,
      '--jobs',
      jobs,
      '--timeout',
      String(timeoutMs),
      // The campaign exercises the parsers' containment; OCR of mutated pages has its own tests and would
      // spend seconds per page on noise.
      '--ocr',
      'off',
      '-f',
      'jsonl',
      '-o',
      out,
      '--quiet',
      '--ignore',
      '*.jsonl',
    ],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: made.size * (timeoutMs + HANG_GRACE_MS) },
  );
  const records = existsSync(out)
    ? readFileSync(out, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l))
    : [];
  rmSync(out, { force: true });
  return { child, records, slow: [] };
}

function libraryRun() {
  // A plain script with no rejection or exception handlers: what a library user's server is.
  const script = `
    const { parseFile } = await import(${JSON.stringify(pathToFileURL(join(ROOT, 'dist/index.js')).href)});
    const { readdirSync } = await import('node:fs');
    for (const name of readdirSync(${JSON.stringify(dir)}).sort()) {
      if (name.endsWith('.jsonl')) continue;
      const started = Date.now();
      const report = await parseFile(${JSON.stringify(dir)} + '/' + name, { limits: { timeoutMs: ${timeoutMs} }, ocr: { mode: 'off' } });
      process.stdout.write(JSON.stringify({ ...report, ms: Date.now() - started }) + '\\n');
    }`;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    encoding: 'utf8',
    maxBuffer: 1024 * 1024 * 1024,
    timeout: made.size * (timeoutMs + HANG_GRACE_MS),
  });
  const records = child.stdout
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
  const slow = records
    .filter((r) => r.ms > timeoutMs + HANG_GRACE_MS)
    .map((r) => `${basename(r.file)} took ${r.ms} ms`);
  for (const r of records) delete r.ms;
  return { child, records, slow };
}

const problems = [];
const codes = new Map();
let recordCount = 0;
const started = Date.now();
for (const mode of args.modes.split(',')) {
  const { child, records, slow } = mode === 'library' ? libraryRun() : cliRun(mode.replace('jobs', ''));
  recordCount += records.length;
  const tag = `[${mode}]`;
  if (child.error?.code === 'ETIMEDOUT') problems.push(`${tag} hang: the run did not end in time`);
  if (child.status !== 0)
    problems.push(
      `${tag} the process exited with ${child.status ?? child.signal}: ${child.stderr.slice(0, 2000)}`,
    );
  else if (CRASH.test(child.stderr))
    problems.push(`${tag} crash reported on stderr: ${child.stderr.slice(0, 2000)}`);
  for (const s of slow) problems.push(`${tag} hang: ${s}`);
  const seen = new Map();
  for (const record of records) {
    const name = basename(record.file);
    seen.set(name, (seen.get(name) ?? 0) + 1);
    const parsed = ReportSchema.safeParse(record);
    if (!parsed.success)
      problems.push(`${tag} ${name}: not a valid record: ${parsed.error.message.slice(0, 300)}`);
    for (const [key, figure] of Object.entries(record.figures ?? {})) {
      if (record.text.slice(figure.span[0], figure.span[1]) !== figure.stated)
        problems.push(`${tag} ${name}: figure ${key} span does not slice to its text`);
    }
    if (record.anomalies.some((a) => a.ruleId === 'internal-error'))
      problems.push(`${tag} ${name}: internal error: ${record.anomalies[0]?.data?.stack?.slice(0, 500)}`);
    const failed = record.anomalies.find((a) => a.ruleId === 'load-failed');
    const code = failed ? String(failed.data?.code ?? 'error') : 'parsed';
    codes.set(code, (codes.get(code) ?? 0) + 1);
  }
  for (const name of made.keys()) {
    const n = seen.get(name) ?? 0;
    if (n !== 1) problems.push(`${tag} ${name}: ${n} records, expected exactly 1 (lost record)`);
  }
}

const byKind = {};
for (const kind of made.values()) byKind[kind] = (byKind[kind] ?? 0) + 1;
console.log(
  `fuzz: seed ${args.seed}${formats ? `, formats ${formats.join(',')}` : ''}, ${made.size} inputs (${Object.entries(
    byKind,
  )
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')})`,
);
console.log(
  `fuzz: outcomes ${[...codes.entries()].map(([k, v]) => `${k} ${v}`).join(', ')}; ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
// A failing campaign keeps its inputs so the failing file can be replayed and turned into a test case.
if (args.keep || problems.length > 0) console.log(`fuzz: inputs kept in ${dir}`);
else rmSync(dir, { recursive: true, force: true });
if (problems.length > 0) {
  console.log(`fuzz: ${problems.length} problems`);
  for (const p of problems.slice(0, 50)) console.log(`  ${p}`);
  process.exitCode = 1;
} else
  console.log(
    `fuzz: ok, ${recordCount} records for ${made.size} inputs in ${args.modes}; 0 crashes, 0 hangs, 0 lost records`,
  );
