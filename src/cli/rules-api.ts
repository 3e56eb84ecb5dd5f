import { createHash } from 'node:crypto';
import type { Anomaly, Report } from '../model/index.js';
import type { RulesConfig } from '../rules/index.js';
import * as rules from '../rules/index.js';
import type { RuleMeta } from '../rules/meta.js';

/**
 * The parts of the rules engine the CLI uses, read by name so the CLI works with whichever of them the
 * engine provides; the local versions below are used for the missing ones.
 */
interface RulesEngine {
  RULES: { meta: RuleMeta }[];
  PRESETS: Record<string, RulesConfig>;
  explainRule: (id: string) => string | undefined;
}
const engine = rules as unknown as Partial<RulesEngine>;

/**
 * Metadata of every registered rule.
 *
 * @example
 * ruleMetas().map((m) => m.id);
 */
export function ruleMetas(): RuleMeta[] {
  return (engine.RULES ?? []).map((r) => r.meta);
}

/**
 * Names of the configuration presets.
 *
 * @example
 * presetNames(); // ['recommended', 'strict']
 */
export function presetNames(): string[] {
  return engine.PRESETS ? Object.keys(engine.PRESETS) : ['recommended', 'strict'];
}

/**
 * The rule configuration of a run: the preset's settings, then the config file's `rules` on top.
 * A config file is `{ "preset"?: "strict", "rules": { "<id>": "off" | "warning" | "error" | [severity, options] } }`.
 *
 * @example
 * resolveRunConfig({ preset: 'strict', file: { rules: { 'numbering-gap': 'off' } } });
 */
export function resolveRunConfig(input: { preset?: string; file?: unknown }): RulesConfig {
  const file = (input.file ?? {}) as { preset?: string; extends?: string; rules?: RulesConfig };
  const presetName = input.preset ?? file.preset ?? file.extends ?? 'recommended';
  const preset = engine.PRESETS?.[presetName];
  if (engine.PRESETS && !preset)
    throw new UsageError(`unknown preset "${presetName}" (${presetNames().join(', ')})`);
  const own =
    file.rules ?? (file.preset || file.extends ? {} : (input.file as RulesConfig | undefined)) ?? {};
  return { ...(preset ?? {}), ...own };
}

/**
 * One rule's documentation for `xxgk explain`, or undefined for an unknown id.
 *
 * @example
 * explainText('load-failed');
 */
export function explainText(id: string): string | undefined {
  const fromEngine = engine.explainRule?.(id);
  if (fromEngine) return fromEngine.endsWith('\n') ? fromEngine : `${fromEngine}\n`;
  const meta = ruleMetas().find((m) => m.id === id);
  if (!meta) return undefined;
  return [
    `${meta.id} (${meta.severity}, ${meta.scope})`,
    '',
    meta.description.zh,
    meta.description.en,
    '',
    `Why it matters: ${meta.why}`,
    `Known false positives: ${meta.falsePositives}`,
    `Docs: ${meta.url}`,
    '',
  ].join('\n');
}

/** A bad command line or configuration (exit code 2). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** One accepted anomaly: later runs drop anomalies with the same file content (or name), rule and fingerprint. */
export interface BaselineEntry {
  file: string;
  hash: string;
  ruleId: string;
  fingerprint: string;
  /** Why it is accepted (filled in by the auditor). */
  reason: string;
  /** What was flagged, for people reading the file. */
  message?: string;
}

/** A baseline file. */
export interface Baseline {
  version: 1;
  entries: BaselineEntry[];
}

/**
 * A stable fingerprint of an anomaly that ignores offsets (so small edits elsewhere keep it matching).
 *
 * @example
 * anomalyFingerprint(report.anomalies[0]);
 */
export function anomalyFingerprint(a: Anomaly): string {
  const parts = [
    a.ruleId,
    String(a.expected ?? ''),
    String(a.actual ?? ''),
    ...a.evidence.map((e) => `${e.role}=${e.text}`),
  ];
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 16);
}

/**
 * A baseline accepting every anomaly of the given reports (reasons left for the auditor to write).
 *
 * @example
 * writeFileSync('baseline.json', JSON.stringify(createBaseline(reports), null, 2));
 */
export function createBaseline(reports: Report[]): Baseline {
  const entries: BaselineEntry[] = [];
  for (const r of reports) {
    for (const a of r.anomalies) {
      if (a.ruleId === 'load-failed') continue;
      entries.push({
        file: r.file,
        hash: r.hash,
        ruleId: a.ruleId,
        fingerprint: anomalyFingerprint(a),
        reason: '',
        message: a.reason,
      });
    }
  }
  return { version: 1, entries };
}

/**
 * Reads a baseline file's JSON.
 *
 * @example
 * const baseline = parseBaseline(readFileSync('baseline.json', 'utf8'));
 */
export function parseBaseline(text: string): Baseline {
  const data = JSON.parse(text) as Partial<Baseline>;
  if (!data || !Array.isArray(data.entries)) throw new UsageError('a baseline file needs an "entries" array');
  return { version: 1, entries: data.entries };
}

/**
 * Drops the anomalies a baseline accepts from one report; returns how many were dropped.
 *
 * @example
 * suppressed += applyBaselineTo(report, baseline);
 */
export function applyBaselineTo(report: Report, baseline: Baseline): number {
  const keys = new Set(
    baseline.entries.map((e) => `${e.hash || e.file}\u0000${e.ruleId}\u0000${e.fingerprint}`),
  );
  const before = report.anomalies.length;
  report.anomalies = report.anomalies.filter(
    (a) => !keys.has(`${report.hash || report.file}\u0000${a.ruleId}\u0000${anomalyFingerprint(a)}`),
  );
  return before - report.anomalies.length;
}
