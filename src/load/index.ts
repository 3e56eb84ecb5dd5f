import type { Format } from '../model/report.js';
import { DEFAULT_OCR, type OcrOptions } from '../ocr/options.js';
import { loadDoc } from './doc.js';
import { loadDocx } from './docx.js';
import { loadHtml } from './html.js';
import { loadImage } from './image.js';
import { DEFAULT_LIMITS, LoadError, type LoadedText, type LoadLimits } from './loaded.js';
import { loadPdf } from './pdf.js';
import {
  BINARY_EXTENSIONS,
  isImage,
  isOle,
  isPdf,
  isZip,
  looksHtml,
  type Probe,
  probeOf,
  sniffWith,
  zipContents,
} from './sniff.js';
import { loadTxt } from './txt.js';

export { loadDoc } from './doc.js';
export { loadDocx } from './docx.js';
export { loadHtml } from './html.js';
export { DEFAULT_LIMITS, LoadError, type LoadedText, type LoadLimits } from './loaded.js';
export { loadPdf, readPdfPages } from './pdf.js';
export { type Probe, zipContents } from './sniff.js';
export { decodeText, loadTxt, looksBinary } from './txt.js';

/**
 * One input format: how to recognise it from a {@link Probe} and how to load it. `load` gets the
 * limits and the file's name (for messages).
 *
 * @example
 * const ofd: Loader = { format: 'ofd', sniff: (p) => p.ext === 'ofd', load: (bytes, o) => loadOfd(bytes, o.limits) };
 */
export interface Loader {
  format: Format;
  sniff(probe: Probe): boolean;
  load(
    bytes: Uint8Array,
    options: { limits: LoadLimits; path?: string; ocr?: OcrOptions },
  ): Promise<LoadedText> | LoadedText;
}

/**
 * The loaders in the order they are tried: magic numbers first (PDF, zip, OLE2), then HTML markup,
 * then the extensions of text formats; plain text takes what is left unless the name claims a binary
 * format. A new input format is one more entry here.
 *
 * @example
 * LOADERS.map((l) => l.format); // ['pdf', 'docx', 'doc', 'html', 'md', 'txt']
 */
export const LOADERS: readonly Loader[] = [
  { format: 'pdf', sniff: isPdf, load: (bytes, o) => loadPdf(bytes, o.limits, o.ocr) },
  { format: 'image', sniff: isImage, load: (bytes, o) => loadImage(bytes, o.ocr ?? DEFAULT_OCR) },
  { format: 'docx', sniff: isZip, load: (bytes, o) => loadZippedDocx(bytes, o.limits, o.path) },
  { format: 'doc', sniff: isOle, load: (bytes) => loadDoc(bytes) },
  {
    format: 'html',
    sniff: (p) => looksHtml(p) || ['html', 'htm', 'shtml', 'xhtml'].includes(p.ext),
    load: (bytes, o) => loadHtml(bytes, o.limits),
  },
  {
    format: 'md',
    sniff: (p) => p.ext === 'md' || p.ext === 'markdown',
    load: (bytes) => loadTxt(bytes, 'md'),
  },
  { format: 'txt', sniff: (p) => !BINARY_EXTENSIONS.has(p.ext), load: (bytes) => loadTxt(bytes, 'txt') },
];

/**
 * Decides a file's format from its first bytes through {@link LOADERS}, falling back to the extension
 * only for text formats, so a file whose extension lies is still read by the right loader; a zip is a
 * DOCX only when it holds `word/document.xml`.
 *
 * @example
 * sniffFormat(bytes, 'report.docx'); // 'pdf' when the bytes start with %PDF
 */
export function sniffFormat(bytes: Uint8Array, path = ''): Format {
  return sniffWith(LOADERS, bytes, path);
}

/** A zip is read as DOCX only after its directory shows the Word main part. */
function loadZippedDocx(bytes: Uint8Array, limits: LoadLimits, path?: string): LoadedText {
  const contents = zipContents(bytes, limits);
  if (!contents.docx) {
    throw new LoadError(
      'unsupported-format',
      `${path ?? 'the file'} is ${contents.what}, not a DOCX: the zip holds no word/document.xml`,
    );
  }
  return loadDocx(bytes, limits);
}

/**
 * Loads any supported file from its bytes, choosing the loader by content (see {@link LOADERS}).
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
  if (bytes.length === 0) throw new LoadError('empty', 'the file is empty');
  if (bytes.length > limits.maxFileBytes) {
    throw new LoadError(
      'too-large',
      `the file has ${bytes.length} bytes, more than the limit of ${limits.maxFileBytes}`,
    );
  }
  const probe = probeOf(bytes, options.path);
  const loader = LOADERS.find((l) => l.sniff(probe));
  if (!loader) {
    throw new LoadError(
      'unsupported-format',
      `the content does not match its extension (${options.path ?? 'no name'}) or any supported format`,
    );
  }
  const ocr = { ...DEFAULT_OCR, ...options.ocr };
  return loader.load(bytes, { limits, ocr, ...(options.path ? { path: options.path } : {}) });
}
