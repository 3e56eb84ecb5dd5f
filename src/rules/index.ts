/**
 * The anomaly rules: the registry, configuration and presets, the per-report runner, the cross-report
 * runner, baselines and rule documentation.
 *
 * @example
 * import { checkReport, RULES } from './rules/index.js';
 * checkReport(report, 'strict');
 */
export {
  applyBaseline,
  type Baseline,
  type BaselineEntry,
  createBaseline,
  loadBaseline,
} from './baseline.js';
export { checkReport, SOURCE } from './check.js';
export {
  ConfigError,
  PRESETS,
  type PresetName,
  type ResolvedConfig,
  type RuleSetting,
  type RulesConfig,
  resolveConfig,
} from './config.js';
export { checkAcross, digestReport } from './cross.js';
export {
  type DigestFigure,
  type Fingerprint,
  type Fingerprints,
  fingerprintAt,
  type ReportDigest,
} from './digest.js';
export { explainRule, type RuleFixtureDoc, renderRulesDoc } from './explain.js';
export type { RuleMeta } from './meta.js';
export { CROSS_RULES, REPORT_RULES, RULES } from './registry.js';
export {
  type AnomalyDraft,
  type CrossRule,
  defineCrossRule,
  defineRule,
  fillMessage,
  NOT_ASSESSABLE,
  type Rule,
  type RuleContext,
} from './rule.js';
