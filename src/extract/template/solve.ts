import type { RowReading } from './split-run.js';

/**
 * A column identity: for every column `c`, `Σ coef · cell(row, c) = 0` over the listed rows.
 *
 * @example
 * // the flow balance: newReceived + carriedOver − resultTotal − carriedForward = 0
 * const flow: ColumnIdentity = { name: 'flow-balance', terms: [{ row: 'newReceived', coef: 1 }, { row: 'carriedOver', coef: 1 }, { row: 'resultTotal', coef: -1 }, { row: 'carriedForward', coef: -1 }] };
 */
export interface ColumnIdentity {
  name: string;
  terms: { row: string; coef: 1 | -1 }[];
}

/**
 * The outcome of solving a table: for each row, the readings that survive every identity.
 *
 * @example
 * solveTable(rows, 7, ids).agreed.get('newReceived')?.[6]?.value; // 70
 */
export interface TableSolution {
  /** Row id → the distinct readings that appear in at least one full solution. */
  readings: Map<string, RowReading[]>;
  /** Row id → for each column, the reading's cell when every solution agrees on it, else undefined. */
  agreed: Map<string, (RowReading[number] | undefined)[]>;
  /** False when no combination satisfied the identities (each row then keeps its own readings). */
  consistent: boolean;
  /** False when the search stopped at its cap (rows then keep their own readings). */
  complete: boolean;
}

const CAP = 512;
/** Search nodes visited at most, so that a table of long ambiguous runs cannot stall the parse. */
const MAX_NODES = 50_000;

/**
 * Chooses, for every row of a table, the readings that fit the column identities when the rows are taken
 * together: rows with a single reading are fixed, rows with several are searched jointly, pruned by
 * interval bounds on each identity. Cells on which every surviving solution agrees are reported as agreed.
 * When the identities cannot all hold (the report itself is inconsistent), rows fall back to their own
 * readings so that one wrong number never shifts the rest of the table.
 *
 * @example
 * solveTable(new Map([['a', [[x1]]], ['b', [[y1], [y2]]]]), 1, [{ name: 'a=b', terms: [{ row: 'a', coef: 1 }, { row: 'b', coef: -1 }] }]);
 */
export function solveTable(
  rows: Map<string, RowReading[]>,
  width: number,
  identities: ColumnIdentity[],
): TableSolution {
  const usable = identities.filter((id) => id.terms.every((t) => rows.has(t.row)));
  const ids = [...rows.keys()];
  const open = ids.filter((id) => (rows.get(id)?.length ?? 0) > 1);
  const fixed = new Map<string, RowReading>();
  for (const id of ids) {
    const r = rows.get(id) ?? [];
    if (r.length === 1) fixed.set(id, r[0] as RowReading);
  }
  const solutions: Map<string, RowReading>[] = [];
  let complete = true;
  const involved = new Set(usable.flatMap((u) => u.terms.map((t) => t.row)));
  const searchRows = open.filter((id) => involved.has(id));
  const choice = new Map<string, RowReading>(fixed);
  const val = (r: RowReading | undefined, c: number) => r?.[c]?.value;

  // Interval check: can each identity still reach 0 in every column given the rows left to choose?
  const feasible = (depth: number): boolean => {
    const pending = new Set(searchRows.slice(depth));
    for (const idn of usable) {
      for (let c = 0; c < width; c++) {
        let lo = 0;
        let hi = 0;
        let blank = false;
        for (const t of idn.terms) {
          if (pending.has(t.row)) {
            let mn = Number.POSITIVE_INFINITY;
            let mx = Number.NEGATIVE_INFINITY;
            for (const r of rows.get(t.row) ?? []) {
              const v = val(r, c);
              if (v === undefined) {
                blank = true;
                break;
              }
              mn = Math.min(mn, t.coef * v);
              mx = Math.max(mx, t.coef * v);
            }
            if (blank) break;
            lo += mn;
            hi += mx;
          } else {
            const v = val(choice.get(t.row), c);
            if (v === undefined) {
              blank = true;
              break;
            }
            lo += t.coef * v;
            hi += t.coef * v;
          }
        }
        if (blank) continue;
        if (lo > 1e-9 || hi < -1e-9) return false;
      }
    }
    return true;
  };
  let nodes = 0;
  const dfs = (depth: number): void => {
    if (solutions.length >= CAP || ++nodes > MAX_NODES) {
      complete = false;
      return;
    }
    if (!feasible(depth)) return;
    if (depth === searchRows.length) {
      solutions.push(new Map(choice));
      return;
    }
    const id = searchRows[depth] as string;
    for (const r of rows.get(id) ?? []) {
      choice.set(id, r);
      dfs(depth + 1);
    }
    choice.delete(id);
  };
  dfs(0);

  const consistent = solutions.length > 0;
  const readings = new Map<string, RowReading[]>();
  for (const id of ids) {
    const own = rows.get(id) ?? [];
    if (!consistent || !complete || !searchRows.includes(id)) readings.set(id, own);
    else {
      const seen = new Set<RowReading>();
      for (const s of solutions) seen.add(s.get(id) as RowReading);
      readings.set(id, [...seen]);
    }
  }
  const agreed = new Map<string, (RowReading[number] | undefined)[]>();
  for (const id of ids) {
    const rs = readings.get(id) ?? [];
    const cells: (RowReading[number] | undefined)[] = [];
    for (let c = 0; c < width; c++) {
      const first = rs[0]?.[c];
      const same =
        rs.length > 0 &&
        rs.every((r) => {
          const x = r[c];
          if (x === null || first === null || x === undefined || first === undefined) return x === first;
          return x.value === first.value && x.span[0] === first.span[0] && x.span[1] === first.span[1];
        });
      cells.push(same ? first : undefined);
    }
    agreed.set(id, cells);
  }
  return { readings, agreed, consistent, complete };
}
