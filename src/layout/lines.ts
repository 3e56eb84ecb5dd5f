import type { LayoutLine, TextRun } from './types.js';

/** Page furniture: `- 4 -`, `-1-`, `第 2 页`, `第2页 共13页`, `2/13`, a bare page number. */
const PAGE_NUMBER =
  /^(?:[-－—–\s]*\d{1,4}[-－—–\s]*|第\s*\d{1,4}\s*页(?:\s*[，,]?\s*共\s*\d{1,4}\s*页)?|共\s*\d{1,4}\s*页\s*第\s*\d{1,4}\s*页|\d{1,4}\s*\/\s*\d{1,4}|page\s*\d+(?:\s*of\s*\d+)?)$/i;

/**
 * Builds a page's lines from the items tables did not take, dropping page numbers and running headers or
 * footers in the top and bottom margins.
 *
 * @example
 * const lines = pageLines(items, 3, 842);
 */
export function pageLines(items: TextRun[], page: number, height: number): LayoutLine[] {
  const lines: LayoutLine[] = [];
  for (const group of groupLines(items.filter((i) => i.text.trim()))) {
    const text = lineText(group);
    if (!text) continue;
    const first = group[0] as TextRun;
    const last = group.at(-1) as TextRun;
    lines.push({
      page,
      text,
      x0: first.x,
      x1: last.x + last.w,
      y: first.y,
      size: Math.max(...group.map((i) => i.size)),
    });
  }
  return lines.filter((l) => !(inMargin(l, height) && PAGE_NUMBER.test(l.text.trim())));
}

function inMargin(line: LayoutLine, height: number): boolean {
  return line.y < height * 0.12 || line.y > height * 0.88;
}

/**
 * Drops running headers and footers: a line in the top or bottom margin whose text (digits aside) comes
 * back on at least half of the pages (and on three or more).
 *
 * @example
 * dropRunningLines(pages, heights);
 */
export function dropRunningLines(pages: LayoutLine[][], heights: number[]): void {
  if (pages.length < 3) return;
  const key = (l: LayoutLine) => l.text.replace(/\d+/g, '#').replace(/\s+/g, '');
  const seen = new Map<string, number>();
  pages.forEach((lines, p) => {
    const keys = new Set(lines.filter((l) => inMargin(l, heights[p] ?? 842)).map(key));
    for (const k of keys) seen.set(k, (seen.get(k) ?? 0) + 1);
  });
  pages.forEach((lines, p) => {
    const kept = lines.filter((l) => {
      if (!inMargin(l, heights[p] ?? 842)) return true;
      const n = seen.get(key(l)) ?? 0;
      return n < 3 || n < pages.length / 2;
    });
    lines.splice(0, lines.length, ...kept);
  });
}

/**
 * Measures of the text column: where lines usually start, how far full lines reach, and whether
 * paragraphs start with a first-line indent (then a line at the left edge never starts a paragraph).
 */
export function textColumn(lines: LayoutLine[]): { left: number; right: number; indented: boolean } {
  const count = new Map<number, number>();
  for (const l of lines) count.set(Math.round(l.x0), (count.get(Math.round(l.x0)) ?? 0) + 1);
  let left = 0;
  let best = -1;
  for (const [x, n] of count) {
    if (n > best || (n === best && x < left)) {
      left = x;
      best = n;
    }
  }
  const ends = lines.map((l) => l.x1).sort((a, b) => a - b);
  const right = ends[Math.floor(ends.length * 0.9)] ?? 0;
  // Lines after a short line start paragraphs: count how many of them are indented.
  let starts = 0;
  let indentedStarts = 0;
  for (let i = 1; i < lines.length; i++) {
    const prev = lines[i - 1] as LayoutLine;
    const line = lines[i] as LayoutLine;
    if (prev.page !== line.page || prev.x1 >= right - prev.size * 3 || prev.x0 < left - prev.size) continue;
    // Only long lines open real paragraphs; short ones are headings, menus and captions.
    if (line.x1 - line.x0 < (right - left) * 0.6) continue;
    starts++;
    if (line.x0 > left + line.size * 0.9 && line.x0 < left + line.size * 4) indentedStarts++;
  }
  return { left, right, indented: starts >= 5 && indentedStarts / starts >= 0.5 };
}

/** A line that opens with a heading or list marker: 一、 （一） 1. 1、 (1) ①. */
export const HEADING_START =
  /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．](?!\d)|[①-⑳])/;

/**
 * Whether `next` continues the paragraph of `line` (a soft line wrap): `line` runs to the right edge of
 * the column, `next` starts at the left edge (no first-line indent) with no heading marker, in the same
 * font size, and, on the same page, follows at normal line spacing. In documents whose paragraphs are not
 * indented, a full line ending a sentence also ends the paragraph.
 *
 * @example
 * continues(a, b, column); // true for `…政务公开网公` / `开信息…`
 */
export function continues(
  line: LayoutLine,
  next: LayoutLine,
  column: { left: number; right: number; indented?: boolean },
): boolean {
  const size = line.size;
  if (Math.abs(next.size - size) > 0.6) return false;
  // Ragged right edges (Latin digits and ASCII punctuation are narrower) leave up to a few characters free.
  if (line.x1 < column.right - size * 3) return false;
  // A full line ending a sentence or introducing a list usually ends its paragraph: splitting a paragraph
  // costs less than swallowing the heading that follows.
  if (HEADING_START.test(next.text)) return false;
  if (!column.indented && /[。！？：:]$/.test(line.text)) return false;
  if (next.x0 > column.left + size * 0.9 || line.x0 < column.left - size * 0.9) return false;
  if (next.page === line.page && (line.y - next.y > size * 2.4 || line.y - next.y < size * 0.5)) return false;
  return true;
}

/** The separator when two wrapped lines are joined: a space only between two Latin words. */
export function wrapJoiner(a: string, b: string): string {
  return /[A-Za-z0-9,.;:]$/.test(a) && /^[A-Za-z0-9(]/.test(b) ? ' ' : '';
}

/** Groups items into lines (top to bottom), each sorted left to right. */
export function groupLines<I extends TextRun>(items: I[]): I[][] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: I[][] = [];
  let current: I[] = [];
  let y = Number.NaN;
  for (const it of sorted) {
    if (current.length > 0 && Math.abs(it.y - y) > Math.max(2, it.size * 0.45)) {
      lines.push(current.sort((a, b) => a.x - b.x));
      current = [];
    }
    if (current.length === 0) y = it.y;
    current.push(it);
  }
  if (current.length > 0) lines.push(current.sort((a, b) => a.x - b.x));
  return lines;
}

const CJK_END = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]$/;
const CJK_GAP =
  /(?<=[\u3000-\u303f\u3400-\u9fff\uff00-\uffef\u201c\u201d])[ \u00a0]+(?=[\u3000-\u303f\u3400-\u9fff\uff00-\uffef\u201c\u201d])/g;
const CJK_START = /^[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

/** A line's text: items in order, with one space where the gap between two items is wide. */
export function lineText(line: TextRun[]): string {
  let out = '';
  let end = Number.NaN;
  for (const it of line) {
    if (!it.text.trim()) continue;
    const cjkPair = CJK_END.test(out) && CJK_START.test(it.text);
    if (out && it.x - end > it.size * 0.3 && !out.endsWith(' ') && !cjkPair) out += ' ';
    out += it.text;
    end = it.x + it.w;
  }
  // Letter-spaced (justified) Chinese comes out as `结 果`: spaces between two Chinese characters go.
  return out.replace(CJK_GAP, '').trim();
}
