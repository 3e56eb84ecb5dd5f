import type * as z from 'zod';
import type { Anomaly, Evidence, Report, Severity, Span } from '../model/index.js';
import type { ReportDigest } from './digest.js';
import type { RuleMeta } from './meta.js';

/**
 * Message templates of a rule: message id → Chinese and English text with `{name}` placeholders.
 *
 * @example
 * const m: RuleMessages = { sum: { zh: '合计 {total}', en: 'Total {total}' } };
 */
export type RuleMessages = Record<string, { zh: string; en: string }>;

/**
 * What a rule hands to {@link RuleContext.report}; the runner turns it into an anomaly.
 *
 * @example
 * ctx.report({ messageId: 'sum', data: { total: 84 }, place: [10, 12], actual: 94, expected: 84 });
 */
export interface AnomalyDraft<M extends string = string> {
  messageId: M;
  /** Values for the message placeholders; also kept as the anomaly's `data`. */
  data?: Record<string, string | number>;
  /** The span the anomaly points at (usually the wrong number or date). */
  place?: Span;
  evidence?: Evidence[];
  actual?: string | number;
  expected?: string | number;
  /**
   * The check could not be decided (the text is cut off, a row is unreadable): the anomaly becomes `info`
   * whatever the configured severity, with `data.kind = 'not-assessable'`, so an auditor sees what was not checked.
   */
  notAssessable?: true;
}

/**
 * What a rule sees while it checks one report.
 *
 * @example
 * check(report, ctx) { if (bad) ctx.report({ messageId: 'sum', data: { sum: 94, total: 84 }, place: [10, 12] }); }
 */
export interface RuleContext<O, M extends string = string> {
  /** The rule's options after validation, defaults filled in. */
  options: O;
  /** The report text ('' when the record was written without text). */
  text: string;
  report(draft: AnomalyDraft<M>): void;
  /** Evidence for a span of the text, its `text` sliced from the report. */
  evidence(role: string, span: Span, extra?: Omit<Partial<Evidence>, 'role' | 'span' | 'text'>): Evidence;
}

/**
 * The input of {@link defineRule}.
 *
 * @example
 * defineRule({ id, meta, messages, check(report, ctx) {} });
 */
export interface RuleDefinition<S extends z.ZodType | undefined, M extends string> {
  id: string;
  meta: Omit<RuleMeta, 'id' | 'url' | 'scope' | 'messages' | 'options'> & {
    scope?: RuleMeta['scope'];
    options?: RuleMeta['options'];
  };
  messages: Record<M, { zh: string; en: string }>;
  /** zod schema of the options object; it supplies the defaults. */
  options?: S;
  check(report: Report, ctx: RuleContext<S extends z.ZodType ? z.output<S> : undefined, M>): void;
}

/**
 * A registered rule: its metadata, message templates, option schema and check function.
 *
 * @example
 * RULES.map((r: Rule) => r.meta.id);
 */
export interface Rule {
  id: string;
  meta: RuleMeta;
  messages: RuleMessages;
  options?: z.ZodType;
  // biome-ignore lint/suspicious/noExplicitAny: each rule knows its own option type.
  check(report: Report, ctx: RuleContext<any>): void;
}

/**
 * `data.kind` of an anomaly whose check could not be decided; SARIF writes it as `kind: "open"`.
 *
 * @example
 * report.anomalies.filter((a) => a.data?.kind === NOT_ASSESSABLE);
 */
export const NOT_ASSESSABLE = 'not-assessable';

/**
 * Where every rule's documentation lives; anchors are the rule ids.
 *
 * @example
 * `${RULES_DOC_URL}#period-year-mismatch`;
 */
export const RULES_DOC_URL = 'docs/rules.md';

/**
 * Declares a report rule. The runner stamps ruleId, source, url, severity, line/column, origin and
 * section on everything the rule reports.
 *
 * @example
 * export const noEmpty = defineRule({
 *   id: 'no-empty', meta: { severity: 'warning', description: { zh: '空报告', en: 'Empty report' }, why: '…', falsePositives: '无' },
 *   messages: { empty: { zh: '报告没有正文', en: 'The report has no text' } },
 *   check(report, ctx) { if (!report.text) ctx.report({ messageId: 'empty' }); },
 * });
 */
export function defineRule<S extends z.ZodType | undefined = undefined, M extends string = string>(
  def: RuleDefinition<S, M>,
): Rule {
  return {
    id: def.id,
    meta: {
      ...def.meta,
      id: def.id,
      scope: def.meta.scope ?? 'report',
      url: `${RULES_DOC_URL}#${def.id}`,
      messages: def.messages,
    },
    messages: def.messages,
    options: def.options,
    check: def.check as Rule['check'],
  };
}

/**
 * Fills `{name}` placeholders of a message template.
 *
 * @example
 * fillMessage('合计 {total}', { total: 84 }); // '合计 84'
 */
export function fillMessage(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (all, name: string) => (name in data ? String(data[name]) : all));
}

/**
 * The `source` of every anomaly this library produces.
 *
 * @example
 * anomaly.source === SOURCE; // 'xxgk-report'
 */
export const SOURCE = 'xxgk-report';

/**
 * Turns a rule's draft into an anomaly with the rule's id, url, message texts, the severity and the
 * stated values; the runners add the place-dependent fields.
 *
 * @example
 * const anomaly = stampAnomaly(rule, { messageId: 'sum', data: { total: 84 } }, 'error');
 */
export function stampAnomaly(
  rule: { id: string; messages: RuleMessages; meta: { url: string } },
  draft: AnomalyDraft,
  severity: Severity,
): Anomaly {
  const message = rule.messages[draft.messageId] ?? { zh: draft.messageId, en: draft.messageId };
  const anomaly: Anomaly = {
    ruleId: rule.id,
    source: SOURCE,
    severity: draft.notAssessable ? 'info' : severity,
    reason: fillMessage(message.zh, draft.data),
    reasonEn: fillMessage(message.en, draft.data),
    evidence: draft.evidence ?? [],
    url: rule.meta.url,
    data: {
      messageId: draft.messageId,
      ...(draft.data ?? {}),
      ...(draft.notAssessable ? { kind: NOT_ASSESSABLE } : {}),
    },
  };
  if (draft.actual !== undefined) anomaly.actual = draft.actual;
  if (draft.expected !== undefined) anomaly.expected = draft.expected;
  return anomaly;
}

/**
 * What a cross-report rule hands to {@link CrossContext.report}: a draft plus the file it belongs to.
 *
 * @example
 * ctx.report({ file: 'b.txt', line: 3, messageId: 'chain', place: [10, 11] });
 */
export interface CrossAnomalyDraft<M extends string = string> extends AnomalyDraft<M> {
  file: string;
  /** One-based line of `place`, when the digest knows it. */
  line?: number;
}

/**
 * What a cross-report rule sees while it compares the digests of a batch.
 *
 * @example
 * ctx.report({ file: d.file, messageId: 'chain', data: { … }, place: f.span, evidence: [...] });
 */
export interface CrossContext<O, M extends string = string> {
  options: O;
  report(draft: CrossAnomalyDraft<M>): void;
}

/**
 * The input of {@link defineCrossRule}.
 *
 * @example
 * defineCrossRule({ id, meta, messages, check(digests, ctx) {} });
 */
export interface CrossRuleDefinition<S extends z.ZodType | undefined, M extends string> {
  id: string;
  meta: RuleDefinition<S, M>['meta'];
  messages: Record<M, { zh: string; en: string }>;
  options?: S;
  check(digests: ReportDigest[], ctx: CrossContext<S extends z.ZodType ? z.output<S> : undefined, M>): void;
}

/**
 * A registered cross-report rule.
 *
 * @example
 * CROSS_RULES.map((r: CrossRule) => r.id);
 */
export interface CrossRule {
  id: string;
  meta: RuleMeta;
  messages: RuleMessages;
  options?: z.ZodType;
  // biome-ignore lint/suspicious/noExplicitAny: each rule knows its own option type.
  check(digests: ReportDigest[], ctx: CrossContext<any>): void;
}

/**
 * Declares a rule that compares reports (scope 'corpus'), run by `checkAcross`.
 *
 * @example
 * export const chain = defineCrossRule({ id: 'x-chain', meta: { … }, messages: { … }, check(digests, ctx) { … } });
 */
export function defineCrossRule<S extends z.ZodType | undefined = undefined, M extends string = string>(
  def: CrossRuleDefinition<S, M>,
): CrossRule {
  return {
    id: def.id,
    meta: {
      ...def.meta,
      id: def.id,
      scope: 'corpus',
      url: `${RULES_DOC_URL}#${def.id}`,
      messages: def.messages,
    },
    messages: def.messages,
    options: def.options,
    check: def.check as CrossRule['check'],
  };
}
