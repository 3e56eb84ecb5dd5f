/**
 * internal-error — the analysis failed on an error in xxgk-report itself.
 *
 * What: the file was read, but an exception was thrown while analysing it (segmenting, extracting figures,
 * checking). This is a bug in the library, not a problem of the file; the record carries the stack in
 * `data.stack` so it can be reported. The pipeline creates this anomaly; the rule carries its metadata.
 *
 * Why it matters to auditors: the report was not checked at all; its record is empty.
 *
 * Known false positives: none.
 */
import { defineRule } from './rule.js';

/**
 * The `internal-error` rule (described in the header of this file), registered in registry.ts.
 *
 * @example
 * checkReport(report).find((a) => a.ruleId === 'internal-error')?.data?.stack;
 */
export const internalError = defineRule({
  id: 'internal-error',
  meta: {
    severity: 'error',
    category: 'input',
    description: { zh: '程序内部错误', en: 'Internal error in xxgk-report' },
    why: 'The report was not analysed at all; the error is a bug to be reported with the stack in data.stack.',
    falsePositives: 'None.',
  },
  messages: {
    failed: { zh: '分析时程序内部出错：{message}', en: 'Internal error during analysis: {message}' },
  },
  // The pipeline creates the anomaly (with the stack); the runner keeps it with this rule's severity.
  check() {},
});
