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
}
