import { assemblePages, layoutPage } from '../layout/index.js';
import { ocrEngine } from '../ocr/engine.js';
import type { OcrOptions } from '../ocr/options.js';
import { ocrPage } from '../ocr/page.js';
import { decodeGray, sharp } from '../ocr/raster.js';
import { writeBlocks } from './layout-text.js';
import { LoadError, type LoadedText } from './loaded.js';

/**
 * Loads a photographed or scanned report page (PNG, JPEG or TIFF; each page of a multi-page TIFF) by OCR.
 * The resolution comes from the file when it states one, else the page is taken to be A4 wide, so text
 * sizes come out in points as in a PDF.
 *
 * @example
 * const loaded = await loadImage(readFileSync('page.png'), DEFAULT_OCR);
 */
export async function loadImage(bytes: Uint8Array, ocr: OcrOptions): Promise<LoadedText> {
  if (ocr.mode === 'off') {
    throw new LoadError('ocr-off', 'the file is an image, and reading images needs OCR (--ocr auto)');
  }
  const lib = await sharp();
  let meta: { pages?: number; density?: number; width?: number };
  try {
    meta = await lib(bytes, { limitInputPixels: ocr.maxPixels }).metadata();
  } catch (error) {
    throw new LoadError('corrupt', `the image cannot be read: ${(error as Error).message}`, { cause: error });
  }
  const count = Math.max(1, meta.pages ?? 1);
  const engine = await ocrEngine();
  const layouts = [];
  const runs = [];
  for (let n = 1; n <= count; n++) {
    const frame =
      count > 1
        ? await lib(bytes, { page: n - 1, limitInputPixels: ocr.maxPixels })
            .png()
            .toBuffer()
        : bytes;
    const gray = await decodeGray(frame, ocr.maxPixels);
    // Scanners write their resolution; a phone photo says 72 (meaning nothing): then assume an A4 page.
    const stated = meta.density && meta.density >= 100 ? meta.density : undefined;
    const dpi = stated ?? gray.width / 8.27;
    const page = await ocrPage(gray, { page: n, dpi, engine, deadline: Date.now() + ocr.pageTimeoutMs });
    layouts.push(layoutPage(page.layout));
    runs.push(...page.runs);
  }
  const written = writeBlocks(assemblePages(layouts), 'pdf');
  if (!written.text.trim()) throw new LoadError('no-text-layer', 'OCR found no text in the image');
  return { ...written, format: 'image', pages: count, ocr: runs };
}
