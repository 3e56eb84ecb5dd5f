/**
 * When pages are read by OCR: `auto` reads pages that have no text layer, `force` reads every page from its
 * image (ignoring the text layer), `off` never does (a PDF without text then fails with `no-text-layer`).
 */
export type OcrMode = 'auto' | 'off' | 'force';

/** OCR settings for one run. */
export interface OcrOptions {
  mode: OcrMode;
  /** Resolution PDF pages are rendered at for OCR. */
  dpi: number;
  /** Longest time one page may take (rendering and reading), in ms; past it the page is given up. */
  pageTimeoutMs: number;
  /** Largest page image, in pixels (a page is rendered smaller to stay under it; an image beyond it fails). */
  maxPixels: number;
}

/** The defaults: OCR only where there is no text, 150 dpi, two minutes and 40 megapixels a page. */
export const DEFAULT_OCR: OcrOptions = {
  mode: 'auto',
  dpi: 150,
  pageTimeoutMs: 120_000,
  maxPixels: 40_000_000,
};

/** Fewer characters than this on a page count as no text layer (a stamp, a page number). */
export const MIN_PAGE_TEXT = 10;
