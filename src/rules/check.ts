import type { Anomaly, Evidence, Report, Severity, Span } from '../model/index.js';
import { type PresetName, type ResolvedConfig, type RulesConfig, resolveConfig } from './config.js';
import { REPORT_RULES } from './registry.js';
import { type AnomalyDraft, type Rule, SOURCE, stampAnomaly } from './rule.js';
import { lineLocator, originAt, sectionAt, spanInBounds } from './util/locate.js';

export { SOURCE };

/**
 * Runs the report rules over one report and returns the anomalies, sorted by position. Rules set to 'off'
 * do not run; the pipeline's own `load-failed`, `load-partial` and `internal-error` anomalies are kept with the configured severity. A rule that
 * throws does not stop the others: it yields one `info` anomaly naming the error.
 *
 * @example
 * checkReport(report).map((a) => a.ruleId); // ['period-year-mismatch', 'breakdown-sum-mismatch', …]
 * checkReport(report, { 'numbering-gap': 'off' });
 */
export function checkReport(
  report: Report,
  config: RulesConfig | PresetName | ResolvedConfig = {},
): Anomaly[] {
  const resolved = resolveShared(config);
  const text = report.text ?? '';
  const locate = lineLocator(text);
  const out: Anomaly[] = [];
  for (const prior of report.anomalies) {
    if (!PIPELINE_RULES.has(prior.ruleId)) continue;
    const severity = resolved.get(prior.ruleId)?.severity ?? prior.severity;
    if (severity !== 'off')
      out.push({ ...prior, severity, url: prior.url ?? `docs/rules.md#${prior.ruleId}` });
  }
  for (const rule of REPORT_RULES) {
    const setting = resolved.get(rule.id);
    if (!setting || setting.severity === 'off') continue;
    const severity = setting.severity;
    const stamp = (draft: AnomalyDraft) => out.push(toAnomaly(rule, draft, severity, report, text, locate));
    try {
      rule.check(report, {
        options: setting.options,
        text,
        report: stamp,
        evidence: (role, span, extra = {}) => evidenceAt(text, role, span, extra),
      });
    } catch (error) {
      out.push({
        ruleId: rule.id,
        source: SOURCE,
        severity: 'info',
        reason: `规则运行出错：${error instanceof Error ? error.message : String(error)}`,
        reasonEn: `The rule failed: ${error instanceof Error ? error.message : String(error)}`,
        evidence: [],
        url: rule.meta.url,
        data: { messageId: 'crashed' },
      });
    }
  }
  return out.sort((a, b) => (a.place?.[0] ?? -1) - (b.place?.[0] ?? -1) || a.ruleId.localeCompare(b.ruleId));
}

/** Rules whose anomalies the pipeline creates itself; checking keeps them with the configured severity. */
const PIPELINE_RULES: ReadonlySet<string> = new Set(['load-failed', 'load-partial', 'internal-error']);

const PRESET_CONFIGS = new Map<string, ResolvedConfig>();

/**
 * The resolved settings, built once per process for a preset name or an empty configuration (what
 * every report of a default run passes) instead of validating every rule's options for each report.
 */
function resolveShared(config: RulesConfig | PresetName | ResolvedConfig): ResolvedConfig {
  if (config instanceof Map) return config;
  const name = typeof config === 'string' ? config : Object.keys(config).length === 0 ? '' : undefined;
  if (name === undefined) return resolveConfig(config);
  let resolved = PRESET_CONFIGS.get(name);
  if (!resolved) {
    resolved = resolveConfig(config);
    PRESET_CONFIGS.set(name, resolved);
  }
  return resolved;
}

function evidenceAt(text: string, role: string, span: Span, extra: Partial<Evidence>): Evidence {
  return { role, span, text: spanInBounds(span, text) ? text.slice(span[0], span[1]) : '', ...extra };
}

function toAnomaly(
  rule: Rule,
  draft: AnomalyDraft,
  severity: Severity,
  report: Report,
  text: string,
  locate: ReturnType<typeof lineLocator>,
): Anomaly {
  const anomaly = stampAnomaly(rule, draft, severity);
  for (const e of anomaly.evidence) {
    if (e.origin || e.file) continue;
    const origin = originAt(report.anchors, e.span[0]);
    if (origin) e.origin = origin;
  }
  if (draft.place) {
    anomaly.place = draft.place;
    if (text && spanInBounds(draft.place, text)) Object.assign(anomaly, locate(draft.place[0]));
    const origin = originAt(report.anchors, draft.place[0]);
    if (origin) anomaly.origin = origin;
    const section = sectionAt(report.sections, draft.place[0]);
    if (section) anomaly.section = section.id;
  }
  return anomaly;
}
