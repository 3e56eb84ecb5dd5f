import type { NumberingIssue, Section } from '../model/index.js';
import { buildTree } from './build-tree.js';
import { checkEnumerations } from './enumerations.js';
import { findMarkers } from './markers.js';

export { checkEnumerations } from './enumerations.js';
export { findMarkers, type MarkerCandidate, type MarkerPosition } from './markers.js';

/**
 * Finds the headings of a report and builds its section tree, recording numbering problems (gaps,
 * repeats and restarts of headings, and of `一是…二是…` enumerations). Works on line-per-paragraph
 * text, Markdown, headings split over two lines, and crawler text whose whole body is one line.
 *
 * @example
 * const { sections } = segment('一、概述\n…\n二、主动公开\n…');
 * sections[1].title; // '主动公开'
 */
export function segment(text: string): { sections: Section[]; numbering: NumberingIssue[] } {
  const { sections, numbering } = buildTree(text, findMarkers(text));
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
