import type { LayoutPage } from '../layout/index.js';
import { LoadError } from '../load/loaded.js';
import { ocrEngine } from './engine.js';
import { MIN_PAGE_TEXT, type OcrOptions } from './options.js';
import { type OcrRun, ocrPage } from './page.js';
import type { GrayImage } from './raster.js';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;

/**
 * Reads pages of one PDF by OCR. The document is opened a second time, for drawing (the text reader's copy
 * skips what only drawing needs), and only when a page asks for it.
 *
 * @example
 * const ocr = new PdfPageOcr(lib, bytes, options, docParams);
 * const { layout, runs } = await ocr.read(3);
 * await ocr.close();
 */
export class PdfPageOcr {
  private doc: Promise<PdfDocument> | undefined;
  private task: ReturnType<PdfJs['getDocument']> | undefined;

  constructor(
    private readonly lib: PdfJs,
    private readonly bytes: Uint8Array,
    private readonly options: OcrOptions,
    private readonly params: { cMapUrl: string; standardFontDataUrl: string },
  ) {}

  /** Renders page `n` and reads it; throws `ocr-timeout` past the page time limit. */
  async read(n: number): Promise<{ layout: LayoutPage; runs: OcrRun[] }> {
    const deadline = Date.now() + this.options.pageTimeoutMs;
    const engine = await ocrEngine();
    const { image, dpi } = await this.render(n);
    if (Date.now() > deadline)
      throw new LoadError('ocr-timeout', `rendering page ${n} ran past its time limit`);
    const page = await ocrPage(image, { page: n, dpi, engine, deadline });
    return { layout: page.layout, runs: page.runs };
  }

  private async render(n: number): Promise<{ image: GrayImage; dpi: number }> {
    if (!this.doc) {
      this.task = this.lib.getDocument({
        data: new Uint8Array(this.bytes),
        ...this.params,
        cMapPacked: true,
        isEvalSupported: false,
        useSystemFonts: false,
        stopAtErrors: false,
        verbosity: 0,
      });
      this.doc = this.task.promise;
    }
    const page = await (await this.doc).getPage(n);
    try {
      const base = page.getViewport({ scale: 1 });
      let dpi = this.options.dpi;
      const pixels = (d: number) => (base.width * d * base.height * d) / (72 * 72);
      if (pixels(dpi) > this.options.maxPixels)
        dpi = Math.floor(72 * Math.sqrt(this.options.maxPixels / (base.width * base.height)));
      const viewport = page.getViewport({ scale: dpi / 72 });
      const { createCanvas } = await import('@napi-rs/canvas');
      const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
      const context = canvas.getContext('2d');
      context.fillStyle = '#ffffff';
      context.fillRect(0, 0, canvas.width, canvas.height);
      type RenderParams = Parameters<typeof page.render>[0];
      await page.render({
        canvas: canvas as unknown as RenderParams['canvas'],
        canvasContext: context as unknown as RenderParams['canvasContext'],
        viewport,
      } as RenderParams).promise;
      const rgba = context.getImageData(0, 0, canvas.width, canvas.height).data;
      const gray = new Uint8Array(canvas.width * canvas.height);
      for (let i = 0; i < gray.length; i++) {
        const o = i * 4;
        gray[i] =
          ((rgba[o] as number) * 299 + (rgba[o + 1] as number) * 587 + (rgba[o + 2] as number) * 114) / 1000;
      }
      return { image: { data: gray, width: canvas.width, height: canvas.height }, dpi };
    } finally {
      page.cleanup();
    }
  }

  /** Frees the drawing copy of the document. */
  async close(): Promise<void> {
    await this.task?.destroy().catch(() => undefined);
  }
}

/** What OCR did for a document: the runs it read, the pages it gave up on, and why, if it read nothing. */
export interface ScannedPages {
  runs: OcrRun[];
  failed: Set<number>;
  why?: string;
}

/**
 * The PDF loader's OCR step: replaces each page that has no text layer (`auto`) or every page (`force`)
 * with what OCR reads from its image, in place. A page that cannot be read (time limit, a rendering error)
 * becomes a warning and stays empty; the document is still read.
 *
 * @example
 * const scanned = await ocrPdfPages(lib, bytes, pages, options, fonts, warnings);
 */
export async function ocrPdfPages(
  lib: PdfJs,
  bytes: Uint8Array,
  pages: (LayoutPage | undefined)[],
  options: OcrOptions,
  params: { cMapUrl: string; standardFontDataUrl: string },
  warnings: string[],
): Promise<ScannedPages> {
  const out: ScannedPages = { runs: [], failed: new Set() };
  if (options.mode === 'off') return out;
  const wanted = pages.flatMap((p, i) =>
    options.mode === 'force' || !p || pageChars(p) < MIN_PAGE_TEXT ? [i] : [],
  );
  if (!wanted.length) return out;
  const reader = new PdfPageOcr(lib, bytes, options, params);
  try {
    for (const i of wanted) {
      try {
        const { layout, runs } = await reader.read(i + 1);
        pages[i] = layout;
        out.runs.push(...runs);
      } catch (error) {
        const code = (error as { code?: string }).code;
        out.why = `OCR: ${(error as Error).message}`;
        // Without the OCR packages no page can be read: say so once.
        if (code === 'ocr-unavailable') {
          warnings.push(`pages without text were not read: ${(error as Error).message}`);
          break;
        }
        out.failed.add(i + 1);
        // A page whose text pdf.js could not read already has its warning; one per page is enough.
        if (pages[i]) warnings.push(`page ${i + 1} could not be read by OCR: ${(error as Error).message}`);
      }
    }
  } finally {
    await reader.close();
  }
  if (!out.runs.length && !out.why) out.why = 'OCR found no text either';
  return out;
}

function pageChars(page: LayoutPage): number {
  return page.runs.reduce((n, r) => n + r.text.replace(/\s+/g, '').length, 0);
}
