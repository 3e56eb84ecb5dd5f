import type { Anomaly, Report } from '../model/index.js';

/** Rule configuration: rule id → 'off' | severity, or a tuple with options. */
export type RulesConfig = Record<string, unknown>;

/**
 * Runs the anomaly rules over one report.
 *
 * @example
 * checkReport(report).map((a) => a.ruleId);
 */
export function checkReport(_report: Report, _config: RulesConfig = {}): Anomaly[] {
  return [];
}
