import { DEFAULT_OCR, type OcrOptions } from '../ocr/options.js';
import { loadDoc } from './doc.js';
import { loadDocx } from './docx.js';
import { loadHtml } from './html.js';
import { loadImage } from './image.js';
import { DEFAULT_LIMITS, LoadError, type LoadedText, type LoadLimits } from './loaded.js';
import { loadPdf } from './pdf.js';
import { sniffFormat } from './sniff.js';
import { loadTxt } from './txt.js';

export { loadDoc } from './doc.js';
export { loadDocx } from './docx.js';
export { loadHtml } from './html.js';
export { DEFAULT_LIMITS, LoadError, type LoadedText, type LoadLimits } from './loaded.js';
export { loadPdf } from './pdf.js';
export { sniffFormat } from './sniff.js';
export { decodeText, loadTxt, looksBinary } from './txt.js';

/**
 * Loads any supported file from its bytes, choosing the loader by content (see {@link sniffFormat}).
 * Throws {@link LoadError} with a reason when the file cannot be read within the limits.
 *
 * @example
 * const loaded = await loadBuffer(readFileSync('a.pdf'), { path: 'a.pdf' });
 */
export async function loadBuffer(
  bytes: Uint8Array,
  options: { path?: string; limits?: Partial<LoadLimits>; ocr?: Partial<OcrOptions> } = {},
): Promise<LoadedText> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const ocr = { ...DEFAULT_OCR, ...options.ocr };
  if (bytes.length === 0) throw new LoadError('empty', 'the file is empty');
  if (bytes.length > limits.maxFileBytes) {
    throw new LoadError(
      'too-large',
      `the file has ${bytes.length} bytes, more than the limit of ${limits.maxFileBytes}`,
    );
  }
  const format = sniffFormat(bytes, options.path);
  switch (format) {
    case 'txt':
    case 'md':
      return loadTxt(bytes, format);
    case 'docx':
      return loadDocx(bytes, limits);
    case 'html':
      return loadHtml(bytes, limits);
    case 'pdf':
      return loadPdf(bytes, limits, ocr);
    case 'doc':
      return loadDoc(bytes);
    case 'image':
      return loadImage(bytes, ocr);
    default:
      throw new LoadError(
        'unsupported-format',
        `the content does not match its extension (${options.path ?? 'no name'}) or any supported format`,
      );
  }
}
