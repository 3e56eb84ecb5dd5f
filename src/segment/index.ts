import type { NumberingIssue, Section } from '../model/index.js';

/**
 * Finds the headings of a report and builds its section tree, recording numbering problems.
 *
 * @example
 * const { sections } = segment('一、概述\n…\n二、主动公开\n…');
 * sections[1].title; // '主动公开'
 */
export function segment(_text: string): { sections: Section[]; numbering: NumberingIssue[] } {
  return { sections: [], numbering: [] };
}
