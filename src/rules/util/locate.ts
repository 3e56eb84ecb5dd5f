import type { Anchor, Origin, Section, Span } from '../../model/index.js';

/**
 * Converts offsets of a text to one-based line and column numbers (columns count UTF-16 units).
 *
 * @example
 * const at = lineLocator('ab\ncd');
 * at(4); // { line: 2, column: 2 }
 */
export function lineLocator(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (starts[lo] as number) + 1 };
  };
}

/**
 * The most specific origin (table cell over page) of the anchors covering an offset.
 *
 * @example
 * originAt([{ span: [0, 100], origin: { page: 1 } }], 50); // { page: 1 }
 */
export function originAt(anchors: Anchor[], offset: number): Origin | undefined {
  let best: Anchor | undefined;
  for (const a of anchors) {
    if (a.span[0] > offset) continue;
    if (offset >= a.span[1] && !(a.span[0] === a.span[1] && offset === a.span[0])) continue;
    if (!best || a.span[1] - a.span[0] < best.span[1] - best.span[0]) best = a;
  }
  if (!best) return undefined;
  // A cell anchor inside a page keeps the page too.
  const page = anchors.find((a) => a.origin.page && a.span[0] <= offset && offset < a.span[1])?.origin.page;
  return page && !best.origin.page ? { page, ...best.origin } : best.origin;
}

/**
 * The deepest section whose extent holds an offset.
 *
 * @example
 * sectionAt(report.sections, 120)?.id; // '2.1'
 */
export function sectionAt(sections: Section[], offset: number): Section | undefined {
  for (const s of sections) {
    if (s.extent[0] <= offset && offset < s.extent[1]) return sectionAt(s.children, offset) ?? s;
  }
  return undefined;
}

/**
 * Whether a span lies inside the text (`0 ≤ start ≤ end ≤ length`).
 *
 * @example
 * spanInBounds([0, 3], 'abc'); // true
 */
export function spanInBounds(span: Span, text: string): boolean {
  return span[0] >= 0 && span[0] <= span[1] && span[1] <= text.length;
}
