import type { MarkerKind, NumberingIssue, Section } from '../model/index.js';
import type { MarkerCandidate } from './markers.js';
import { readTitle } from './titles.js';
import {
  SECTION_WORDS,
  TABLE_LABEL_STRONG,
  TABLE_LABEL_WEAK,
  TABLE_START,
  TEMPLATE_PART_TITLE,
  TITLE_END_STRONG,
  TITLE_END_WEAK,
  UNNUMBERED_PART,
} from './vocabulary.js';

/** An open level of the tree: the sections of one marker kind under one parent. */
interface Level {
  kind: MarkerKind;
  parent: Section | null;
  siblings: Section[];
  last: Section;
  /** Highest number seen in the run: after a section that came out of turn the run goes on from it. */
  max: number;
}

/** A heading about to be placed in the tree. */
interface Heading {
  marker: string;
  kind: MarkerKind;
  ordinal: number;
  title: string;
  span: [number, number];
  /** Where the section's block starts (its line start when the heading stands on a line of its own). */
  blockStart: number;
}

/** How far ahead a list's next item may sit for a marker in running text to count as a list start. */
const SUCCESSOR_WINDOW = 4000;
/** Largest jump in numbering still read as a gap rather than unrelated text. */
const MAX_GAP = 3;

/**
 * Builds the section tree from marker candidates. Levels follow the order in which marker kinds first
 * appear under each parent. A candidate becomes a heading when its number fits a sequence: on a line of
 * its own it may also repeat, skip or restart (recorded as numbering issues, except a list that starts
 * again after a lead-in ending in a colon); in running text it must
 * continue a sequence exactly, or start one (number 1) that has a next item further on. Numbered labels
 * inside template tables are not headings.
 *
 * @example
 * buildTree(text, findMarkers(text)).sections.map((s) => s.title);
 */
export function buildTree(
  text: string,
  candidates: MarkerCandidate[],
): { sections: Section[]; numbering: NumberingIssue[] } {
  const roots: Section[] = [];
  const numbering: NumberingIssue[] = [];
  const levels: Level[] = [];
  const tableStarts = [...text.matchAll(TABLE_START)].map((m) => m.index);
  let tableFrom = -1;
  let nextTable = 0;
  const hasSuccessor = successorIndex(candidates);

  const close = (depth: number, at: number) => {
    while (levels.length > depth) {
      const level = levels.pop() as Level;
      level.last.extent[1] = at;
    }
  };

  /** Opens a section at `place` in `levels`, closing the deeper ones and the previous sibling. */
  const addSection = (place: number, h: Heading) => {
    close(place + 1, h.blockStart);
    const parent = place === 0 ? null : ((levels[place - 1] as Level).last ?? null);
    const existing = levels[place];
    const siblings = existing ? existing.siblings : parent ? parent.children : roots;
    if (existing) existing.last.extent[1] = h.blockStart;
    const section: Section = {
      id: `${parent ? `${parent.id}.` : ''}${siblings.length + 1}`,
      level: place + 1,
      marker: h.marker,
      markerKind: h.kind,
      ordinal: h.ordinal,
      title: h.title,
      span: h.span,
      extent: [h.span[0], text.length],
      children: [],
    };
    siblings.push(section);
    // A run that starts again at 1 forgets its old numbers.
    const max = existing && h.ordinal > 1 ? Math.max(existing.max, h.ordinal) : h.ordinal;
    levels[place] = { kind: h.kind, parent, siblings, last: section, max };
  };

  for (let i = 0; i < candidates.length; i++) {
    let c = candidates[i] as MarkerCandidate;
    if (c.inferred) {
      // A heading whose number was lost continues the open run of its kind, if there is one.
      const open = levels[findLevel(levels, c.kind)];
      if (!open) continue;
      c = { ...c, ordinal: open.last.ordinal + 1 };
    }
    const nextStart = candidates[i + 1]?.start ?? text.length;
    // Table regions open at a table's first label and close at the next accepted heading.
    while (nextTable < tableStarts.length && (tableStarts[nextTable] as number) <= c.start) {
      if (levels.length > 0) tableFrom = tableStarts[nextTable] as number;
      nextTable++;
    }
    const inTable = tableFrom >= 0;
    const title = readTitle(text, c, nextStart);
    if (TABLE_LABEL_STRONG.test(title.title)) continue;
    if (inTable && TABLE_LABEL_WEAK.test(title.title)) continue;
    if (title.title === '' && c.position !== 'line') continue;

    const depth = findLevel(levels, c.kind);
    // A part of the template (三、收到和处理政府信息公开申请情况) is a heading wherever it stands, in or out
    // of turn; other headings out of turn must stand like a paragraph of their own.
    const templatePart = c.kind === 'cn' && depth <= 0 && TEMPLATE_PART_TITLE.test(title.title);
    const ownParagraph = c.position === 'line' || templatePart;
    // Out of turn in running text, a heading standing alone may skip or repeat a number (not restart).
    const alone =
      !ownParagraph &&
      c.ordinal >= (levels[depth]?.last.ordinal ?? 1) &&
      standsAlone(text, c, title, nextStart);
    let issue: NumberingIssue['kind'] | null = null;
    let place: number; // index in `levels` the section goes to
    let lostPart: Heading | undefined;
    if (depth >= 0) {
      const level = levels[depth] as Level;
      const expected = level.last.ordinal + 1;
      if (inTable && depth !== 0) continue;
      if (c.ordinal === expected || (c.ordinal === level.max + 1 && level.max > level.last.ordinal)) {
        place = depth;
      } else if (
        (!inTable || templatePart) &&
        (ownParagraph || alone || (c.position === 'sentence' && depth === 0))
      ) {
        const plausible = ownParagraph || alone || SECTION_WORDS.test(title.title);
        if (!plausible) continue;
        if (c.ordinal === level.last.ordinal) issue = 'repeat';
        else if (c.ordinal > expected && c.ordinal - expected <= MAX_GAP) issue = 'gap';
        else if (c.ordinal < expected && (c.ordinal === 1 || ownParagraph)) issue = 'restart';
        else continue;
        if (issue === 'restart' && !ownParagraph && !hasSuccessor(i)) continue;
        place = depth;
      } else if (c.ordinal === 1 && depth === levels.length - 1 && hasSuccessor(i) && c.kind !== 'cn') {
        issue = 'restart';
        place = depth;
      } else {
        continue;
      }
      // A new list announced by a lead-in line (下一步工作打算：) starts again at 1 by design, and so does
      // a second top-level run that holds the statistics tables (一、主动公开政府信息情况 / 第二十条…).
      const leadIn = /[：:]\s*$/.test(text.slice(Math.max(0, c.start - 40), c.start));
      // 存在的问题：一、…二、… inside a paragraph is a list of the section, not more sections.
      if (issue === 'restart' && c.ordinal === 1 && leadIn && depth === 0 && c.position !== 'line') continue;
      if (
        issue === 'restart' &&
        c.ordinal === 1 &&
        (leadIn ||
          (depth === 0 && ownParagraph && level.last.ordinal >= 3 && opensTables(text, c, title.title)))
      ) {
        issue = null;
      }
      // A section out of turn (三、五、四、) fills the gap recorded before it: one disorder, not two.
      if (issue === 'restart') {
        const filled = numbering.findIndex(
          (n) =>
            n.kind === 'gap' &&
            n.markerKind === c.kind &&
            n.parentId === (level.parent?.id ?? '') &&
            n.expected <= c.ordinal &&
            c.ordinal < n.actual,
        );
        if (filled >= 0) numbering.splice(filled, 1);
      }
      // 三、…政府信息公开行政复议、行政诉讼情况…五、: the part between kept its title and lost its number.
      if (issue === 'gap' && depth === 0 && c.kind === 'cn' && c.ordinal === expected + 1) {
        const after = Math.max(...levels.map((l) => l.last.span[1]));
        lostPart = unnumberedPart(text, after, c.start, c.kind, expected);
      }
      if (issue) {
        numbering.push({
          kind: issue,
          parentId: level.parent?.id ?? '',
          markerKind: c.kind,
          expected,
          actual: c.ordinal,
          span: [c.start, c.markerEnd],
        });
      }
    } else {
      if (inTable) continue;
      // A new, deeper level (or the first top level).
      if (c.position === 'line' || templatePart) {
        if (c.ordinal > 1 + MAX_GAP) continue;
      } else {
        // The first heading of the document may be followed by its next one after a long section.
        // Its next one may be missing (一、…三、): a later number one further on also counts.
        const first = levels.length === 0;
        if (c.ordinal !== 1 || !(hasSuccessor(i, first) || hasSuccessor(i, first, 2))) continue;
        if (c.kind === 'cn' && c.position === 'glued') continue;
      }
      place = levels.length;
      if (c.ordinal !== 1) {
        numbering.push({
          kind: 'gap',
          parentId: levels[levels.length - 1]?.last.id ?? '',
          markerKind: c.kind,
          expected: 1,
          actual: c.ordinal,
          span: [c.start, c.markerEnd],
        });
      }
    }

    if (lostPart) addSection(0, lostPart);
    addSection(place, {
      marker: c.marker,
      kind: c.kind,
      ordinal: c.ordinal,
      title: title.title,
      span: [c.start, Math.max(title.end, c.markerEnd)],
      blockStart: c.position === 'line' ? c.lineStart : c.start,
    });
    tableFrom = -1;
  }
  close(0, text.length);
  return { sections: roots, numbering };
}

/** How far after a heading the first table label may stand for the heading to open a run of tables. */
const TABLE_LEAD = 200;
/** Labels that start a statistics table or an appendix of tables. */
const TABLE_OPENING = /第二十条|信息内容|统计表|附表|附件/;

/** Does the heading open the statistics tables (an appendix, or table 二 right under it)? */
function opensTables(text: string, c: MarkerCandidate, title: string): boolean {
  if (/附表|附件|统计表/.test(title)) return true;
  return TABLE_OPENING.test(text.slice(c.markerEnd, c.markerEnd + TABLE_LEAD));
}

/** Longest title of a heading that stands as a paragraph of its own in running text. */
const MAX_STANDALONE_TITLE = 30;

/**
 * A marker in running text that opens a paragraph or a lead sentence of its own: after a sentence end or a
 * space (a line break that a crawler flattened), with a short title without commas that a sentence end, a
 * space, the next marker or the text end follows, or that ends like a title (主动公开政府信息的主要类别2011年，…).
 */
function standsAlone(
  text: string,
  c: MarkerCandidate,
  title: { title: string; end: number },
  nextStart: number,
): boolean {
  if (c.position !== 'sentence' || !/[\s。；;]/.test(text[c.start - 1] ?? '')) return false;
  const t = title.title;
  if (t === '' || t.length > MAX_STANDALONE_TITLE || /[，,；;：:]/.test(t)) return false;
  const after = text[title.end];
  return after === undefined || /[\s。]/.test(after) || title.end === nextStart || TITLE_ENDING.test(t);
}

/** A title that ends with a title word, strong or weak. */
const TITLE_ENDING = new RegExp(`(?:${TITLE_END_STRONG.source}|${TITLE_END_WEAK.source})$`);

function findLevel(levels: Level[], kind: MarkerKind): number {
  for (let d = levels.length - 1; d >= 0; d--) if ((levels[d] as Level).kind === kind) return d;
  return -1;
}

/** The last template part title standing without a number in `[from, to)`, as a heading numbered `ordinal`. */
function unnumberedPart(
  text: string,
  from: number,
  to: number,
  kind: MarkerKind,
  ordinal: number,
): Heading | undefined {
  let found: RegExpExecArray | undefined;
  UNNUMBERED_PART.lastIndex = from;
  for (let m = UNNUMBERED_PART.exec(text); m && m.index < to; m = UNNUMBERED_PART.exec(text)) found = m;
  if (!found) return undefined;
  const start = found.index;
  const end = Math.min(to, start + found[0].length);
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const blockStart = /^\s*$/.test(text.slice(lineStart, start)) ? lineStart : start;
  return { marker: '', kind, ordinal, title: found[0], span: [start, end], blockStart };
}

/**
 * For candidate i: is there a candidate of the same kind numbered `step` higher (one by default) a little
 * further on?
 */
function successorIndex(
  candidates: MarkerCandidate[],
): (i: number, anywhere?: boolean, step?: number) => boolean {
  const starts = new Map<string, number[]>();
  for (const c of candidates) {
    const key = `${c.kind}|${c.ordinal}`;
    const list = starts.get(key);
    if (list) list.push(c.start);
    else starts.set(key, [c.start]);
  }
  return (i, anywhere = false, step = 1) => {
    const c = candidates[i] as MarkerCandidate;
    const list = starts.get(`${c.kind}|${c.ordinal + step}`);
    if (!list) return false;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((list[mid] as number) <= c.start) lo = mid + 1;
      else hi = mid;
    }
    const next = list[lo];
    return next !== undefined && (anywhere || next - c.start <= SUCCESSOR_WINDOW);
  };
}
