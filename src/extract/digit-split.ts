/** One reading of a statistics row: this year's value and the running total (历年累计). */
export interface Pair {
  annual: string;
  cumulative: string;
}

/**
 * Every way to cut a run-together digit string into this year's value and the cumulative value:
 * no part with a leading zero (except `0` itself), cumulative ≥ annual. `plausible` readings also
 * keep the two within one digit of length (a running total of a few years), or have a zero year.
 *
 * @example
 * splitPairs('4251516').plausible; // [{ annual: '425', cumulative: '1516' }]
 */
export function splitPairs(run: string): { plausible: Pair[]; possible: Pair[] } {
  const possible: Pair[] = [];
  for (let i = 1; i < run.length; i++) {
    const annual = run.slice(0, i);
    const cumulative = run.slice(i);
    if (hasLeadingZero(annual) || hasLeadingZero(cumulative)) continue;
    if (Number(cumulative) < Number(annual)) continue;
    possible.push({ annual, cumulative });
  }
  const plausible = possible.filter((p) => {
    const d = p.cumulative.length - p.annual.length;
    return d === 0 || d === 1 || p.annual === '0';
  });
  return { plausible, possible };
}

function hasLeadingZero(s: string): boolean {
  return s.length > 1 && s.startsWith('0');
}

/** A row to split: its key, the candidate readings, and its parent row's key if it is a 其中 row. */
export interface SplitRow {
  key: string;
  parent?: string;
  candidates: Pair[];
  /** Readings to try when no combination of `candidates` fits. */
  fallback?: Pair[];
}

/**
 * Chooses one reading per row so that every 其中 row stays within its parent in both columns,
 * preferring readings where the children add up to the parent; `candidates` are tried first, then
 * `fallback`. A row whose value differs between the readings that remain is left undecided
 * (`undefined`), for the caller to record as ambiguous. When no reading fits at all, each row is read on
 * its own.
 *
 * @example
 * solveRows([{ key: 'a', candidates: [{ annual: '425', cumulative: '1516' }] }]).get('a');
 */
export function solveRows(rows: SplitRow[]): Map<string, Pair | undefined> {
  const result = new Map<string, Pair | undefined>();
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const groups = new Map<string, SplitRow[]>();
  for (const r of rows) {
    const root = r.parent && byKey.has(r.parent) ? r.parent : r.key;
    const list = groups.get(root) ?? [];
    list.push(r);
    groups.set(root, list);
  }
  for (const [root, members] of groups) {
    let fits = enumerate(members, false).filter((c) => withinParent(c, members, root));
    if (fits.length === 0) fits = enumerate(members, true).filter((c) => withinParent(c, members, root));
    if (fits.length === 0) {
      // No reading keeps the 其中 rows within their parent: the table itself is inconsistent, so read each
      // row on its own rather than shift the whole group; the rules flag the inconsistency.
      for (const m of members) result.set(m.key, m.candidates.length === 1 ? m.candidates[0] : undefined);
      continue;
    }
    const summing = fits.filter((c) => sumsToParent(c, members, root));
    const chosen = summing.length > 0 ? summing : fits;
    members.forEach((m, i) => {
      const values = new Set(chosen.map((c) => `${c[i]?.annual}/${c[i]?.cumulative}`));
      result.set(m.key, values.size === 1 ? chosen[0]?.[i] : undefined);
    });
  }
  return result;
}

function enumerate(members: SplitRow[], loose: boolean): Pair[][] {
  let combos: Pair[][] = [[]];
  for (const m of members) {
    const next: Pair[][] = [];
    const options = loose ? (m.fallback ?? m.candidates) : m.candidates;
    for (const c of combos) for (const p of options) next.push([...c, p]);
    combos = next;
    if (combos.length > 5000) return [];
  }
  return combos;
}

function withinParent(combo: Pair[], members: SplitRow[], root: string): boolean {
  const pi = members.findIndex((m) => m.key === root);
  const parent = combo[pi];
  if (!parent) return true;
  return combo.every(
    (p, i) =>
      i === pi ||
      (Number(p.annual) <= Number(parent.annual) && Number(p.cumulative) <= Number(parent.cumulative)),
  );
}

function sumsToParent(combo: Pair[], members: SplitRow[], root: string): boolean {
  const pi = members.findIndex((m) => m.key === root);
  const parent = combo[pi];
  if (!parent || members.length < 2) return false;
  let a = 0;
  let c = 0;
  combo.forEach((p, i) => {
    if (i === pi) return;
    a += Number(p.annual);
    c += Number(p.cumulative);
  });
  return a === Number(parent.annual) && c === Number(parent.cumulative);
}
