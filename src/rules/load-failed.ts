/**
 * load-failed — the file could not be read.
 *
 * What: the loader could not decode the file (unknown or damaged format, encrypted PDF, too large, a
 * scanned PDF without a text layer …). The pipeline creates this anomaly with the reason; the rule
 * carries its metadata and configured severity, so a bulk run reports the file instead of stopping.
 *
 * Why it matters to auditors: a report that cannot be read cannot be checked; it must be looked at by hand
 * or fetched again.
 *
 * Known false positives: none.
 */
import { defineRule } from './rule.js';

/**
 * The `load-failed` rule (described in the header of this file), registered in registry.ts.
 *
 * @example
 * checkReport(report, { 'load-failed': 'error' }).filter((a) => a.ruleId === 'load-failed');
 */
export const loadFailed = defineRule({
  id: 'load-failed',
  meta: {
    severity: 'error',
    category: 'input',
    description: { zh: '文件无法读取', en: 'The file could not be read' },
    why: 'A report that cannot be read cannot be checked; it must be looked at by hand or fetched again.',
    falsePositives: 'None.',
  },
  messages: {
    failed: { zh: '无法读取文件：{message}', en: 'Cannot read the file: {message}' },
  },
  // The pipeline creates the anomaly (with the loader's reason); the runner keeps it with this rule's severity.
  check() {},
});
