/**
 * percentage-mismatch — a percentage in the prose does not match the counts it is computed from.
 *
 * What: in `…N条，其中…M条，占P%` the rule recomputes M / N and compares it with P, allowing for the
 * rounding the number of printed decimals implies (half a unit of the last digit, plus 0.05 points).
 *
 * Why it matters to auditors: a wrong share shows that the counts were edited after the text was written,
 * or that the share was copied from another year.
 *
 * Known false positives: shares of a total that the sentence does not state (占全市…的 P%).
 */
import { defineRule } from './rule.js';
import { findCounts } from './util/numbers.js';
import { inSpans, sentenceSpans, tableSpans } from './util/report-facts.js';

/**
 * The `percentage-mismatch` rule (described in the header of this file), registered in registry.ts.
 *
 * @example
 * checkReport(report, { 'percentage-mismatch': 'error' }).filter((a) => a.ruleId === 'percentage-mismatch');
 */
export const percentageMismatch = defineRule({
  id: 'percentage-mismatch',
  meta: {
    severity: 'warning',
    category: 'arithmetic',
    description: {
      zh: '正文百分比与其计算依据不符',
      en: 'A stated percentage does not match its counts',
    },
    why: 'A wrong share shows that counts were edited after the text was written, or that the sentence was copied from another year.',
    falsePositives: 'Shares of a total the sentence does not state (占全市…的 P%).',
  },
  messages: {
    share: {
      zh: '{part} / {total} = {computed}%，正文为 {stated}%',
      en: '{part} / {total} = {computed}%, the text states {stated}%',
    },
  },
  check(report, ctx) {
    const text = ctx.text;
    if (!text) return;
    const tables = tableSpans(report);
    for (const [s, e] of sentenceSpans(text)) {
      if (inSpans(s, tables)) continue;
      const k = text.indexOf('其中', s);
      if (k === -1 || k >= e) continue;
      const counts = findCounts(text, s, e);
      for (let i = 0; i < counts.length; i++) {
        const pct = counts[i];
        if (pct?.unit !== '%' || pct.qualifier !== 'exact' || pct.span[0] < k) continue;
        const between = text.slice(counts[i - 1]?.fullSpan[1] ?? s, pct.span[0]);
        if (!/^[，,、\s]*(?:占|约占)(?:比|总数的?|比例为?)?[为达]?$/.test(between)) continue;
        const part = counts[i - 1];
        const total = counts
          .slice(0, i - 1)
          .filter((c) => c.unit === part?.unit && c.span[0] < k)
          .pop();
        if (!part || !total || total.value === 0 || part.qualifier !== 'exact' || total.qualifier !== 'exact')
          continue;
        const computed = (part.value / total.value) * 100;
        const decimals = (pct.stated.split('.')[1] ?? '').length;
        if (Math.abs(computed - pct.value) <= 0.5 * 10 ** -decimals + 0.05) continue;
        const shown = computed.toFixed(Math.max(decimals, 1));
        ctx.report({
          messageId: 'share',
          data: { part: part.value, total: total.value, computed: shown, stated: pct.value },
          place: pct.span,
          evidence: [
            ctx.evidence('percentage', pct.span, { value: pct.value }),
            ctx.evidence('part', part.span, { value: part.value }),
            ctx.evidence('total', total.span, { value: total.value }),
          ],
          actual: pct.value,
          expected: shown,
        });
      }
    }
  },
});
