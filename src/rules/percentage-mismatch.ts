/**
 * percentage-mismatch — a percentage in the prose does not match the counts it is computed from.
 *
 * What: reads the breakdown claims of the prose whose parts carry their share of the total
 * (`…N条，其中…M条，占P%`) and recomputes M / N, allowing for the rounding the number of printed
 * decimals implies (half a unit of the last digit, plus 0.05 points). The shares of the parts of one total
 * must not add up to more than 100% beyond what rounding allows (`占30%`, `占75%` of one total is 105%), even
 * where each share matches its own count or the total is not stated.
 *
 * Why it matters to auditors: a wrong share shows that the counts were edited after the text was written,
 * or that the share was copied from another year.
 *
 * Known false positives: shares of a total that the sentence does not state (占全市…的 P%).
 */
import type { BreakdownClaim } from '../model/index.js';
import { defineRule } from './rule.js';

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
    shareSum: {
      zh: '同一总数的各分项占比之和为 {sum}%，超过 100%（{shares}）',
      en: 'The shares of the parts of one total add up to {sum}%, more than 100% ({shares})',
    },
    share: {
      zh: '{part} / {total} = {computed}%，正文为 {stated}%',
      en: '{part} / {total} = {computed}%, the text states {stated}%',
    },
  },
  check(report, ctx) {
    for (const b of report.claims ?? []) {
      if (b.kind !== 'breakdown') continue;
      const shares = b.parts.flatMap((p) => (p.share ? [p.share] : []));
      if (shares.length < 2) continue;
      const sum = shares.reduce((a, s) => a + s.value, 0);
      // Each printed share may be rounded by half a unit of its last digit.
      const slack = shares.reduce((a, s) => a + 0.5 * 10 ** -(s.stated.split('.')[1] ?? '').length, 0);
      if (sum <= 100 + slack) continue;
      const shown = Math.round(sum * 100) / 100;
      ctx.report({
        messageId: 'shareSum',
        data: { sum: shown, shares: shares.map((s) => `${s.stated}%`).join(' + ') },
        place: shares[shares.length - 1]?.span,
        evidence: [
          ctx.evidence('total', b.span, b.value !== undefined ? { value: b.value } : {}),
          ...shares.map((s) => ctx.evidence('percentage', s.span, { value: s.value })),
        ],
        actual: shown,
        expected: '<= 100',
      });
    }
    const breakdowns = (report.claims ?? []).filter(
      (c): c is BreakdownClaim & { value: number } =>
        c.kind === 'breakdown' && c.value !== undefined && c.value !== 0 && c.qualifier === 'exact',
    );
    for (const b of breakdowns) {
      for (const part of b.parts) {
        const share = part.share;
        if (!share || part.qualifier !== 'exact' || part.unit !== b.unit) continue;
        const computed = (part.value / b.value) * 100;
        const decimals = (share.stated.split('.')[1] ?? '').length;
        if (Math.abs(computed - share.value) <= 0.5 * 10 ** -decimals + 0.05) continue;
        const shown = computed.toFixed(Math.max(decimals, 1));
        ctx.report({
          messageId: 'share',
          data: { part: part.value, total: b.value, computed: shown, stated: share.value },
          place: share.span,
          evidence: [
            ctx.evidence('percentage', share.span, { value: share.value }),
            ctx.evidence('part', part.span, { value: part.value }),
            ctx.evidence('total', b.span, { value: b.value }),
          ],
          actual: share.value,
          expected: shown,
        });
      }
    }
  },
});
