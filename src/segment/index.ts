import type { NumberingIssue, Section, Span } from '../model/index.js';
import { buildTree } from './build-tree.js';
import { checkEnumerations } from './enumerations.js';
import { findMarkers } from './markers.js';

export { checkEnumerations } from './enumerations.js';
export { findMarkers, type MarkerCandidate, type MarkerPosition } from './markers.js';

/** What a loader knows about the text that helps segmentation. */
export interface SegmentOptions {
  /** Spans of tables the loader found: numbered labels inside them are table content, not headings. */
  tables?: Span[];
}

/** Is `at` inside one of the sorted spans? */
function inside(spans: Span[], at: number): boolean {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((spans[mid] as Span)[0] <= at) lo = mid + 1;
    else hi = mid;
  }
  const s = spans[lo - 1];
  return s !== undefined && at < s[1];
}

/**
 * Finds the headings of a report and builds its section tree, recording numbering problems (gaps,
 * repeats and restarts of headings, and of `一是…二是…` enumerations). Works on line-per-paragraph
 * text, Markdown, headings split over two lines, and crawler text whose whole body is one line.
 *
 * @example
 * const { sections } = segment('一、概述\n…\n二、主动公开\n…');
 * sections[1].title; // '主动公开'
 * segment(ctx.text, { tables: ctx.tables.map((t) => t.span) }); // labels inside loader tables skipped
 */
export function segment(
  text: string,
  options: SegmentOptions = {},
): { sections: Section[]; numbering: NumberingIssue[] } {
  const tables = [...(options.tables ?? [])].sort((a, b) => a[0] - b[0]);
  const markers =
    tables.length > 0 ? findMarkers(text).filter((c) => !inside(tables, c.start)) : findMarkers(text);
  const { sections, numbering } = buildTree(text, markers);
  const enumerations = checkEnumerations(text, sections);
  return { sections, numbering: [...numbering, ...enumerations].sort((a, b) => a.span[0] - b.span[0]) };
}

/**
 * Every section of a tree in document order.
 *
 * @example
 * flattenSections(report.sections).map((s) => s.id); // ['1', '1.1', '1.2', '2', …]
 */
export function flattenSections(sections: Section[]): Section[] {
  const out: Section[] = [];
  const walk = (list: Section[]) => {
    for (const s of list) {
      out.push(s);
      walk(s.children);
    }
  };
  walk(sections);
  return out;
}
