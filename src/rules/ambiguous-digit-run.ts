/**
 * ambiguous-digit-run — a run-together number in a flattened table that more than one split explains.
 *
 * What: reports the places extraction could not decide (`report.ambiguities`), such as
 * `行政许可3960181` where both 3960 / 18 / 1 and 396 / 0 / 181 satisfy every identity; the candidates are
 * listed so a reader can check the published page.
 *
 * Why it matters to auditors: the figures of that row are a guess until someone looks at the source;
 * they should not be quoted without checking.
 *
 * Known false positives: none; this is a notice that the data is uncertain, not that the report is wrong.
 */
import { defineRule } from './rule.js';

/** Readings listed in the message; the rest are counted. */
const MAX_SHOWN = 4;

/**
 * The `ambiguous-digit-run` rule (described in the header of this file), registered in registry.ts.
 *
 * @example
 * checkReport(report, { 'ambiguous-digit-run': 'error' }).filter((a) => a.ruleId === 'ambiguous-digit-run');
 */
export const ambiguousDigitRun = defineRule({
  id: 'ambiguous-digit-run',
  meta: {
    severity: 'warning',
    category: 'input',
    description: {
      zh: '表格数字粘连，存在多种拆分',
      en: 'A run-together number has more than one reading',
    },
    why: 'The figures of that row are a guess until someone checks the published page; they should not be quoted unchecked.',
    falsePositives: 'None: it says the data is uncertain, not that the report is wrong.',
  },
  messages: {
    run: {
      zh: '“{label}”的数字“{text}”可拆分为：{candidates}',
      en: 'Digits "{text}" of "{label}" can be read as: {candidates}',
    },
    unclear: {
      zh: '“{label}”的数字“{text}”无法确定如何拆分',
      en: 'Digits "{text}" of "{label}" could not be split with confidence',
    },
  },
  check(report, ctx) {
    for (const a of report.ambiguities) {
      const shown = a.candidates.slice(0, MAX_SHOWN).map((c) => c.join('/'));
      const more = a.candidates.length - shown.length;
      const candidates = `${shown.join('；')}${more > 0 ? `；…（共 ${a.candidates.length} 种）` : ''}`;
      ctx.report({
        messageId: a.candidates.length > 1 ? 'run' : 'unclear',
        data: { label: a.label ?? a.kind, text: a.text, candidates },
        place: a.span,
        evidence: [ctx.evidence('digit-run', a.span, { ...(a.label ? { label: a.label } : {}) })],
        actual: a.text,
        expected: candidates,
      });
    }
  },
});
