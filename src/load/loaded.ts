import type { Anchor, Table } from '../model/index.js';
import type { Format } from '../model/report.js';
import type { OcrRun } from '../ocr/run.js';

/**
 * What a loader hands to the pipeline: the document's text as the loader assembled it (before
 * normalization), its tables as grids whose cell spans index that text, and anchors back to the source.
 *
 * @example
 * const loaded: LoadedText = { format: 'txt', text: '一、概述\n…', tables: [], anchors: [] };
 */
export interface LoadedText {
  format: Format;
  text: string;
  tables: Table[];
  anchors: Anchor[];
  pages?: number;
  /** Document properties the source carries (title, author, publication time …). */
  properties?: Record<string, string>;
  /** Non-fatal notes from the loader (e.g. "page 3 has no text layer"). */
  warnings?: string[];
  /** The text that OCR read (pages without a text layer, image files), with confidence and page boxes. */
  ocr?: OcrRun[];
}

/** Explicit resource limits for loading one file. */
export interface LoadLimits {
  /** Largest file accepted, in bytes. */
  maxFileBytes: number;
  /** Most PDF pages read. */
  maxPages: number;
  /** Most entries accepted in a zip container (DOCX). */
  maxZipEntries: number;
  /** Largest total uncompressed size of the zip entries read, in bytes. */
  maxUncompressedBytes: number;
  /** Deepest XML/HTML nesting accepted. */
  maxXmlDepth: number;
  /** Longest a PDF or DOC may take to read on the calling thread's behalf, in ms (enforced in the load sandbox). */
  timeoutMs: number;
  /** Heap limit of the worker that reads PDF and DOC, in MB. */
  maxHeapMb: number;
}

/** Safe defaults for {@link LoadLimits}. */
export const DEFAULT_LIMITS: LoadLimits = {
  maxFileBytes: 100 * 1024 * 1024,
  maxPages: 500,
  maxZipEntries: 2000,
  maxUncompressedBytes: 200 * 1024 * 1024,
  maxXmlDepth: 256,
  timeoutMs: 300_000,
  maxHeapMb: 2048,
};

/** A load failure with a reason a person can act on; the pipeline turns it into a `load-failed` record. */
export class LoadError extends Error {
  override readonly name = 'LoadError';
  constructor(
    /** Short machine-readable reason, e.g. `empty`, `too-large`, `zip-bomb`, `encrypted`, `no-text-layer`. */
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
