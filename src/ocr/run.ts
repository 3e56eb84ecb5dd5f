// Its own module, with no imports, so the kernel and the model can name OCR output without loading the engine.

/**
 * A piece of text OCR read: its page, text, confidence (0–1) and box in page space (points from the page's
 * top-left corner, `[x0, top, x1, bottom]`, on the deskewed page).
 */
export interface OcrRun {
  page: number;
  text: string;
  confidence: number;
  box: [number, number, number, number];
}
