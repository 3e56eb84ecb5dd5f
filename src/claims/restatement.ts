import type { Claim, Figure, RestatementClaim } from '../model/index.js';

/** Table keys that state the same quantity as a prose indicator, in order of preference. */
const SAME_AS: Record<string, string[]> = {
  'applications.received.total': ['requests.newReceived.total', 'applications.received.total'],
  'applications.closed.total': ['requests.resultTotal.total', 'applications.closed.total'],
  'applications.answered.granted': ['requests.granted.total', 'applications.answered.granted'],
  'applications.answered.partial': ['requests.partial.total', 'applications.answered.partial'],
  'applications.answered.denied': ['requests.denied.subtotal', 'applications.answered.denied'],
};

/**
 * Turns each prose count or stated zero of this year whose indicator a table of the report also gives
 * into a restatement claim: the prose value with the table's key, value and span, and whether they agree.
 * Run after the figures are read. Parts of a breakdown stay counts.
 *
 * @example
 * linkRestatements(claims, report.figures).filter((c) => c.kind === 'restatement' && !c.agrees);
 */
export function linkRestatements(claims: Claim[], figures: Record<string, Figure>): Claim[] {
  // A part of a breakdown (`区直各单位主动公开…1397条`) is a subset, not the table's total restated.
  const parts = new Set(claims.flatMap((c) => (c.kind === 'breakdown' ? c.parts.map((p) => p.span[0]) : [])));
  return claims.map((c) => {
    if ((c.kind !== 'count' && c.kind !== 'zero') || c.scope !== 'year' || !c.indicator) return c;
    if (parts.has(c.span[0])) return c;
    const key = (SAME_AS[c.indicator] ?? [c.indicator]).find((k) => figures[k]?.source === 'table');
    const table = key ? figures[key] : undefined;
    if (!key || !table) return c;
    const { kind: _kind, ...rest } = c;
    const restatement: RestatementClaim = {
      kind: 'restatement',
      ...rest,
      value: c.value,
      unit: c.unit,
      qualifier: c.kind === 'count' ? c.qualifier : 'exact',
      table: { key, value: table.value, span: table.span },
      agrees: Math.abs(table.value - c.value) < 1e-6,
    };
    delete (restatement as Partial<Record<string, unknown>>).cue;
    delete (restatement as Partial<Record<string, unknown>>).channels;
    return restatement;
  });
}
