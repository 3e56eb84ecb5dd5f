import { sectionAt } from '../extract/figure-util.js';
import type { DomainDictionary } from '../extract/segmenter.js';
import type { WithMeta } from '../model/doc-context.js';
import type { Claim } from '../model/index.js';
import { countParser } from './parsers/count.js';
import { datedParser } from './parsers/dated.js';
import { percentageParser } from './parsers/percentage.js';
import { zeroParser } from './parsers/zero.js';
import { allOfRefiner } from './refiners/all-of.js';
import { breakdownRefiner } from './refiners/breakdown.js';
import { feesRefiner } from './refiners/fees.js';
import { inheritRefiner } from './refiners/inherit.js';
import { overlapRefiner } from './refiners/overlap.js';
import { scopeRefiner } from './refiners/scope.js';
import { sentenceSpans } from './text.js';
import type { ClaimContext, ClaimParser, ClaimRefiner } from './types.js';

export { linkRestatements } from './restatement.js';
export type { ClaimContext, ClaimParser, ClaimRefiner } from './types.js';

/** The parsers, one per claim family; each stays naive about overlaps. */
export const CLAIM_PARSERS: ClaimParser[] = [countParser, zeroParser, percentageParser, datedParser];
/** The refiners, run in order over all claims sorted by position. */
export const CLAIM_REFINERS: ClaimRefiner[] = [
  feesRefiner,
  overlapRefiner,
  inheritRefiner,
  scopeRefiner,
  allOfRefiner,
  breakdownRefiner,
];

/**
 * Reads the claims of a document's running text (table grids are left to the table readers): counts,
 * stated zeros, shares and dates from the parsers, then overlaps resolved and breakdowns assembled by the
 * refiners. Each claim carries its span, clause, sentence and section.
 *
 * @example
 * extractClaims(doc, dictionary).filter((c) => c.kind === 'zero').map((c) => c.indicator); // ['review.total', …]
 */
export function extractClaims(ctx: WithMeta, dictionary: DomainDictionary): Claim[] {
  const cc = claimContext(ctx, dictionary);
  let claims = CLAIM_PARSERS.flatMap((p) => p.parse(cc));
  for (const r of CLAIM_REFINERS) claims = r.refine(cc, claims);
  for (const c of claims) {
    const section = sectionAt(ctx.sections, c.span[0]);
    if (section) c.section = section;
  }
  return claims;
}

/**
 * The parsers' view of a document: its text, sections, table spans and sentences.
 *
 * @example
 * claimContext(doc, dictionary).sentences.length;
 */
export function claimContext(
  ctx: Pick<WithMeta, 'text' | 'sections' | 'tables' | 'meta'>,
  dictionary: DomainDictionary,
): ClaimContext {
  const skip = ctx.tables.map((t) => t.span);
  const cc: ClaimContext = {
    text: ctx.text,
    sections: ctx.sections,
    skip,
    dictionary,
    sentences: sentenceSpans(ctx.text, skip),
  };
  if (ctx.meta.reportYear !== undefined) cc.reportYear = ctx.meta.reportYear;
  if (ctx.meta.era !== undefined && ctx.meta.era !== null) cc.era = ctx.meta.era;
  return cc;
}
