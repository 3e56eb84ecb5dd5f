import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import {
  assemblePages,
  type LayoutPage,
  layoutPage,
  mayHoldTable,
  type PageLayout,
  type TextRun,
} from '../layout/index.js';
import { DEFAULT_OCR, type OcrOptions } from '../ocr/options.js';
import { ocrPdfPages } from '../ocr/pdf-pages.js';
import { writeBlocks } from './layout-text.js';
import { LoadError, type LoadedText, type LoadLimits } from './loaded.js';
import { pageObjectCount } from './pdf-page-objects.js';
import { pageRulings } from './pdf-tables.js';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjsModule: Promise<PdfJs> | undefined;

/** pdf.js, loaded once on first use (its import costs ~150 ms, which text-only runs should not pay). */
function pdfjs(): Promise<PdfJs> {
  pdfjsModule ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjsModule;
}

/** pdfjs-dist's own folder, for the bundled CMaps and standard fonts (read offline from disk). */
function pdfjsDir(): string {
  return dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
}

/**
 * The little of a DOM document that pdf.js's font loader touches when it installs a font as a CSS rule
 * (Node has no document): a style element whose rules go nowhere.
 */
const INERT_DOCUMENT = {
  createElement: () => ({ remove() {}, sheet: { cssRules: [], insertRule() {} } }),
  documentElement: { getElementsByTagName: () => [{ append() {} }] },
} as unknown as Extract<Parameters<PdfJs['getDocument']>[0], { ownerDocument?: unknown }>['ownerDocument'];

/**
 * Loads a PDF's text layer in one pdf.js pass: text items with positions become lines, soft line wraps
 * are joined into paragraphs, page numbers and running headers/footers are dropped, ruled tables are
 * rebuilt from the page's vector rulings (merged cells, wrapped headers, tables continued across pages).
 * CMaps are passed so non-embedded Chinese fonts (STSong-Light + UniGB-UCS2-H) decode.
 *
 * @example
 * const loaded = await loadPdf(readFileSync('report.pdf'), DEFAULT_LIMITS);
 * loaded.anchors.find((a) => a.origin.page === 2);
 */
export async function loadPdf(
  bytes: Uint8Array,
  limits: LoadLimits,
  ocr: OcrOptions = DEFAULT_OCR,
): Promise<LoadedText> {
  const lib = await pdfjs();
  const { task, cMapUrl, standardFontDataUrl } = openDocument(lib, bytes);
  let doc: Awaited<typeof task.promise> | undefined;
  try {
    try {
      doc = await task.promise;
    } catch (error) {
      throw pdfError(error);
    }
    if (doc.numPages > limits.maxPages) {
      throw new LoadError(
        'too-many-pages',
        `the PDF has ${doc.numPages} pages, more than the limit of ${limits.maxPages}`,
      );
    }
    const warnings: string[] = [];
    const written = pageObjectCount(bytes);
    if (written > doc.numPages) {
      warnings.push(
        `the page tree lists ${doc.numPages} page(s) but the file holds ${written} page objects: the page tree is damaged and pages may be missing`,
      );
    }
    const read: (LayoutPage | undefined)[] = [];
    const unreadable = new Set<number>();
    for (let n = 1; n <= doc.numPages; n++) {
      try {
        read.push(await readPage(lib, await doc.getPage(n), n, read.at(-1)));
      } catch (error) {
        if (error instanceof LoadError) throw error;
        warnings.push(`page ${n} could not be read: ${(error as Error).message}`);
        read.push(undefined);
        unreadable.add(n);
      }
    }
    // Pages without a text layer (scans) are read from their images, as the run's OCR setting allows.
    const scanned = await ocrPdfPages(lib, bytes, read, ocr, { cMapUrl, standardFontDataUrl }, warnings);
    const pages: PageLayout[] = [];
    let chars = 0;
    read.forEach((input, i) => {
      const content: PageLayout = input
        ? layoutPage(input)
        : { page: i + 1, lines: [], tables: [], height: 842 };
      const pageChars = content.lines.reduce((s, l) => s + l.text.length, 0) + content.tables.length;
      // An unreadable page already has its warning; whether it has a text layer is unknown.
      if (pageChars === 0 && !unreadable.has(i + 1) && !scanned.failed.has(i + 1))
        warnings.push(`page ${i + 1} has no text layer`);
      chars += pageChars;
      pages.push(content);
    });
    if (chars === 0) {
      throw new LoadError(
        'no-text-layer',
        `the PDF has no text layer (a scan?): there is no text to read${scanned.why ? ` (${scanned.why})` : ''}`,
      );
    }
    const properties = await info(doc);
    return {
      ...writeBlocks(assemblePages(pages), 'pdf'),
      pages: doc.numPages,
      properties,
      ...(warnings.length ? { warnings } : {}),
      ...(scanned.runs.length ? { ocr: scanned.runs } : {}),
    };
  } finally {
    await task.destroy().catch(() => undefined);
  }
}

/** Starts pdf.js on a PDF's bytes, with the CMaps and standard fonts read offline from pdfjs-dist. */
function openDocument(lib: PdfJs, bytes: Uint8Array) {
  const dir = pdfjsDir();
  const cMapUrl = `${join(dir, 'cmaps')}/`;
  const standardFontDataUrl = `${join(dir, 'standard_fonts')}/`;
  const task = lib.getDocument({
    data: new Uint8Array(bytes),
    cMapUrl,
    cMapPacked: true,
    standardFontDataUrl,
    isEvalSupported: false,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
    // Fonts are "installed" into an inert stand-in document instead of being drawn as outlines: with
    // font faces disabled (the Node default) pdf.js compiles a path for every glyph shown while it
    // builds an operator list, work only a canvas renderer needs, and we read the list for rulings only.
    disableFontFace: false,
    ownerDocument: INERT_DOCUMENT,
  });
  return { task, cMapUrl, standardFontDataUrl };
}

/**
 * Reads the pages of a PDF's text layer as layout input, before any layout: each page's text runs (with
 * their positions) and, on pages that look tabular, its vector rulings. This is what {@link loadPdf} lays
 * out; tools and tests use it to look at a page's geometry, or to lay a page out another way.
 *
 * @example
 * const pages = await readPdfPages(readFileSync('report.pdf'));
 * const blocks = layoutDocument(pages.map((p) => ({ ...p, rulings: undefined }))); // by text positions only
 */
export async function readPdfPages(bytes: Uint8Array): Promise<LayoutPage[]> {
  const lib = await pdfjs();
  const { task } = openDocument(lib, bytes);
  try {
    let doc: Awaited<typeof task.promise>;
    try {
      doc = await task.promise;
    } catch (error) {
      throw pdfError(error);
    }
    const pages: LayoutPage[] = [];
    for (let n = 1; n <= doc.numPages; n++)
      pages.push(await readPage(lib, await doc.getPage(n), n, pages.at(-1)));
    return pages;
  } finally {
    await task.destroy().catch(() => undefined);
  }
}

function pdfError(error: unknown): LoadError {
  const name = (error as { name?: string })?.name ?? '';
  const message = (error as Error)?.message ?? String(error);
  if (name === 'PasswordException') {
    return new LoadError('encrypted', 'the PDF is encrypted with a password', { cause: error });
  }
  if (name === 'InvalidPDFException') {
    return new LoadError('corrupt', `the PDF is truncated or damaged (${message})`, { cause: error });
  }
  return new LoadError('corrupt', `the PDF cannot be read: ${message}`, { cause: error });
}

/** Whether a page has a column ruling that runs down into its bottom fifth: a table that may go on overleaf. */
function ruledToFoot(page: LayoutPage): boolean {
  return page.rulings?.v.some((s) => s.y1 < page.height * 0.2) ?? false;
}

async function readPage(
  lib: PdfJs,
  page: Awaited<ReturnType<Awaited<ReturnType<PdfJs['getDocument']>['promise']>['getPage']>>,
  n: number,
  previous: LayoutPage | undefined,
): Promise<LayoutPage> {
  const view = page.view;
  const height = (view[3] ?? 842) - (view[1] ?? 0);
  const content = await page.getTextContent();
  const runs: TextRun[] = [];
  for (const raw of content.items) {
    if (!('str' in raw) || !raw.str) continue;
    const t = raw.transform as number[];
    const size = Math.hypot(t[2] ?? 0, t[3] ?? 0) || raw.height || 10;
    const y = (t[5] ?? 0) - (view[1] ?? 0);
    runs.push({ text: raw.str, x: t[4] ?? 0, y, w: raw.width, h: raw.height || size, size, page: n });
  }
  const out: LayoutPage = { page: n, height, runs };
  // The last rows of a table broken at the foot of a page may be too few to look tabular on their own.
  if (mayHoldTable(runs) || (previous && ruledToFoot(previous))) {
    const ops = await page.getOperatorList();
    out.rulings = pageRulings(ops.fnArray, ops.argsArray, lib.OPS, view as number[]);
  }
  page.cleanup();
  return out;
}

async function info(doc: { getMetadata(): Promise<{ info: unknown }> }): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  try {
    const meta = (await doc.getMetadata()).info as Record<string, unknown>;
    const keys: Record<string, string> = {
      Title: 'title',
      Author: 'author',
      Subject: 'subject',
      Creator: 'creator',
      Producer: 'producer',
      CreationDate: 'created',
      ModDate: 'modified',
    };
    for (const [from, to] of Object.entries(keys)) {
      const v = meta[from];
      if (typeof v === 'string' && v.trim()) out[to] = from.endsWith('Date') ? pdfDate(v.trim()) : v.trim();
    }
  } catch {
    // metadata is optional
  }
  return out;
}

/** `D:20240315093000+08'00'` → `2024-03-15T09:30:00+08:00` (as much as the string gives). */
function pdfDate(v: string): string {
  const m = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?([Zz]|[+-]\d{2}'?\d{2}'?)?/.exec(v);
  if (!m) return v;
  const [, y, mo = '01', d = '01', h, mi = '00', s = '00', tz] = m;
  const date = `${y}-${mo}-${d}`;
  if (!h) return date;
  const zone = tz ? (/^[Zz]$/.test(tz) ? 'Z' : `${tz.slice(0, 3)}:${tz.replace(/'/g, '').slice(3, 5)}`) : '';
  return `${date}T${h}:${mi}:${s}${zone}`;
}
