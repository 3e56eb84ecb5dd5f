import type { Claim, CountClaim } from '../../model/index.js';
import type { ClaimRefiner } from '../types.js';
import { inFamily, type UnitFamily } from '../units.js';

/** Words a clause may hold around a count without naming anything (`，历年累计6条`, `，今年新增94条`). */
const FILLER =
  /共计|合计|总计|累计|历年|共|计|今年|本年度|本年|当年|年内|全年|新增|其中|达到|已达|达|为|有|约|各类|另|又|还|再|分别/g;
const FAMILIES: UnitFamily[] = ['items', 'cases', 'people', 'events', 'money'];

/**
 * A count whose clause names nothing but filler words takes the subject of the count before it in the same
 * sentence, stated in the same kind of unit, and a channel count after a proactive-disclosure count is part of
 * that disclosure: `共受理政府信息公开申请0条，历年累计6条` gives 6 requests (its scope
 * comes from its own words), `在县政府网站共主动公开政府信息615条，今年新增94条` gives 94 items on that site.
 *
 * @example
 * inheritRefiner.refine(ctx, claims);
 */
export const inheritRefiner: ClaimRefiner = {
  name: 'inherit',
  refine(ctx, claims) {
    let prev: CountClaim | undefined;
    for (const c of claims) {
      if (c.kind !== 'count') continue;
      const before = prev;
      prev = c;
      if (!before || before.sentence[0] !== c.sentence[0] || !before.indicator) continue;
      // `累计公开政府信息846条，其中本年度在县政府网站及本单位门户网站公开214条`: items published through
      // channels right after a proactive count are proactive items too.
      const active = before.indicator === 'active.total' || before.partOf === 'active.total';
      if (c.channels && !c.partOf && active) c.partOf = 'active.total';
      if (c.indicator) continue;
      if (!FAMILIES.some((f) => inFamily(c.unit, f) && inFamily(before.unit, f))) continue;
      const lead = ctx.text.slice(c.clause[0], c.span[0]).replace(FILLER, '');
      if (/[\p{Script=Han}A-Za-z]/u.test(lead)) continue;
      c.indicator = before.indicator;
      if (before.subject !== undefined) c.subject = before.subject;
      if (before.subjectSpan) c.subjectSpan = before.subjectSpan;
      if (before.channels) c.channels = before.channels;
      if (before.partOf) c.partOf = before.partOf;
    }
    return claims as Claim[];
  },
};
