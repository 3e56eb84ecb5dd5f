import type { DocContext } from '../../core/context.js';
import type { Ambiguity, Figure } from '../../model/index.js';
import { extractReview } from './table-four.js';
import { extractRequests, requestZone } from './table-three.js';
import { extractActive } from './table-two.js';

/** The canonical keys of tables 二, 三 and 四 (see {@link extractTemplateTables}). */
export { TEMPLATE_KEYS } from './keys.js';

/**
 * Reads the era B/C template tables 二, 三 and 四 cell by cell, from table grids or from text.
 * Cells that a run-together number leaves undecided get no figure; they are listed in `ambiguities`.
 *
 * @example
 * extractTemplateTables(ctx).figures['requests.newReceived.total'].value; // 64
 */
export function extractTemplateTables(ctx: DocContext): {
  figures: Record<string, Figure>;
  ambiguities: Ambiguity[];
} {
  const zone = requestZone(ctx.text);
  const requests = extractRequests(ctx);
  const era = requests.era ?? (ctx.meta.era === 'B' ? 'B' : 'C');
  const active = extractActive(ctx, zone ? zone[0] : ctx.text.length, era);
  const review = extractReview(ctx, zone ? zone[0] : 0);
  return {
    figures: { ...active.figures, ...requests.figures, ...review.figures },
    ambiguities: [...active.ambiguities, ...requests.ambiguities, ...review.ambiguities],
  };
}
