import type { Claim } from '../../model/index.js';
import type { ClaimRefiner } from '../types.js';

/**
 * Removes claims that say the same thing twice: a stated zero where a count was read from the same words
 * (`行政复议申请0件`), and a second claim of one kind, indicator and span. Claims come out sorted by position.
 *
 * @example
 * overlapRefiner.refine(ctx, claims);
 */
export const overlapRefiner: ClaimRefiner = {
  name: 'overlap',
  refine(_ctx, claims) {
    const counts = claims.filter((c) => c.kind === 'count');
    const seen = new Set<string>();
    const out: Claim[] = [];
    for (const c of [...claims].sort((a, b) => a.span[0] - b.span[0] || a.span[1] - b.span[1])) {
      if (c.kind === 'zero') {
        const clash = counts.some(
          (n) => n.indicator === c.indicator && n.clause[0] < c.clause[1] && c.clause[0] < n.clause[1],
        );
        if (clash) continue;
      }
      const id = `${c.kind}|${c.indicator}|${c.span[0]}|${c.span[1]}`;
      if (seen.has(id)) continue;
      seen.add(id);
      out.push(c);
    }
    return out;
  },
};
