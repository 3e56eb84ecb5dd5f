import type { DomainDictionary } from '../extract/segmenter.js';
import type { LoadedText } from '../load/loaded.js';
import type { Report } from '../model/index.js';
import type { RulesConfig } from '../rules/config.js';
import { claimsStage, figuresStage, metaStage, normalizeStage, rulesStage, segmentStage } from './stages.js';

/** What {@link analyze} needs besides the loaded document. The caller does all I/O and hashing. */
export interface AnalyzeOptions {
  /** The word-segmentation dictionary, read by the caller (`loadDomainDictionary()` in Node). */
  dictionary: DomainDictionary;
  /** Name recorded in `Report.file`. */
  file: string;
  /** sha256 of the source bytes, hex (`Report.hash`). */
  hash: string;
  /** Size of the source in bytes (`Report.stats.bytes`). */
  bytes?: number;
  /** Rule configuration; `false` skips the rules. */
  rules?: RulesConfig | false;
  /** `performance.now()` when the work on this document started (loading included); defaults to now. */
  started?: number;
}

/**
 * Analyzes a loader's output: normalize → segment → meta → claims → figures → rules, each stage taking what the
 * one before produced. Reads no file and no clock but `performance.now()`, so it runs wherever the
 * loaded text comes from.
 *
 * @example
 * const loaded = { format: 'txt', text: '舒兰市民政局2018年政府信息公开工作年度报告\n…', tables: [], anchors: [] } as const;
 * const report = analyze(loaded, { file: 'a.txt', hash: sha256Hex, dictionary: loadDomainDictionary() });
 * report.meta.reportYear; // 2018
 */
export function analyze(loaded: LoadedText, options: AnalyzeOptions): Report {
  const started = options.started ?? performance.now();
  const normalized = normalizeStage(loaded, { file: options.file });
  const withMeta = metaStage(segmentStage(normalized));
  const withFigures = figuresStage(claimsStage(withMeta, options.dictionary));
  const report = rulesStage(withFigures, options);
  report.stats.ms = Math.round((performance.now() - started) * 100) / 100;
  return report;
}
