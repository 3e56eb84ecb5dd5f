/**
 * load-partial — only part of the file could be read.
 *
 * What: the loader read the file but had to leave something out: a PDF page pdf.js could not read, or a page
 * without a text layer (a scanned page) in an otherwise digital PDF. The pipeline creates this anomaly from
 * the loader's warning; the rule carries its metadata and configured severity.
 *
 * Why it matters to auditors: figures on the missing pages are absent from the record, so a missing figure or
 * a failed sum may come from the file rather than the report.
 *
 * Known false positives: blank pages (a deliberately empty back page) are reported as pages without text.
 */
import { defineRule } from './rule.js';

/**
 * The `load-partial` rule (described in the header of this file), registered in registry.ts.
 *
 * @example
 * checkReport(report).filter((a) => a.ruleId === 'load-partial').map((a) => a.data?.warning);
 */
export const loadPartial = defineRule({
  id: 'load-partial',
  meta: {
    severity: 'warning',
    category: 'input',
    description: { zh: '文件只读取了一部分', en: 'Only part of the file could be read' },
    why: 'Figures on the pages that could not be read are missing from the record; a missing figure or a failed sum may come from the file rather than the report.',
    falsePositives: 'Blank pages are reported as pages without a text layer.',
  },
  messages: {
    partial: { zh: '文件只读取了一部分：{warning}', en: 'Only part of the file could be read: {warning}' },
  },
  // The pipeline creates the anomaly (with the loader's warning); the runner keeps it with this rule's severity.
  check() {},
});
