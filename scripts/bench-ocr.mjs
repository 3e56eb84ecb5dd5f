// OCR seconds per page on one core, against the text-layer path for the same pages:
// fixtures/scan-hongze-2023.pdf (the five pages of test/corpus/hongze-2023.pdf scanned at 150 dpi) read by
// OCR, and the original read from its text layer. Both are loaded in this process (the library's
// parseBuffer loads PDFs in a child process, whose CPU time process.cpuUsage does not see); inference runs
// on one thread. Used by scripts/bench.mjs; run alone it prints its table row and a JSON line:
//
//   npm run build && node scripts/bench-ocr.mjs

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** CPU seconds (user + system, all threads of this process) and wall seconds that `fn` takes. */
async function measure(fn) {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = await fn();
  const used = process.cpuUsage(cpu);
  return { result, cpu: (used.user + used.system) / 1e6, wall: (performance.now() - start) / 1000 };
}

/**
 * Reads the scan by OCR and the original from its text layer, both through the whole pipeline (load and
 * analysis); undefined when the OCR packages are not installed.
 */
export async function ocrRate(root = ROOT) {
  const { loadBuffer } = await import(join(root, 'dist/load/index.js'));
  const { analyzeLoaded } = await import(join(root, 'dist/index.js'));
  const scan = join(root, 'fixtures/scan-hongze-2023.pdf');
  const original = join(root, 'test/corpus/hongze-2023.pdf');
  const strip = join(root, 'fixtures/scan-hongze-2023-p5-top.png');
  if (!existsSync(scan) || !existsSync(original)) return undefined;
  const read = async (file) => {
    const bytes = readFileSync(file);
    return analyzeLoaded(await loadBuffer(bytes, { path: file }), { file, bytes });
  };
  try {
    await read(strip); // loads the models
  } catch {
    return undefined;
  }
  const ocr = await measure(() => read(scan));
  const pages = ocr.result.stats.ocrPages?.length ?? 0;
  if (!pages) return undefined;
  await read(original); // warm-up
  // The text layer takes a small fraction of a second: repeated for a stable figure.
  let runs = 0;
  const text = await measure(async () => {
    const start = performance.now();
    while (runs < 3 || (performance.now() - start < 3000 && runs < 50)) {
      await read(original);
      runs++;
    }
  });
  const textPages = (await read(original)).stats.pages ?? pages;
  const cpuPerPage = ocr.cpu / pages;
  const textCpuPerPage = text.cpu / (runs * textPages);
  return {
    pages,
    cpuPerPage,
    wallPerPage: ocr.wall / pages,
    textCpuPerPage,
    ratio: cpuPerPage / textCpuPerPage,
  };
}

/** The benchmark table's row for OCR. */
export function ocrRow(o) {
  return o
    ? `| OCR seconds per page, one core | ${o.cpuPerPage.toFixed(1)} CPU s (${o.wallPerPage.toFixed(1)} s by the wall clock; ${o.pages} scanned pages at 150 dpi); ${o.ratio.toFixed(0)}× the text layer of the same pages (${(o.textCpuPerPage * 1000).toFixed(0)} CPU ms a page) | | |`
    : '| OCR seconds per page, one core | OCR not installed | | |';
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const o = await ocrRate();
  process.stdout.write(`${ocrRow(o)}\n${JSON.stringify({ ocr: o })}\n`);
}
