import { createHash } from 'node:crypto';
import { type AnalyzeOptions, analyze } from '../kernel/index.js';
import { LoadError, type LoadedText, type LoadLimits } from '../load/index.js';
import type { Anomaly, Report } from '../model/index.js';
import type { Format } from '../model/report.js';
import { loadDomainDictionary } from '../node/dictionary.js';
import { loadContained } from '../node/load-sandbox.js';
import type { OcrOptions } from '../ocr/options.js';
import type { RulesConfig } from '../rules/index.js';
import { emptyMeta } from './context.js';

/** Options shared by the parse functions. */
export interface ParseOptions {
  /** Name recorded in `Report.file` (the path for files). */
  file?: string;
  /** Resource limits for loading. */
  limits?: Partial<LoadLimits>;
  /** Rule configuration; `false` skips the rules. */
  rules?: RulesConfig | false;
  /** OCR of pages without text and of image files (default: `auto`, see {@link OcrOptions}). */
  ocr?: Partial<OcrOptions>;
}

/**
 * Analyzes text that is already decoded.
 *
 * @example
 * const report = parseText('舒兰市民政局2018年政府信息公开工作年度报告\n一、基本工作情况\n…');
 * report.meta.reportYear; // 2018
 */
export function parseText(text: string, options: ParseOptions = {}): Report {
  const started = performance.now();
  const loaded: LoadedText = { format: 'txt', text, tables: [], anchors: [] };
  return analyzeLoaded(loaded, { ...options, bytes: Buffer.from(text, 'utf8'), started });
}

/**
 * Loads and analyzes a file's bytes (TXT, Markdown, HTML, DOCX, DOC or PDF, sniffed from the content).
 * Never throws for bad input: an unreadable file gives a record with one `load-failed` anomaly, and an
 * error inside the analysis a record with one `internal-error` anomaly. PDF and DOC are read in a worker
 * thread, so a hostile file is bounded by `limits.timeoutMs` and `limits.maxHeapMb` and cannot take the
 * caller's process down.
 *
 * @example
 * const report = await parseBuffer(readFileSync('a.pdf'), { file: 'a.pdf' });
 */
export async function parseBuffer(bytes: Uint8Array, options: ParseOptions = {}): Promise<Report> {
  const started = performance.now();
  const file = options.file ?? '<buffer>';
  let loaded: LoadedText;
  try {
    loaded = await loadContained(bytes, { path: options.file, limits: options.limits, ocr: options.ocr });
  } catch (error) {
    return loadFailedReport(file, error, { bytes, started });
  }
  try {
    return analyzeLoaded(loaded, { ...options, bytes, started });
  } catch (error) {
    return internalErrorReport(file, error, { bytes, started, format: loaded.format });
  }
}

/**
 * Runs normalization, segmentation, metadata, figures and rules over a loader's output: the kernel's
 * {@link analyze} with the source bytes hashed here.
 *
 * @example
 * const report = analyzeLoaded(loadTxt(bytes), { file: 'a.txt', bytes });
 */
export function analyzeLoaded(
  loaded: LoadedText,
  options: ParseOptions & { bytes?: Uint8Array; started?: number } = {},
): Report {
  const started = options.started ?? performance.now();
  const analyzeOptions: AnalyzeOptions = {
    file: options.file ?? '<text>',
    hash: hashBytes(options.bytes ?? Buffer.from(loaded.text, 'utf8')),
    bytes: options.bytes?.length ?? 0,
    started,
    dictionary: loadDomainDictionary(),
  };
  if (options.rules !== undefined) analyzeOptions.rules = options.rules;
  return analyze(loaded, analyzeOptions);
}

/**
 * The record for a file whose analysis failed on an error in this library (a bug, not a bad file): empty
 * content and one `internal-error` anomaly carrying the error's stack in `data.stack`.
 *
 * @example
 * internalErrorReport('a.txt', new TypeError('x is undefined')).anomalies[0].data.code; // 'internal-error'
 */
export function internalErrorReport(
  file: string,
  error: unknown,
  options: { bytes?: Uint8Array; started?: number; format?: Format } = {},
): Report {
  const message = error instanceof Error ? error.message : String(error);
  const stack = error instanceof Error && error.stack ? error.stack : message;
  const report = loadFailedReport(file, error, options);
  report.anomalies = [
    {
      ruleId: 'internal-error',
      source: 'xxgk-report',
      severity: 'error',
      reason: `分析文件 ${file} 时程序内部出错（程序缺陷，请报告）：${message}`,
      reasonEn: `Internal error while analysing ${file} (a bug in xxgk-report; please report it): ${message}`,
      evidence: [],
      data: { code: 'internal-error', stack },
    },
  ];
  return report;
}

/**
 * The record for a file that could not be read: empty content and one `load-failed` error anomaly
 * whose reason names the file and the problem.
 *
 * @example
 * loadFailedReport('a.pdf', new LoadError('encrypted', 'the PDF is encrypted')).anomalies[0].ruleId; // 'load-failed'
 */
export function loadFailedReport(
  file: string,
  error: unknown,
  options: { bytes?: Uint8Array; started?: number; format?: Format } = {},
): Report {
  const code = error instanceof LoadError ? error.code : 'error';
  const message = error instanceof Error ? error.message : String(error);
  const anomaly: Anomaly = {
    ruleId: 'load-failed',
    source: 'xxgk-report',
    severity: 'error',
    reason: `无法读取文件 ${file}：${message}`,
    reasonEn: `Cannot read ${file}: ${message}`,
    evidence: [],
    data: { code },
  };
  return {
    ...contentlessReport(file, options.format ?? 'unknown', options.bytes ? hashBytes(options.bytes) : ''),
    anomalies: [anomaly],
    stats: {
      bytes: options.bytes?.length ?? 0,
      chars: 0,
      // One clock reading: a second one taken for a missing start would be later and make this negative.
      ms: elapsedSince(options.started),
    },
  };
}

/**
 * A record with no content: the shape of a file that could not be read, and the frame that cross-report
 * anomalies are matched in against a baseline.
 *
 * @example
 * contentlessReport('a.pdf', 'pdf', '').sections.length; // 0
 */
export function contentlessReport(file: string, format: Format, hash: string): Report {
  return {
    file,
    format,
    hash,
    text: '',
    meta: emptyMeta(),
    sections: [],
    numbering: [],
    tables: [],
    figures: {},
    channels: [],
    claims: [],
    ambiguities: [],
    anomalies: [],
    anchors: [],
    stats: { bytes: 0, chars: 0, ms: 0 },
  };
}

/** sha256 of bytes, hex. */
export function hashBytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function elapsedSince(started: number | undefined): number {
  const now = performance.now();
  return round(now - (started ?? now));
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}
