/**
 * numbering-gap — a heading or enumeration sequence skips, repeats or restarts a number.
 *
 * What: reports the numbering problems the segmenter records (`report.numbering`): gaps (一、三、),
 * repeats (三、三、), restarts (back to 一 inside a run) and enumerations such as 一是…三是…三是.
 *
 * Why it matters to auditors: a broken sequence shows careless editing (a deleted or pasted part) and
 * often marks where content is missing.
 *
 * Known false positives: appendices that restart numbering on purpose.
 */
import { defineRule } from './rule.js';

/**
 * The `numbering-gap` rule (described in the header of this file), registered in registry.ts.
 *
 * @example
 * checkReport(report, { 'numbering-gap': 'error' }).filter((a) => a.ruleId === 'numbering-gap');
 */
export const numberingGap = defineRule({
  id: 'numbering-gap',
  meta: {
    severity: 'warning',
    category: 'structure',
    description: {
      zh: '标题或列举序号跳号、重号或重新开始',
      en: 'A numbering sequence has a gap, a repeat or a restart',
    },
    why: 'A broken sequence shows careless editing (a part deleted or pasted) and often marks where content is missing.',
    falsePositives: 'Appendices that restart numbering on purpose.',
  },
  messages: {
    gap: {
      zh: '序号跳号：应为 {expected}，实为 {actual}',
      en: 'Numbering gap: expected {expected}, found {actual}',
    },
    repeat: { zh: '序号重复：{actual} 出现两次', en: 'Number {actual} is repeated' },
    restart: {
      zh: '序号重新开始：应为 {expected}，实为 {actual}',
      en: 'Numbering restarts: expected {expected}, found {actual}',
    },
  },
  check(report, ctx) {
    for (const issue of report.numbering) {
      ctx.report({
        messageId: issue.kind,
        data: { expected: issue.expected, actual: issue.actual, kind: issue.markerKind },
        place: issue.span,
        evidence: [ctx.evidence('marker', issue.span, { value: issue.actual })],
        actual: issue.actual,
        expected: issue.expected,
      });
    }
  },
});
