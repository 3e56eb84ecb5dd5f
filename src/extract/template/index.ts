import type { DocContext } from '../../model/doc-context.js';
import type { Ambiguity, Figure } from '../../model/index.js';
import { extractReview } from './table-four.js';
import { extractRequests, requestZone } from './table-three.js';
import { extractActive } from './table-two.js';

/** The canonical keys of tables 二, 三 and 四 (see {@link extractTemplateTables}). */
export { TEMPLATE_KEYS } from './keys.js';

/**
 * Reads the era B/C template tables 二, 三 and 四 cell by cell, from table grids or from text.
 *
 * Where the numbers come from, in order of preference: the loader's grids (`ctx.tables`, all of them, so a
 * table cut by page breaks is joined), Markdown pipe rows, then running text (tab or space separated
 * cells, one cell per line, or digit runs with no separator at all). Rows are found by their label
 * vocabulary, never by the section tree; `ctx.sections` only fills `Figure.section`.
 *
 * Conventions:
 * - A digit run is split into the row's known cell count; every split is kept that makes each cell
 *   plausible (no leading zero in a multi-digit count, a sign only in 本年增/减, a fraction only in money)
 *   and keeps the identities: table 三 row sums, outcome total, flow balance and printed subtotals (solved
 *   over the whole table, so one row's reading can decide another's); table 四 block sums. A cell gets a
 *   figure only when every surviving split agrees on it; otherwise the row is listed in `ambiguities`
 *   (kind `digit-run`, with the readings). Numbers printed in separate cells are taken as printed, even
 *   where the report's own sums do not hold (that is for the rules to flag).
 * - Blank cells (`-`, `/`, `—`, an empty grid or pipe cell) state nothing and get no figure: the template
 *   asks for a number in every cell, so a blank is a report's omission, not a stated zero. `0` is a zero.
 * - Subtotal rows (`denied.subtotal` …) get figures only where the report prints them. Era B's single row
 *   (六) is `otherHandling.all`, also in a later report that still prints the 2019 layout.
 * - Money is normalized to 万元 in `value`; `unit` keeps what the report printed (元 or 万元).
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
