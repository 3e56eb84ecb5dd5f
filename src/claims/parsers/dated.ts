import type { DatedClaim } from '../../model/index.js';
import { findDates } from '../../text/dates.js';
import { clauseAt } from '../text.js';
import type { ClaimParser } from '../types.js';

/**
 * Dated statements: every calendar date in running text (`2019年3月印发…`, `截至2019年12月31日`) with the
 * clause it dates, read with the shared date finder.
 *
 * @example
 * datedParser.parse(ctx)[0]; // { kind: 'dated', date: '2019-12-31', stated: '2019年12月31日', … }
 */
export const datedParser: ClaimParser = {
  name: 'dated',
  parse(ctx) {
    const out: DatedClaim[] = [];
    for (const [s, e] of ctx.sentences) {
      const sentence = ctx.text.slice(s, e);
      for (const d of findDates(sentence)) {
        const span: [number, number] = [s + d.span[0], s + d.span[1]];
        out.push({
          kind: 'dated',
          indicator: '',
          scope: d.year === ctx.reportYear || ctx.reportYear === undefined ? 'year' : 'period',
          year: d.year,
          date: d.iso,
          stated: d.stated,
          span,
          clause: clauseAt(ctx.text, span[0], s, e),
          sentence: [s, e],
          parser: 'dated',
        });
      }
    }
    return out;
  },
};
