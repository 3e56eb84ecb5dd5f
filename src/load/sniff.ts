import type { Format } from '../model/report.js';
import { DEFAULT_LIMITS, LoadError, type LoadLimits } from './loaded.js';
import { listZip, readZipEntry, type ZipEntry } from './zip.js';

/**
 * What a loader's `sniff` sees: the bytes, their first kilobyte as latin-1 (lower case) and the file
 * name's extension (lower case, without the dot).
 *
 * @example
 * const probe = probeOf(bytes, 'a.PDF'); // { bytes, head: '%pdf-1.7…', ext: 'pdf' }
 */
export interface Probe {
  bytes: Uint8Array;
  head: string;
  ext: string;
}

/**
 * The {@link Probe} of a file.
 *
 * @example
 * probeOf(bytes, 'report.html').ext; // 'html'
 */
export function probeOf(bytes: Uint8Array, path = ''): Probe {
  const ext = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase() ?? '';
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024)).toLowerCase();
  return { bytes, head, ext };
}

/** `%PDF` at the start. */
export const isPdf = (p: Probe) => startsWith(p.bytes, [0x25, 0x50, 0x44, 0x46]);
/** A zip container (local file header or an empty archive's end record). */
export const isZip = (p: Probe) =>
  startsWith(p.bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(p.bytes, [0x50, 0x4b, 0x05, 0x06]);
/** An OLE2 compound file (Word 97–2003 .doc). */
export const isOle = (p: Probe) => startsWith(p.bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** HTML markup in the first kilobyte. */
export const looksHtml = (p: Probe) =>
  /<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]|<meta[\s>]/.test(p.head);
/** Extensions of binary formats: with content matching none of them, the file is not text either. */
export const BINARY_EXTENSIONS = new Set(['pdf', 'docx', 'doc']);

/**
 * What a zip container holds, from its directory (nothing is inflated but a stored `mimetype`):
 * `docx` when it has the Word main part, else a description of what it is for the error message.
 *
 * @example
 * zipContents(xlsxBytes); // { docx: false, what: 'an Excel workbook (XLSX)' }
 */
export function zipContents(
  bytes: Uint8Array,
  limits: Pick<LoadLimits, 'maxZipEntries' | 'maxUncompressedBytes'> = DEFAULT_LIMITS,
): { docx: boolean; what: string } {
  const entries = listZip(bytes, limits);
  const names = new Set(entries.map((e) => e.name));
  if (names.has('word/document.xml') || entries.some((e) => e.name.startsWith('word/')))
    return { docx: true, what: 'a Word document (DOCX)' };
  const mimetype = entries.find((e) => e.name === 'mimetype');
  const type = mimetype ? readSmall(bytes, mimetype) : '';
  const what = KINDS.find(([test]) => test(type, names))?.[1] ?? 'a zip archive';
  return { docx: false, what };
}

const KINDS: [(mimetype: string, names: Set<string>) => boolean, string][] = [
  [(m) => m.includes('opendocument.text'), 'an OpenDocument text (ODT)'],
  [(m) => m.includes('opendocument.spreadsheet'), 'an OpenDocument spreadsheet (ODS)'],
  [(m) => m.includes('opendocument'), 'an OpenDocument file'],
  [(m) => m.includes('epub'), 'an EPUB book'],
  [(_, n) => n.has('xl/workbook.xml'), 'an Excel workbook (XLSX)'],
  [(_, n) => n.has('ppt/presentation.xml'), 'a PowerPoint deck (PPTX)'],
  [(_, n) => n.has('content.xml'), 'an OpenDocument file'],
];

function readSmall(bytes: Uint8Array, entry: ZipEntry): string {
  if (entry.size > 200) return '';
  try {
    return new TextDecoder().decode(readZipEntry(bytes, entry, { maxUncompressedBytes: 200 }));
  } catch (error) {
    if (error instanceof LoadError) return '';
    throw error;
  }
}

/**
 * Decides a file's format with a list of sniffers, the first that accepts the probe winning; a zip is a
 * DOCX only when it holds the Word main part. `sniffFormat` in src/load/index.ts applies the loader
 * registry.
 *
 * @example
 * sniffWith(LOADERS, bytes, 'report.docx'); // 'pdf' when the bytes start with %PDF
 */
export function sniffWith(
  loaders: readonly { format: Format; sniff: (p: Probe) => boolean }[],
  bytes: Uint8Array,
  path = '',
): Format {
  const probe = probeOf(bytes, path);
  const format = loaders.find((l) => l.sniff(probe))?.format ?? 'unknown';
  if (format !== 'docx') return format;
  try {
    return zipContents(bytes).docx ? 'docx' : 'unknown';
  } catch {
    return 'unknown';
  }
}

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}
