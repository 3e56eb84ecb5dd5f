import type { PercentageClaim } from '../../model/index.js';
import { findNumbers } from '../../text/cn-number.js';
import { findSubject, scopeOf } from '../subject.js';
import { clauseAt, sectionOf } from '../text.js';
import type { ClaimParser } from '../types.js';

/**
 * Shares: `占总数的30%`, `百分之五十`, `办结率100%`, with the indicator their clause names when it names one
 * (any unit family: a share of requests is still about requests).
 *
 * @example
 * percentageParser.parse(ctx)[0]; // { kind: 'percentage', value: 30, stated: '30', … }
 */
export const percentageParser: ClaimParser = {
  name: 'percentage',
  parse(ctx) {
    const out: PercentageClaim[] = [];
    for (const [s, e] of ctx.sentences) {
      for (const n of findNumbers(ctx.text, s, e)) {
        if (n.unit !== '%') continue;
        const clause = clauseAt(ctx.text, n.span[0], s, e);
        const sentence = `${ctx.text.slice(s, e)}\n${sectionOf(ctx.sections, s)?.title ?? ''}`;
        const hit = findSubject(ctx.text, clause[0], n.span[0], undefined, sentence);
        const claim: PercentageClaim = {
          kind: 'percentage',
          indicator: hit?.subject.indicator ?? '',
          ...scopeOf(ctx.text.slice(s, n.span[0]), ctx.text.slice(clause[0], n.span[0]), ctx.reportYear),
          value: n.value,
          qualifier: n.qualifier,
          stated: n.stated,
          span: n.span,
          clause,
          sentence: [s, e],
          parser: 'percentage',
        };
        if (hit) {
          claim.subject = hit.words;
          claim.subjectSpan = [hit.start, hit.end];
        }
        out.push(claim);
      }
    }
    return out;
  },
};
