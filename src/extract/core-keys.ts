import type { Figure } from '../model/index.js';

/** Each core key with the keys it may come from, in order of preference; a sum lists several keys. */
const SOURCES: [core: string, options: string[][]][] = [
  ['core.requestsReceived', [['requests.newReceived.total'], ['applications.received.total']]],
  ['core.requestsCarriedOver', [['requests.carriedOver.total']]],
  [
    'core.requestsClosed',
    [['requests.resultTotal.total'], ['applications.closed.total'], ['applications.answered.total']],
  ],
  ['core.reviewTotal', [['review.total']]],
  [
    'core.litigationTotal',
    [['litigation.direct.total', 'litigation.afterReview.total'], ['litigation.total']],
  ],
  ['core.staff', [['org.staff.total']]],
];

/**
 * Computes the harmonized `core.*` series from the figures a report states: one comparable value per
 * concept across eras, marked `derived` with the keys it came from and the span of the first of them.
 *
 * @example
 * deriveCore({ 'applications.received.total': fig })['core.requestsReceived'].from; // ['applications.received.total']
 */
export function deriveCore(figures: Record<string, Figure>): Record<string, Figure> {
  const out: Record<string, Figure> = {};
  for (const [core, options] of SOURCES) {
    for (const keys of options) {
      const parts = keys.map((k) => figures[k]);
      if (parts.some((p) => p === undefined)) continue;
      const present = parts as Figure[];
      const first = present[0];
      if (!first) continue;
      const sum = present.reduce((acc, p) => acc + p.value, 0);
      const figure: Figure = {
        ...first,
        value: sum,
        qualifier: present.some((p) => p.qualifier !== 'exact') ? 'about' : 'exact',
        derived: true,
        from: keys,
      };
      delete figure.label;
      out[core] = figure;
      break;
    }
  }
  return out;
}
