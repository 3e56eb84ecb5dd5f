import type { Claim, CountClaim } from '../../model/index.js';
import { channelsIn } from '../parsers/count.js';
import { subjectsIn } from '../subject.js';
import { CLAUSE_END, sectionOf } from '../text.js';
import type { ClaimRefiner } from '../types.js';

/** A clause saying the whole count before it is of one kind: `全部为网上公开`, `都为信函申请`, `均予以公开`. */
const ALL_OF = /^(?:且|并且|而且)?(?:全部|均|都|全)(?:为|是|系|属于|属|通过|由)?/;
/** Which finer indicators a count may be wholly of, by the indicator of the count. */
const FINER: Record<string, RegExp> = {
  'applications.received.total': /^applications\.(?:received|answered)\./,
  'applications.closed.total': /^applications\.answered\./,
  'applications.answered.total': /^applications\.answered\./,
};

/**
 * A count followed by a clause that says all of it is of one kind gives that kind the same number:
 * `主动公开政府信息累计14条，全部为网上公开` gives 14 items on the website (so far), `共受理依申请公开8件，都为信函申请`
 * gives 8 requests by letter. The clause must hold no number of its own; the new claim carries the
 * count's span and scope, with parser `all-of`.
 *
 * @example
 * allOfRefiner.refine(ctx, claims).filter((c) => c.parser === 'all-of');
 */
export const allOfRefiner: ClaimRefiner = {
  name: 'all-of',
  refine(ctx, claims) {
    const text = ctx.text;
    const added: Claim[] = [];
    for (const c of claims) {
      if (c.kind !== 'count' || !c.indicator) continue;
      const active = c.indicator === 'active.total' || c.partOf === 'active.total';
      const finer = FINER[c.indicator];
      if (!active && !finer) continue;
      // The next clause of the same sentence.
      const start = c.clause[1] + 1;
      if (!/[，,]/.test(text[c.clause[1]] ?? '') || start >= c.sentence[1]) continue;
      let end = start;
      while (end < c.sentence[1] && !CLAUSE_END.test(text[end] as string)) end++;
      const cue = ALL_OF.exec(text.slice(start, end));
      if (!cue || claims.some((o) => o.span[0] >= start && o.span[0] < end)) continue;
      const from = start + cue[0].length;
      const base: CountClaim = { ...c, parser: 'all-of' };
      delete base.channels;
      delete base.partOf;
      if (active) {
        const named = channelsIn(text, from, end, ctx.dictionary);
        const only = named.length === 1 ? named[0] : undefined;
        if (!only) continue;
        added.push({
          ...base,
          indicator: `active.channels.${only.kind}`,
          channels: [only],
          partOf: 'active.total',
          subject: only.name,
          subjectSpan: only.span,
        });
        continue;
      }
      const sentence = `${text.slice(c.sentence[0], c.sentence[1])}\n${sectionOf(ctx.sections, start)?.title ?? ''}`;
      const hit = subjectsIn(text, from, end, c.unit, sentence).find(
        (h) => h.subject.indicator !== c.indicator && finer?.test(h.subject.indicator),
      );
      if (!hit) continue;
      added.push({
        ...base,
        indicator: hit.subject.indicator,
        subject: hit.words,
        subjectSpan: [hit.start, hit.end],
      });
    }
    return [...claims, ...added].sort((a, b) => a.span[0] - b.span[0] || a.span[1] - b.span[1]);
  },
};
