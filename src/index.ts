/**
 * xxgk-report: read Chinese government information-disclosure annual reports into typed, checked data.
 *
 * @example
 * import { parseFile } from 'xxgk-report';
 * const report = await parseFile('report.pdf');
 * console.log(report.meta.agency, report.figures['requests.newReceived.total']?.value);
 */
export type { DocContext } from './core/context.js';
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
export * from './load/index.js';
export { detectEra, type EraResult, extractMeta } from './meta/index.js';
export * from './model/index.js';
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
