import type { Claim, CountClaim } from '../../model/index.js';
import type { ClaimRefiner } from '../types.js';

/** Words that put a count in this year, against a running total stated before it. */
const THIS_YEAR = /今年|本年度|本年|当年|年内|全年|新增/;
/** A running total by its own words, weaker than 到目前/历年: `截至2014年12月31日…累计`, `到2010年底累计`. */
const SO_FAR = /累计|截[至止]|到\d{4}年底|到年底|已达/;

/**
 * Tells running totals from the year's figures where the words alone do not:
 * - a count followed in its sentence by a count of the same indicator said to be this year's
 *   (`共主动公开政府信息615条，今年新增94条`; `累计…846条，其中本年度…214条`) is the running total;
 * - a count said to be so far (`截至…累计14条`) is the running total when the report states a year's figure of
 *   the same indicator elsewhere, and the year's figure when it states none (some reports call the year's
 *   total 累计).
 *
 * @example
 * scopeRefiner.refine(ctx, claims);
 */
export const scopeRefiner: ClaimRefiner = {
  name: 'scope',
  refine(ctx, claims) {
    const counts = claims.filter((c): c is CountClaim => c.kind === 'count' && c.indicator !== '');
    const clauseLead = (c: CountClaim) => ctx.text.slice(c.clause[0], c.span[0]);
    const sentenceLead = (c: CountClaim) => ctx.text.slice(c.sentence[0], c.span[0]);
    const sameThing = (a: CountClaim, b: CountClaim) =>
      a.indicator === b.indicator || (a.partOf !== undefined && a.partOf === b.partOf);
    counts.forEach((c, i) => {
      if (c.scope !== 'year') return;
      const contrast = counts
        .slice(i + 1)
        .some(
          (d) =>
            d.sentence[0] === c.sentence[0] &&
            d.scope === 'year' &&
            sameThing(c, d) &&
            THIS_YEAR.test(clauseLead(d)) &&
            !THIS_YEAR.test(clauseLead(c)),
        );
      if (contrast) {
        c.scope = 'cumulative';
        return;
      }
      if (!SO_FAR.test(sentenceLead(c)) || THIS_YEAR.test(clauseLead(c))) return;
      const yearFigure = counts.some(
        (d) => d !== c && d.scope === 'year' && sameThing(c, d) && !SO_FAR.test(sentenceLead(d)),
      );
      if (yearFigure) c.scope = 'cumulative';
    });
    return claims as Claim[];
  },
};
