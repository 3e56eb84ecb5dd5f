import type { Report } from '../model/index.js';
import {
  applyBaseline,
  type Baseline,
  ConfigError,
  createBaseline,
  explainRule,
  loadBaseline,
  PRESETS,
  RULES,
  type RulesConfig,
  resolveConfig,
} from '../rules/index.js';
import type { RuleMeta } from '../rules/meta.js';

/** A bad command line or configuration (exit code 2). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/**
 * Metadata of every registered rule.
 *
 * @example
 * ruleMetas().map((m) => m.id);
 */
export function ruleMetas(): RuleMeta[] {
  return RULES.map((r) => r.meta);
}

/**
 * Names of the configuration presets.
 *
 * @example
 * presetNames(); // ['recommended', 'strict']
 */
export function presetNames(): string[] {
  return Object.keys(PRESETS);
}

/**
 * The rule configuration of a run, validated (a bad one is a {@link UsageError}). A config file is either the
 * engine's flat form `{ "extends": "strict", "<id>": "off" | "warning" | "error" | [severity, options] }` or
 * `{ "preset": "strict", "rules": { "<id>": … } }`; `--preset` wins over the file's preset.
 *
 * @example
 * resolveRunConfig({ preset: 'strict', file: { rules: { 'numbering-gap': 'off' } } });
 * // { extends: 'strict', 'numbering-gap': 'off' }
 */
export function resolveRunConfig(input: { preset?: string; file?: unknown }): RulesConfig {
  const file = (input.file ?? {}) as Record<string, unknown>;
  if (typeof file !== 'object' || Array.isArray(file))
    throw new UsageError('a config file holds a JSON object');
  const { rules, preset, extends: base, ...rest } = file;
  const flat: RulesConfig = {
    ...(rules && typeof rules === 'object' ? (rules as RulesConfig) : rest),
    extends: input.preset ?? base ?? preset ?? 'recommended',
  };
  try {
    resolveConfig(flat);
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message);
    throw error;
  }
  return flat;
}

/**
 * One rule's documentation for `xxgk explain`, or undefined for an unknown id.
 *
 * @example
 * explainText('load-failed');
 */
export function explainText(id: string): string | undefined {
  return explainRule(id);
}

/**
 * Reads a baseline file's JSON (a malformed file or an entry without a reason is a {@link UsageError}).
 *
 * @example
 * const baseline = parseBaseline(readFileSync('baseline.json', 'utf8'));
 */
export function parseBaseline(text: string): Baseline {
  try {
    return loadBaseline(text);
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message);
    throw error;
  }
}

/** The reason written into a new baseline's entries, for the auditor to replace. */
export const BASELINE_REASON = '待核实 / to be reviewed';

/**
 * Baseline entries accepting every anomaly of one report.
 *
 * @example
 * entries.push(...baselineEntries(report));
 */
export function baselineEntries(report: Report): Baseline['entries'] {
  return createBaseline([report], BASELINE_REASON).entries;
}

/**
 * Drops the anomalies a baseline accepts from one report (in place); returns how many were dropped.
 *
 * @example
 * suppressed += applyBaselineTo(report, baseline);
 */
export function applyBaselineTo(report: Report, baseline: Baseline): number {
  const { reports, suppressed } = applyBaseline([report], baseline);
  report.anomalies = reports[0]?.anomalies ?? report.anomalies;
  return suppressed.length;
}

export type { Baseline };
