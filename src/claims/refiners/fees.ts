import type { ClaimRefiner } from '../types.js';

/**
 * A fee statement names the fee the report's format asks about: 依申请公开信息收取的费用 in the era A
 * statistics, the 信息处理费 since the 2021 template (and wherever the report names it), so
 * `未发生政府信息公开收费事项` in a 2024 report is a stated zero of `fees.informationProcessing`.
 *
 * @example
 * feesRefiner.refine(ctx, claims);
 */
export const feesRefiner: ClaimRefiner = {
  name: 'fees',
  refine(ctx, claims) {
    const processing = ctx.era === 'B' || ctx.era === 'C' || /信息处理费|处理费/.test(ctx.text);
    if (!processing) return claims;
    for (const c of claims) {
      if (c.indicator === 'applications.fees') c.indicator = 'fees.informationProcessing';
    }
    return claims;
  },
};
