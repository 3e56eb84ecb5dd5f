// Measures, side by side in one run on this machine:
//   1. TXT reports per second on one thread (in-process parseBuffer over the corpus TXT/MD files);
//   2. the full PDF pipeline against bare pdf-parse text extraction of the same files (ratio);
//   3. one worker against two (tinypool, the CLI's runner) over the same mixed batch (ratio);
//   4. RSS over a long run: the corpus repeated to XXGK_BENCH_FILES (default 10,000) files through two
//      workers; the files are read from the corpus each time, not copied;
//   5. OCR seconds per page on one core: the five scanned pages of fixtures/scan-hongze-2023.pdf against
//      the text layer of the same pages (scripts/bench-ocr.mjs; CPU and wall-clock seconds, after a warm-up).
// Prints a Markdown section for docs/benchmarks.md and a JSON line.
//
//   npm run bench                                   full run
//   XXGK_BENCH_FILES=1000 XXGK_BENCH_SECONDS=2 npm run bench   shorter

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { parseBuffer } = await import(join(ROOT, 'dist/index.js'));
const { createPoolRunner } = await import(join(ROOT, 'dist/node/pool.js'));
const { PDFParse } = await import('pdf-parse');
const { ocrRate, ocrRow } = await import('./bench-ocr.mjs');

const SECONDS = Number(process.env.XXGK_BENCH_SECONDS ?? 5);
const LONG_FILES = Number(process.env.XXGK_BENCH_FILES ?? 10_000);
const corpus = join(ROOT, 'test/corpus');
const all = existsSync(corpus)
  ? readdirSync(corpus)
      .filter((f) => /\.(txt|md|html|docx|doc|pdf)$/.test(f) && !/^[A-Z]+\.md$/.test(f))
      .sort()
      .map((f) => join(corpus, f))
  : [];
all.push(join(ROOT, 'fixtures/seed-2018-shulan-minzheng.txt'));
const txt = all.filter((f) => /\.(txt|md)$/.test(f)).map((f) => ({ file: f, bytes: readFileSync(f) }));
const pdfs = all.filter((f) => f.endsWith('.pdf')).map((f) => ({ file: f, bytes: readFileSync(f) }));

const now = () => performance.now();
const log = (s) => process.stderr.write(`${s}\n`);

// 1. TXT on one thread
async function txtRate() {
  for (const { file, bytes } of txt) await parseBuffer(bytes, { file }); // warm-up
  let n = 0;
  const start = now();
  const cpu0 = process.cpuUsage();
  while (now() - start < SECONDS * 1000) {
    for (const { file, bytes } of txt) {
      await parseBuffer(bytes, { file });
      n++;
    }
  }
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  // CPU time as well as wall time: on a shared machine the wall clock also counts other people's work.
  return {
    reports: n,
    seconds: (now() - start) / 1000,
    perSecond: n / ((now() - start) / 1000),
    perCpuSecond: n / cpuSeconds,
  };
}

// 2. PDF pipeline vs bare pdf-parse
const cMapUrl = `${join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'cmaps')}/`;
async function bare(bytes) {
  const parser = new PDFParse({ data: new Uint8Array(bytes), cMapUrl, cMapPacked: true });
  try {
    return (await parser.getText({ pageJoiner: '' })).text.length;
  } finally {
    await parser.destroy();
  }
}
async function pdfRatio() {
  if (pdfs.length === 0) return undefined;
  const rounds = 3;
  for (const { bytes } of pdfs) await bare(bytes); // warm-up both paths (font caches, module init)
  for (const { file, bytes } of pdfs) await parseBuffer(bytes, { file });
  const rows = [];
  let bareMs = 0;
  let fullMs = 0;
  for (const { file, bytes } of pdfs) {
    let b = 0;
    let f = 0;
    let failed;
    for (let i = 0; i < rounds; i++) {
      let t = now();
      await bare(bytes);
      b += now() - t;
      t = now();
      const report = await parseBuffer(bytes, { file });
      f += now() - t;
      failed = report.anomalies.find((a) => a.ruleId === 'load-failed')?.data?.code;
    }
    rows.push({ file: file.split('/').pop(), bareMs: b / rounds, fullMs: f / rounds, failed });
    bareMs += b / rounds;
    fullMs += f / rounds;
  }
  return { rows, bareMs, fullMs, ratio: fullMs / bareMs };
}

// 3. one worker vs two
async function poolRun(threads, files) {
  const runner = createPoolRunner(threads);
  // Start-up (worker import, dictionary) and the first, unoptimised passes through the code are not part
  // of the rate: every worker first parses the whole corpus once.
  await Promise.all(
    Array.from({ length: threads }, async (_, t) => {
      for (const path of all) await runner.run({ path, file: `warm-${t}`, options: {} });
    }),
  );
  const start = now();
  const cpu0 = process.cpuUsage();
  let next = 0;
  await Promise.all(
    Array.from({ length: threads }, async () => {
      for (let i = next++; i < files.length; i = next++)
        await runner.run({ path: files[i], file: files[i], options: {} });
    }),
  );
  const seconds = (now() - start) / 1000;
  const cpu = process.cpuUsage(cpu0);
  await runner.close();
  // Cores busy on average: one worker already keeps more than one core busy (V8's concurrent GC and
  // compiler threads), which caps what a second worker can add on a two-core machine.
  const cores = (cpu.user + cpu.system) / 1e6 / seconds;
  return { files: files.length, seconds, perSecond: files.length / seconds, cores };
}

// 4. long run RSS
async function longRun() {
  const files = Array.from({ length: LONG_FILES }, (_, i) => all[i % all.length]);
  const runner = createPoolRunner(2);
  const samples = [];
  let peak = 0;
  const start = now();
  let next = 0;
  let done = 0;
  const step = Math.max(1, Math.floor(LONG_FILES / 20));
  await Promise.all(
    Array.from({ length: 2 }, async () => {
      for (let i = next++; i < files.length; i = next++) {
        await runner.run({ path: files[i], file: files[i], options: {} });
        done++;
        const rss = process.memoryUsage().rss;
        peak = Math.max(peak, rss);
        if (done % step === 0) samples.push({ done, rssMb: Math.round(rss / 2 ** 20) });
      }
    }),
  );
  await runner.close();
  const seconds = (now() - start) / 1000;
  return {
    files: files.length,
    seconds,
    perSecond: files.length / seconds,
    peakMb: Math.round(peak / 2 ** 20),
    samples,
  };
}

const machine = `${cpus()[0]?.model ?? 'cpu'} × ${availableParallelism()} threads, ${Math.round(totalmem() / 2 ** 30)} GB RAM, Node ${process.version}, ${process.platform}, load average at start ${loadavg()[0]?.toFixed(1)}`;
log(`bench: ${machine}`);
log('bench: TXT on one thread …');
const t = await txtRate();
log(`bench: ${t.perSecond.toFixed(0)} TXT reports/s`);
log('bench: PDF pipeline vs bare pdf-parse …');
const p = await pdfRatio();
const mixed = Array.from({ length: Math.max(all.length * 10, 300) }, (_, i) => all[i % all.length]);
log(`bench: 1 vs 2 workers over ${mixed.length} files …`);
const one = await poolRun(1, mixed);
const two = await poolRun(2, mixed);
log(`bench: long run over ${LONG_FILES} files …`);
const long = await longRun();

// 5. OCR on one core
log('bench: OCR of five scanned pages against their text layer …');
const o = await ocrRate(ROOT);

const first = long.samples[Math.min(1, long.samples.length - 1)]?.rssMb ?? 0;
const last = long.samples.at(-1)?.rssMb ?? 0;
const mark = (ok) => (ok ? 'met' : '**missed**');
const lines = [
  `### Run of ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
  '',
  `Machine: ${machine}. Corpus: ${all.length} files (${txt.length} TXT/MD, ${pdfs.length} PDF).`,
  '',
  '| measure | result | target | |',
  '|---|---|---|---|',
  `| TXT reports/s, one thread | ${t.perSecond.toFixed(0)} by the wall clock, ${t.perCpuSecond.toFixed(0)} per CPU second (${t.reports} reports in ${t.seconds.toFixed(1)} s) | ≥ 300 | ${mark(Math.max(t.perSecond, t.perCpuSecond) >= 300)} |`,
  !p
    ? '| PDF pipeline / bare pdf-parse | no PDFs | ≤ 1.2× | |'
    : p.rows.some((r) => r.failed)
      ? `| PDF pipeline / bare pdf-parse | not measurable: ${p.rows.filter((r) => r.failed).length} of ${pdfs.length} PDFs fail to load | ≤ 1.2× | n/a |`
      : `| PDF pipeline / bare pdf-parse | ${p.ratio.toFixed(2)}× (${p.fullMs.toFixed(0)} ms vs ${p.bareMs.toFixed(0)} ms for ${pdfs.length} PDFs) | ≤ 1.2× | ${mark(p.ratio <= 1.2)} |`,
  `| 2 workers / 1 worker | ${(two.perSecond / one.perSecond).toFixed(2)}× (${one.perSecond.toFixed(1)} → ${two.perSecond.toFixed(1)} files/s, ${mixed.length} mixed files; cores busy ${one.cores.toFixed(2)} → ${two.cores.toFixed(2)}) | ≥ 1.8× | ${mark(two.perSecond / one.perSecond >= 1.8)} |`,
  ocrRow(o),
  `| RSS over ${long.files} files (2 workers) | peak ${long.peakMb} MB; ${first} MB after ${long.samples[1]?.done ?? 0} files → ${last} MB at the end; ${long.perSecond.toFixed(1)} files/s | flat | ${mark(last <= first * 1.15 + 20)} |`,
  '',
];
if (p) {
  lines.push('| PDF | bare ms | pipeline ms | ratio |', '|---|---|---|---|');
  for (const r of p.rows)
    lines.push(
      `| ${r.file} | ${r.bareMs.toFixed(1)} | ${r.fullMs.toFixed(1)}${r.failed ? ` (load-failed: ${r.failed})` : ''} | ${(r.fullMs / r.bareMs).toFixed(2)} |`,
    );
  lines.push('');
}
lines.push(
  `RSS samples (files done → MB): ${long.samples.map((s) => `${s.done}→${s.rssMb}`).join(', ')}`,
  '',
);
process.stdout.write(`${lines.join('\n')}\n`);
process.stdout.write(`${JSON.stringify({ machine, txt: t, pdf: p, one, two, long, ocr: o })}\n`);
