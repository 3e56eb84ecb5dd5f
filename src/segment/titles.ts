import type { MarkerCandidate } from './markers.js';
import { TITLE_END_STRONG, TITLE_END_WEAK } from './vocabulary.js';

/** A heading title located in the text. */
export interface TitleSpan {
  title: string;
  /** Offset where the title text starts (after the marker and spaces). */
  start: number;
  /** Offset after the title's last character (excluding a closing 。). */
  end: number;
}

/** Longest title read from running text before the end-word rule applies. */
const MAX_INLINE = 40;
/** Longest stretch of a line read for a title (a paragraph that starts with a marker runs on). */
const MAX_LINE_TITLE = 200;
/** Longest next line joined to a heading split over two lines. */
const MAX_CONTINUATION = 16;

/**
 * Reads the title after a marker. On a line of its own the title runs to the first sentence end or
 * the line end (a short continuation line that completes the title is joined: PDF and HTML split
 * headings); in running text it stops at a sentence end, a space, the next marker or a digit after
 * Chinese (`总体情况2021年`), and a comma-bounded run is cut after its last title word (情况, 事项 …).
 *
 * @example
 * readTitle('一、总体情况2021年，我区…', marker, 8).title; // '总体情况'
 */
export function readTitle(text: string, c: MarkerCandidate, nextStart: number): TitleSpan {
  let start = c.markerEnd;
  while (start < text.length && /[ \t\u00a0\u3000]/.test(text[start] as string)) start++;
  const limit = lineEndWithin(text, start, Math.min(nextStart, start + MAX_LINE_TITLE));
  if (c.position === 'line') return lineTitle(text, start, limit);
  return inlineTitle(text, start, limit);
}

function lineTitle(text: string, start: number, limit: number): TitleSpan {
  const line = text.slice(start, limit);
  const stop = /[。；;！？!?\t]/.exec(line);
  let end = start + (stop ? stop.index : line.length);
  if (!stop && line.length > 60) {
    const colon = /[：:，,]/.exec(line);
    if (colon) end = start + colon.index;
  }
  end = trimEnd(text, start, end);
  // A heading split over two lines: the next line is short, has no punctuation and completes the title.
  if (!stop && limit < text.length && text[limit] === '\n') {
    const nextEnd = lineEndWithin(text, limit + 1, limit + 2 + MAX_CONTINUATION);
    const next = text.slice(limit + 1, nextEnd).trim();
    const title = text.slice(start, end);
    if (
      next.length > 0 &&
      next.length <= MAX_CONTINUATION &&
      !/[。，,；;：:、|（(]/.test(next) &&
      !/^[#\d一二三四五六七八九十①-⑳]/.test(next) &&
      !endsWithTitleWord(title) &&
      endsWithTitleWord(title + next)
    ) {
      const contEnd = trimEnd(text, limit + 1, nextEnd);
      return { title: tidy(title + text.slice(limit + 1, contEnd)), start, end: contEnd };
    }
  }
  return { title: tidy(text.slice(start, end)), start, end };
}

/** A title on one line: spaces that extraction left between Chinese characters are dropped. */
function tidy(s: string): string {
  return s.trim().replace(/(?<=[\u3000-\u9fff\uff00-\uffef])\s+(?=[\u3000-\u9fff\uff00-\uffef])/g, '');
}

function inlineTitle(text: string, start: number, limit: number): TitleSpan {
  const windowEnd = Math.min(limit, start + MAX_INLINE);
  const window = text.slice(start, windowEnd);
  // Boundaries: sentence ends, spaces, commas, a year or count starting right after Chinese.
  const boundary = /[。；;！？!?：:\s，,]|(?<=[\u4e00-\u9fff])(?=\d)|(?<=.)(?=一是)/.exec(window);
  const run = window.slice(0, boundary ? boundary.index : window.length);
  let cut = run.length;
  // Body text glued to the title (基本情况今年…, 改进情况目前…): cut after the last title word.
  const strong = titleWordEnd(run);
  if (strong > 0) cut = strong;
  else if (run.length > 20) {
    const verb = SENTENCE_START.exec(run.slice(2));
    if (verb) cut = verb.index + 2;
    else cut = lastTitleWordEnd(run, false) || run.length;
  }
  let end = start + cut;
  if (end === limit) end = trimEnd(text, start, end);
  return { title: tidy(text.slice(start, end)), start, end: Math.max(start, end) };
}

/** Words that start body sentences, where a title glued to its paragraph ends. */
const SENTENCE_START =
  /(?<![存现所正实内外])在|对|按照|根据|通过|指定|今年|全年|本年|目前|虽然|由于|为了|截至|截止|我区|我县|我局|我市|我委|我办|我们|各单位|[一二三四五六七八九十]是/;
const SENTENCE_START_AT = new RegExp(`^(?:${SENTENCE_START.source})`);

/**
 * End of the title inside a run of text: after the first title word (情况, 方面 …) that a body
 * sentence follows, else after the last title word; 0 when there is none.
 */
function titleWordEnd(run: string): number {
  let last = 0;
  for (const m of run.matchAll(TITLE_END_STRONG)) {
    const end = m.index + m[0].length;
    if (end < run.length && SENTENCE_START_AT.test(run.slice(end))) return end;
    last = end;
  }
  // 存在问题虽然…成效: a body sentence starting before the last title word ends the title there.
  const verb = run.length > 12 ? SENTENCE_START.exec(run.slice(2)) : null;
  if (verb && verb.index + 2 < last) return verb.index + 2;
  return last;
}

/** End offset (within `s`) of the last strong title word, else of the last weak one; 0 when none. */
function lastTitleWordEnd(s: string, strongOnly: boolean): number {
  let best = 0;
  for (const m of s.matchAll(TITLE_END_STRONG)) best = m.index + m[0].length;
  if (best > 0 || strongOnly) return best;
  for (const m of s.matchAll(TITLE_END_WEAK)) best = m.index + m[0].length;
  return best;
}

/** True when a title ends like a section title (情况, 事项 …). */
export function endsWithTitleWord(title: string): boolean {
  const t = title.replace(/[\s。：:]+$/, '');
  for (const m of t.matchAll(TITLE_END_STRONG)) if (m.index + m[0].length === t.length) return true;
  return false;
}

function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /[\s。：:，,、]/.test(text[e - 1] as string)) e--;
  return e;
}

/** The first line break in `[from, to)`, else `to` (clamped to the text): a bounded scan. */
function lineEndWithin(text: string, from: number, to: number): number {
  const end = Math.min(to, text.length);
  for (let i = from; i < end; i++) if (text.charCodeAt(i) === 10) return i;
  return end;
}
