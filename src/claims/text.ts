import type { Section } from '../model/index.js';

/** Characters that end a sentence for the claims (a line break ends one too: headings and list items). */
export const SENTENCE_END = /[。！？!?\n]/;
/** Characters that end a clause inside a sentence. */
export const CLAUSE_END = /[，,；;。！？!?\n]/;

/**
 * Whether the line break at `i` only wraps a sentence: the line ends in a comma or an enumeration comma,
 * which no heading, list item or sentence ends with, and the next line is no table row. A narrow page
 * reflows a paragraph there, and the sentence must read the same either way.
 *
 * @example
 * wrapsSentence('收到申请749件，\n其中自然人741件。', 9); // true
 */
export function wrapsSentence(text: string, i: number): boolean {
  let p = i - 1;
  while (p >= 0 && (text[p] === ' ' || text[p] === '\t' || text[p] === '\r' || text[p] === '\u3000')) p--;
  if (text[p] !== '，' && text[p] !== '、') return false;
  let n = i + 1;
  while (n < text.length && (text[n] === ' ' || text[n] === '\t' || text[n] === '\u3000')) n++;
  return n < text.length && text[n] !== '|' && text[n] !== '\n';
}

/**
 * Sentence spans of `text`, without surrounding white space, leaving out any that start inside `skip`.
 * A line break that only wraps a sentence ({@link wrapsSentence}) does not end it.
 *
 * @example
 * sentenceSpans('甲。乙\n丙', []); // [[0, 2], [2, 3], [4, 5]]
 */
export function sentenceSpans(text: string, skip: [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = text[i];
    if (i < text.length && !SENTENCE_END.test(c as string)) continue;
    if (c === '\n' && wrapsSentence(text, i)) continue;
    let s = start;
    let e = i < text.length && c !== '\n' ? i + 1 : i;
    while (s < e && /\s/.test(text[s] as string)) s++;
    while (e > s && /\s/.test(text[e - 1] as string)) e--;
    if (e > s && !skip.some(([a, b]) => a <= s && s < b)) out.push([s, e]);
    start = i + 1;
  }
  return out;
}

/**
 * The clause holding `offset` inside the sentence `[s, e)`: the text between clause punctuation.
 *
 * @example
 * clauseAt('甲，乙丙；丁', 3, 0, 6); // [2, 4]
 */
export function clauseAt(text: string, offset: number, s: number, e: number): [number, number] {
  let a = offset;
  while (a > s && !CLAUSE_END.test(text[a - 1] as string)) a--;
  let b = offset;
  while (b < e && !CLAUSE_END.test(text[b] as string)) b++;
  return [a, b];
}

/**
 * The id and title of the deepest section holding an offset, for statements whose subject the heading
 * names (`三、依申请公开情况` … `无`).
 *
 * @example
 * sectionOf(report.sections, 120)?.title; // '依申请公开情况'
 */
export function sectionOf(sections: Section[], offset: number): Section | undefined {
  let found: Section | undefined;
  let level = sections;
  for (;;) {
    const hit = level.find((s) => s.extent[0] <= offset && offset < s.extent[1]);
    if (!hit) return found;
    found = hit;
    level = hit.children;
  }
}

/** Words saying a figure is a running total since records began, not this year's. */
export const CUMULATIVE =
  /到目前|至今|迄今|截至目前|截止目前|截至到目前|截止到目前|以来|历年|累计至今|自.{0,12}起累计/;
/** Words saying a figure is of another period. */
export const OTHER_PERIOD = /上年度|上一年度?|去年|前年|上半年|下半年|同期|第[一二三四]季度|[一二三四]季度/;
