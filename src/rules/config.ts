import * as z from 'zod';
import type { Severity } from '../model/index.js';
import { RULES } from './registry.js';
import type { CrossRule, Rule } from './rule.js';

/**
 * Rule configuration: rule id → 'off' | severity, or `[severity, options]`; `extends` names a preset.
 *
 * @example
 * const config: RulesConfig = { extends: 'strict', 'numbering-gap': 'off' };
 */
export type RulesConfig = Record<string, unknown>;

/**
 * Names of the built-in presets.
 *
 * @example
 * const preset: PresetName = 'strict';
 */
export type PresetName = 'recommended' | 'strict';

/**
 * A rule's resolved setting: its severity ('off' = not run) and validated options.
 *
 * @example
 * resolveConfig('strict').get('copied-text'); // { severity: 'warning', options: { minChars: 80, maxShared: 50 } }
 */
export interface RuleSetting {
  severity: Severity | 'off';
  options: unknown;
}

/**
 * Rule id → setting, for every registered rule.
 *
 * @example
 * const resolved: ResolvedConfig = resolveConfig({});
 */
export type ResolvedConfig = Map<string, RuleSetting>;

/**
 * A configuration that names an unknown rule, severity or preset, or gives invalid options.
 *
 * @example
 * try { resolveConfig({ nope: 'error' }); } catch (e) { e instanceof ConfigError; // true }
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

const SEVERITY_ALIASES: Record<string, Severity | 'off'> = {
  off: 'off',
  '0': 'off',
  info: 'info',
  warning: 'warning',
  warn: 'warning',
  '1': 'warning',
  error: 'error',
  '2': 'error',
};

const SettingSchema = z.union([
  z.union([z.string(), z.number()]),
  z.tuple([z.union([z.string(), z.number()])]).rest(z.unknown()),
]);

function presetSeverity(rule: Rule | CrossRule, preset: PresetName): Severity | 'off' {
  if (preset === 'recommended') return rule.meta.severity;
  return rule.meta.strictSeverity ?? (rule.meta.severity === 'off' ? 'warning' : rule.meta.severity);
}

/**
 * The built-in presets: `recommended` (each rule at its documented severity) and `strict` (every rule on).
 *
 * @example
 * PRESETS.strict['numbering-gap']; // 'warning'
 */
export const PRESETS: Record<PresetName, Record<string, Severity | 'off'>> = {
  recommended: Object.fromEntries(RULES.map((r) => [r.id, presetSeverity(r, 'recommended')])),
  strict: Object.fromEntries(RULES.map((r) => [r.id, presetSeverity(r, 'strict')])),
};

function isPreset(value: unknown): value is PresetName {
  return value === 'recommended' || value === 'strict';
}

function parseSeverity(id: string, value: unknown): Severity | 'off' {
  const severity = SEVERITY_ALIASES[String(value)];
  if (!severity)
    throw new ConfigError(
      `rule "${id}": unknown severity ${JSON.stringify(value)} (use off, info, warning or error)`,
    );
  return severity;
}

function parseOptions(rule: Rule | CrossRule, value: unknown): unknown {
  if (!rule.options) {
    if (value !== undefined) throw new ConfigError(`rule "${rule.id}" takes no options`);
    return undefined;
  }
  const result = rule.options.safeParse(value ?? {});
  if (!result.success) {
    throw new ConfigError(
      `rule "${rule.id}": invalid options: ${z.prettifyError(result.error).replace(/\n/g, '; ')}`,
    );
  }
  return result.data;
}

/**
 * Turns a configuration (or a preset name) into a setting for every rule: the preset named by `extends`
 * (default `recommended`) overridden per rule, options validated by each rule's zod schema with defaults
 * filled in. Throws {@link ConfigError} for unknown rules, severities, presets or bad options. A
 * configuration object is read once and remembered (a batch passes the same object for every report), so
 * change settings by passing a new object rather than editing one already used.
 *
 * @example
 * resolveConfig({ extends: 'strict', 'breakdown-sum-mismatch': ['error', { exact: true }] }).get('breakdown-sum-mismatch');
 * // { severity: 'error', options: { exact: true } }
 */
export function resolveConfig(
  config: RulesConfig | PresetName | ResolvedConfig = 'recommended',
): ResolvedConfig {
  if (config instanceof Map) return config;
  const entries: RulesConfig = typeof config === 'string' ? { extends: config } : config;
  const base = entries.extends ?? entries.preset ?? 'recommended';
  if (!isPreset(base))
    throw new ConfigError(`unknown preset ${JSON.stringify(base)} (use recommended or strict)`);
  const byId = new Map(RULES.map((r) => [r.id, r] as const));
  for (const id of Object.keys(entries)) {
    if (id !== 'extends' && id !== 'preset' && !byId.has(id)) throw new ConfigError(`unknown rule "${id}"`);
  }
  const resolved: ResolvedConfig = new Map();
  for (const rule of RULES) {
    const raw = entries[rule.id];
    let severity = PRESETS[base][rule.id] ?? 'off';
    let options: unknown;
    if (raw !== undefined) {
      const parsed = SettingSchema.safeParse(raw);
      if (!parsed.success)
        throw new ConfigError(`rule "${rule.id}": expected a severity or [severity, options]`);
      if (Array.isArray(parsed.data)) {
        severity = parseSeverity(rule.id, parsed.data[0]);
        options = parsed.data[1];
      } else severity = parseSeverity(rule.id, parsed.data);
    }
    resolved.set(rule.id, { severity, options: parseOptions(rule, options) });
  }
  return resolved;
}
