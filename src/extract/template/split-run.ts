/**
 * What one cell of a row may hold.
 *
 * @example
 * const change: CellSpec = { signed: true };
 */
export interface CellSpec {
  /** 本年增/减: a leading minus sign is allowed. */
  signed?: boolean;
  /** Money: a decimal fraction is allowed. */
  decimal?: boolean;
}

/**
 * A sum that must hold inside one row: `cells[total] = Σ cells[parts]`.
 *
 * @example
 * const rowSum: RowSum = { parts: [0, 1, 2, 3, 4, 5], total: 6 }; // table 三: six applicants = 总计
 */
export interface RowSum {
  parts: number[];
  total: number;
}

/**
 * The sum of a row of template columns: every column adds up to the one named `total`.
 *
 * @example
 * columnSum(REQUEST_COLUMNS); // { parts: [0, 1, 2, 3, 4, 5], total: 6 }
 */
export function columnSum(columns: readonly { col: string }[], offset = 0): RowSum {
  const total = columns.findIndex((c) => c.col === 'total');
  const parts = columns.map((_, i) => i).filter((i) => i !== total);
  return { parts: parts.map((i) => i + offset), total: total + offset };
}

/**
 * A piece of text standing for one or more cells: a digit run (`640020470`), a number that must stay one
 * cell (a grid or pipe cell), or a blank marker (`-`, `/`, empty cell) that takes one cell and states
 * nothing. `start` is its offset in the report text.
 *
 * @example
 * const run: RunToken = { text: '640020470', start: 1210 };
 */
export interface RunToken {
  text: string;
  start: number;
  /** Exactly one cell (a grid or pipe cell, or a token we must not split). */
  single?: boolean;
  /** A blank cell: occupies a position, states no value. */
  blank?: boolean;
  /** Column of the source grid (grids only). */
  col?: number;
}

/**
 * One cell of one reading of a row: the value, and the span of its digits in the text.
 *
 * @example
 * const cell: CellReading = { value: 64, stated: '64', span: [1210, 1212] };
 */
export interface CellReading {
  value: number;
  stated: string;
  span: [number, number];
  col?: number;
}

/**
 * One way to read a row: a cell per position, `null` where the cell is blank.
 *
 * @example
 * splitRun([{ text: '350', start: 0 }], [{}, {}]).readings.length; // 2 (3/50 and 35/0)
 */
export type RowReading = (CellReading | null)[];

const CELL = /^[-+]?(?:0|[1-9]\d*)(?:\.\d+)?$/;

/**
 * Whether a cell's digits are a plausible printed number for the column: no leading zeros in a
 * multi-digit count, a sign only where the column is signed, a fraction only in money columns.
 *
 * @example
 * isPlausibleCell('023', {}); // false
 * isPlausibleCell('-185', { signed: true }); // true
 */
export function isPlausibleCell(s: string, spec: CellSpec): boolean {
  if (!CELL.test(s)) return false;
  if (/^[-+]/.test(s) && (!spec.signed || /^[-+]0(?:\.0+)?$/.test(s))) return false;
  if (s.includes('.') && !spec.decimal) return false;
  return true;
}

/** Parses a cell's text (`1,234`, `-18`, `24252.311082`) to a number, or undefined. */
export function parseCell(s: string): number | undefined {
  const t = s.replace(/,/g, '');
  if (!/^[-+]?\d+(?:\.\d+)?$/.test(t)) return undefined;
  return Number(t);
}

/** Limits that keep a pathological run from exploding. */
const MAX_STEPS = 20_000;
/** Longest plausible cell: counts stay below 10⁹; money may carry a fraction. */
const MAX_DIGITS = 9;
const MAX_MONEY_CHARS = 16;

/**
 * Lists every way to read tokens as exactly `specs.length` cells: a digit run may be split anywhere
 * between digits (whitespace between tokens is always a cell boundary, a sign always starts a cell), each
 * cell must be plausible for its column, and every in-row sum must hold. Readings beyond `cap` are not
 * listed; `complete` says whether the list is exhaustive.
 *
 * @example
 * splitRun([{ text: '640020470', start: 0 }], Array(7).fill({}), [{ parts: [0, 1, 2, 3, 4, 5], total: 6 }]);
 * // { readings: [[64, 0, 0, 2, 0, 4, 70] …], complete: true }  (as CellReadings with spans)
 */
export function splitRun(
  tokens: RunToken[],
  specs: CellSpec[],
  sums: RowSum[] = [],
  cap = 256,
): { readings: RowReading[]; complete: boolean } {
  const k = specs.length;
  const readings: RowReading[] = [];
  let steps = 0;
  let complete = true;
  const cur: RowReading = [];
  // The last cell index of each sum: check it when that cell is placed.
  const sumsAt = new Map<number, RowSum[]>();
  for (const s of sums) {
    const last = Math.max(s.total, ...s.parts);
    sumsAt.set(last, [...(sumsAt.get(last) ?? []), s]);
  }
  const remainingChars = (ti: number, off: number): number => {
    let n = 0;
    for (let i = ti; i < tokens.length; i++) {
      const t = tokens[i] as RunToken;
      n += t.blank || t.single ? 1 : t.text.length - (i === ti ? off : 0);
    }
    return n;
  };
  const sumsHold = (cell: number): boolean => {
    for (const s of sumsAt.get(cell) ?? []) {
      const total = cur[s.total];
      if (!total) continue;
      let sum = 0;
      let known = true;
      for (const p of s.parts) {
        const c = cur[p];
        if (!c) {
          known = false;
          break;
        }
        sum += c.value;
      }
      if (known && Math.abs(sum - total.value) > 1e-9) return false;
    }
    return true;
  };
  const place = (cell: number, reading: CellReading | null, next: () => void) => {
    cur[cell] = reading;
    if (sumsHold(cell)) next();
    cur.length = cell;
  };
  const walk = (ti: number, off: number, cell: number): void => {
    if (readings.length >= cap || ++steps > MAX_STEPS) {
      complete = false;
      return;
    }
    if (ti === tokens.length) {
      if (cell === k) readings.push(cur.slice());
      return;
    }
    if (cell === k) return;
    const left = k - cell;
    if (tokens.length - ti > left) return;
    const chars = remainingChars(ti, off);
    if (chars < left) return;
    if (chars > left * MAX_MONEY_CHARS) return;
    const tok = tokens[ti] as RunToken;
    const spec = specs[cell] ?? {};
    if (tok.blank) {
      place(cell, null, () => walk(ti + 1, 0, cell + 1));
      return;
    }
    if (tok.single) {
      const value = parseCell(tok.text);
      if (value === undefined) return;
      const r: CellReading = { value, stated: tok.text, span: [tok.start, tok.start + tok.text.length] };
      if (tok.col !== undefined) r.col = tok.col;
      place(cell, r, () => walk(ti + 1, 0, cell + 1));
      return;
    }
    const longest = spec.decimal
      ? MAX_MONEY_CHARS
      : MAX_DIGITS + (tok.text[off] === '-' || tok.text[off] === '+' ? 1 : 0);
    for (let end = off + 1; end <= Math.min(tok.text.length, off + longest); end++) {
      const s = tok.text.slice(off, end);
      if (!isPlausibleCell(s, spec)) continue;
      const r: CellReading = { value: Number(s), stated: s, span: [tok.start + off, tok.start + end] };
      if (end === tok.text.length) place(cell, r, () => walk(ti + 1, 0, cell + 1));
      else place(cell, r, () => walk(ti, end, cell + 1));
    }
  };
  walk(0, 0, 0);
  return { readings, complete };
}
