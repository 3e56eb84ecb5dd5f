import type { BreakdownClaim, BreakdownPart, Claim, CountClaim } from '../../model/index.js';
import type { ClaimRefiner } from '../types.js';
import { inFamily, UNIT_FAMILY, type UnitFamily } from '../units.js';

/** Words that open the parts of a total. */
const CUE = /其中|包括|分别为|分别是|含/;

/**
 * Adds a breakdown claim for each total followed by its parts: the counts after it in its sentence (and
 * in the next sentence when that opens with 其中), in the same unit family, up to the first count that
 * names another subject (`其中…；行政复议2件` stops before 行政复议). A total other than the proactive
 * total needs a cue (其中, 包括, 分别为, 含); `active.total` lists its channels without one
 * (`累计主动公开…84条。其中，在…公开64条`).
 *
 * @example
 * // 主动公开政府信息84条，其中网站公开64条 → { kind: 'breakdown', indicator: 'active.total', value: 84, parts: [{ indicator: 'active.channels.website', value: 64, … }] }
 */
export const breakdownRefiner: ClaimRefiner = {
  name: 'breakdown',
  refine(ctx, claims) {
    const counts = claims.filter((c): c is CountClaim => c.kind === 'count');
    const added: BreakdownClaim[] = [];
    counts.forEach((total, i) => {
      if (!total.indicator || total.indicator.startsWith('active.channels')) return;
      let end = total.sentence[1];
      const next = ctx.sentences.find(([s]) => s >= end);
      if (next && /^其中/.test(ctx.text.slice(next[0], next[0] + 2))) end = next[1];
      const family = familyOf(total.unit);
      const parts: CountClaim[] = [];
      for (const c of counts.slice(i + 1)) {
        if (c.span[0] >= end) break;
        if (family && !inFamily(c.unit, family)) break;
        if (!sameSubject(total.indicator, c.indicator)) break;
        parts.push(c);
      }
      if (parts.length === 0) return;
      const between = ctx.text.slice(total.span[1], (parts[0] as CountClaim).span[0]);
      const cue = CUE.exec(between)?.[0] ?? '';
      if (!cue && total.indicator !== 'active.total') return;
      const claim: BreakdownClaim = {
        kind: 'breakdown',
        indicator: total.indicator,
        scope: total.scope,
        value: total.value,
        unit: total.unit,
        qualifier: total.qualifier,
        cue,
        parts: parts.map(toPart),
        stated: total.stated,
        span: total.span,
        clause: total.clause,
        sentence: [total.sentence[0], end],
        parser: 'breakdown',
      };
      if (total.year !== undefined) claim.year = total.year;
      if (total.subject !== undefined) claim.subject = total.subject;
      if (total.subjectSpan) claim.subjectSpan = total.subjectSpan;
      added.push(claim);
    });
    return [...claims, ...added].sort((a: Claim, b: Claim) => a.span[0] - b.span[0]);
  },
};

function familyOf(unit: string): UnitFamily | undefined {
  for (const f of ['items', 'cases', 'people', 'events', 'money'] as UnitFamily[]) {
    if ((UNIT_FAMILY[f] as readonly string[]).includes(unit)) return f;
  }
  return undefined;
}

/** A part names the total's own subject family, a channel of published items, or nothing. */
function sameSubject(total: string, part: string): boolean {
  if (part === '' || part === total) return true;
  const head = (k: string) => k.split('.')[0];
  return head(total) === head(part);
}

function toPart(c: CountClaim): BreakdownPart {
  const part: BreakdownPart = {
    indicator: c.indicator,
    value: c.value,
    unit: c.unit,
    qualifier: c.qualifier,
    stated: c.stated,
    span: c.span,
  };
  if (c.subject !== undefined) part.label = c.subject;
  if (c.channels) part.channels = c.channels;
  return part;
}
