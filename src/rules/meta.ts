import type { Severity } from '../model/index.js';

/**
 * What a rule says about itself; the docs, `xxgk rules`, `xxgk explain` and SARIF output are made from it.
 *
 * @example
 * const meta: RuleMeta = { id: 'flow-balance-mismatch', severity: 'error', description: { zh: '…', en: '…' }, why: '…', falsePositives: '…', url: 'docs/rules.md#flow-balance-mismatch', scope: 'report' };
 */
export interface RuleMeta {
  id: string;
  /** Severity in the `recommended` preset ('off' when the rule is only in `strict`). */
  severity: Severity | 'off';
  description: { zh: string; en: string };
  /** Why it matters to an auditor. */
  why: string;
  /** Known false positives. */
  falsePositives: string;
  url: string;
  /** 'report' rules see one report; 'corpus' rules compare reports. */
  scope: 'report' | 'corpus';
  /** Severity in the `strict` preset (defaults to `severity`, or 'warning' when that is 'off'). */
  strictSeverity?: Severity;
  /** Family for grouping in docs and listings: 'dates', 'arithmetic', 'table', 'text', 'structure', 'across', 'input'. */
  category?: string;
  /** The options the rule accepts, each with its default, for docs and `explain`. */
  options?: { name: string; description: string; default: unknown }[];
  /** Message templates by message id (`{name}` placeholders are filled from the anomaly's data). */
  messages?: Record<string, { zh: string; en: string }>;
}
