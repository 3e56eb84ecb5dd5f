import type { Figure } from '../model/index.js';
import type { OcrRun } from './run.js';

const fold = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

/**
 * Marks the figures that sit on pages OCR read with the reading they came from: the OCR piece on the same
 * page that holds the figure's stated text and shares most of the text around it (the figure's line or
 * cell), with its confidence and page box.
 *
 * @example
 * markOcrFigures(report.figures, report.text, loaded.ocr);
 * report.figures['requests.newReceived.total'].ocr; // { page: 3, confidence: 0.99, box: [...] }
 */
export function markOcrFigures(figures: Record<string, Figure>, text: string, runs: readonly OcrRun[]): void {
  const byPage = new Map<number, { run: OcrRun; folded: string }[]>();
  for (const run of runs) {
    const list = byPage.get(run.page) ?? [];
    list.push({ run, folded: fold(run.text) });
    byPage.set(run.page, list);
  }
  for (const figure of Object.values(figures)) {
    const page = figure.origin?.page;
    const candidates = page === undefined ? undefined : byPage.get(page);
    if (!candidates || figure.derived) continue;
    const stated = fold(figure.stated);
    const lineStart = text.lastIndexOf('\n', figure.span[0] - 1) + 1;
    const lineEnd = text.indexOf('\n', figure.span[1]);
    const around = fold(text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd));
    let best: OcrRun | undefined;
    let bestScore = -1;
    for (const { run, folded } of candidates) {
      if (stated && !folded.includes(stated)) continue;
      let score = 0;
      for (let i = 0; i + 1 < folded.length; i++) if (around.includes(folded.slice(i, i + 2))) score++;
      // A cell that is just the figure beats a long line that happens to hold the same digits.
      if (folded === stated) score += 2;
      if (score > bestScore) [best, bestScore] = [run, score];
    }
    best ??= candidates[0]?.run;
    if (!best) continue;
    figure.ocr = {
      page: best.page,
      confidence: Math.round(best.confidence * 1000) / 1000,
      box: best.box.map((v) => Math.round(v * 10) / 10) as [number, number, number, number],
    };
  }
}
