/**
 * xxgk-report: read Chinese government information-disclosure annual reports into typed, checked data.
 *
 * @example
 * import { parseFile } from 'xxgk-report';
 * const report = await parseFile('report.pdf');
 * console.log(report.meta.agency, report.figures['requests.newReceived.total']?.value);
 */
export {
  analyzeLoaded,
  loadFailedReport,
  type ParseOptions,
  parseBuffer,
  parseText,
} from './core/pipeline.js';
export { renderFieldsDoc } from './extract/fields-doc.js';
export { extractFigures } from './extract/index.js';
export type { KeyDef } from './extract/key-def.js';
export { ALL_KEYS, keyDef } from './extract/keys.js';
export type { DomainDictionary } from './extract/segmenter.js';
export { renderHtmlReport } from './format/html.js';
export {
  csvColumns,
  FORMAT_NAMES,
  type FormatContext,
  type FormatName,
  type Formatter,
  formatters,
  sarifLog,
  streamFormatters,
} from './format/index.js';
/**
 * The analysis kernel: typed stages from a loader's output to a report, with no I/O (the caller hashes the
 * bytes and passes the word-segmentation dictionary).
 *
 * @example
 * import { analyze, loadDomainDictionary, loadTxt } from 'xxgk-report';
 * const report = analyze(loadTxt(bytes), { file: 'a.txt', hash: sha256Hex, dictionary: loadDomainDictionary() });
 */
export {
  type AnalyzeOptions,
  analyze,
  claimsStage,
  figuresStage,
  metaStage,
  normalizeStage,
  parseDomainDictionary,
  type RulesStageOptions,
  rulesStage,
  segmentStage,
} from './kernel/index.js';
export * from './load/index.js';
export { detectEra, type EraResult, extractMeta } from './meta/index.js';
export type {
  DocContext,
  Normalized,
  Segmented,
  WithClaims,
  WithFigures,
  WithMeta,
} from './model/doc-context.js';
export * from './model/index.js';
export { DICT_PATH, loadDomainDictionary } from './node/dictionary.js';
export { expandInputs } from './node/files.js';
export { parseFile } from './node/parse-file.js';
export { createInlineRunner, createPoolRunner, type ParseRunner, resolveJobs } from './node/pool.js';
export { readResume, resumeKey } from './node/resume.js';
export { DEFAULT_OCR, type OcrMode, type OcrOptions } from './ocr/options.js';
export {
  applyBaseline,
  type Baseline,
  type BaselineEntry,
  ConfigError,
  checkAcross,
  checkReport,
  createBaseline,
  digestReport,
  explainRule,
  loadBaseline,
  NOT_ASSESSABLE,
  PRESETS,
  type PresetName,
  type ReportDigest,
  RULES,
  type RuleMeta,
  type RulesConfig,
  resolveConfig,
} from './rules/index.js';
export { flattenSections, segment } from './segment/index.js';
export { findNumbers, type NumberMention, type ParsedNumber, parseCnNumber } from './text/cn-number.js';
export { type DateMention, findDates, findPeriod, findPeriods, type Period } from './text/dates.js';
export { type NormalizedText, normalizeLoaded, normalizeText } from './text/normalize.js';
