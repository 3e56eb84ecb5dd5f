import type { NumberingIssue, Section } from '../model/index.js';
import { parseCnNumber } from '../text/cn-number.js';

/** `一是…二是…` items: a Chinese numeral + 是 at the start of a clause. */
const ITEM = /([一二三四五六七八九十]{1,3})是/g;
/** What may come before an item: a clause end, or the end of a heading title. */
const BEFORE_ITEM = /[\s。；;：:，,！？!?#>）)】」”"]/;

/**
 * Checks `一是…二是…三是` enumerations inside each section's own text (children excluded) and records
 * gaps (`一是…三是`), repeats (`三是…三是`) and out-of-order numbers. A new `一是` starts a new run.
 *
 * @example
 * checkEnumerations('一是加强领导。三是规范发布。', []); // [{ kind: 'gap', markerKind: 'enumeration', expected: 2, actual: 3, … }]
 */
export function checkEnumerations(text: string, sections: Section[]): NumberingIssue[] {
  const flat: Section[] = [];
  const walk = (list: Section[]) => {
    for (const s of list) {
      flat.push(s);
      walk(s.children);
    }
  };
  walk(sections);
  const parents = new Map<Section, Section>();
  for (const s of flat) for (const c of s.children) parents.set(c, s);
  const headingEnds = new Set(flat.map((s) => s.span[1]));
  const issues: NumberingIssue[] = [];
  let owner: Section | null | undefined;
  // Open runs, innermost last: an item may nest a run of its own (一是推进…。一是…二是…二是推进…).
  let runs: number[] = [];
  ITEM.lastIndex = 0;
  for (let m = ITEM.exec(text); m; m = ITEM.exec(text)) {
    const before = text[m.index - 1];
    const ordinal = parseCnNumber(m[1] as string)?.value;
    // A run may start glued to a title (…信息公开一是…), but not inside a word (统一是, 之一是).
    const gluedStart = ordinal === 1 && !/[统唯之同单第万逐专划均合归]/.test(before ?? '');
    if (before !== undefined && !BEFORE_ITEM.test(before) && !headingEnds.has(m.index) && !gluedStart)
      continue;
    if (ordinal === undefined || ordinal < 1) continue;
    const here = innermost(flat, parents, m.index);
    if (here !== owner) {
      owner = here;
      runs = [];
    }
    if (ordinal === 1) {
      runs.push(1);
      continue;
    }
    if (runs.length === 0) continue; // a run seen from its middle (its start belongs elsewhere)
    const outer = runs.findLastIndex((last) => last + 1 === ordinal);
    if (outer >= 0) {
      runs.length = outer + 1;
      runs[outer] = ordinal;
      continue;
    }
    const last = runs[runs.length - 1] as number;
    const expected = last + 1;
    issues.push({
      kind: ordinal === last ? 'repeat' : ordinal > expected ? 'gap' : 'restart',
      parentId: here?.id ?? '',
      markerKind: 'enumeration',
      expected,
      actual: ordinal,
      span: [m.index, m.index + m[0].length],
    });
    runs[runs.length - 1] = ordinal;
  }
  return issues;
}

/** The deepest section whose extent holds `pos` (sections are in document order). */
function innermost(flat: Section[], parents: Map<Section, Section>, pos: number): Section | null {
  let lo = 0;
  let hi = flat.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((flat[mid] as Section).extent[0] <= pos) lo = mid + 1;
    else hi = mid;
  }
  let s: Section | undefined = flat[lo - 1];
  while (s && pos >= s.extent[1]) s = parents.get(s);
  return s ?? null;
}
