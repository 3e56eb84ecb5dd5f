import type { MarkerKind } from '../model/index.js';
import { parseCnNumber } from '../text/cn-number.js';
import { SECTION_WORDS } from './vocabulary.js';

/** How a marker sits in its line: alone at the start, after a sentence end, or glued to a word. */
export type MarkerPosition = 'line' | 'sentence' | 'glued';

/** A heading marker found in the text, before deciding whether it opens a section. */
export interface MarkerCandidate {
  /** Offset of the marker itself. */
  start: number;
  markerEnd: number;
  marker: string;
  kind: MarkerKind;
  ordinal: number;
  position: MarkerPosition;
  /** Start of the line the marker is on. */
  lineStart: number;
  /**
   * The number was lost (`)政府信息管理情况` where the text had `(三)`): only a closing bracket is left, and
   * the ordinal (0 here) is the next one of the open run of its kind.
   */
  inferred?: true;
}

const CN = '一二三四五六七八九十';
/**
 * One alternative per marker kind. Look-behinds keep ordinals (`第三`), numbers (`2019.1`), and the
 * middle of a numeral (`二十`) out.
 */
const MARKER = new RegExp(
  [
    `(第[${CN}]{1,3}部分)[、，,：:.．]?`,
    `(第[${CN}]{1,3})[，,、](?=[^\\s，,、])`,
    `(?<![第${CN}两零〇])([${CN}]{1,3})(?:[ \\t\\u3000]?、|[.．](?![\\d]))`,
    `(?<!第)([（(][${CN}]{1,3}[）)])[、.．]?`,
    `(?<![\\d.．])(\\d{1,2})[.、．](?![\\d])`,
    '(?<!第)([（(]\\d{1,2}[）)])[、.．]?',
    '([\\u2460-\\u2473])',
  ].join('|'),
  'g',
);
const KINDS: MarkerKind[] = ['part', 'part', 'cn', 'cn-paren', 'num', 'num-paren', 'circled'];
/** Index of the `第一，` alternative in {@link MARKER}. */
const ORDINAL_COMMA = 1;

/** Characters after which a marker starts a new sentence rather than continuing a word. */
const SENTENCE_END = /[。；;！？!?：:\s>）)\]】」”"]/;

/**
 * Finds every heading-like marker in `text` with its kind, ordinal and position. Markers inside
 * table rows (Markdown `| … |`, or tab-separated cells) are skipped.
 *
 * @example
 * findMarkers('一、总体情况\n（一）主动公开')[1]; // { marker: '（一）', kind: 'cn-paren', ordinal: 1, position: 'line', … }
 */
export function findMarkers(text: string): MarkerCandidate[] {
  const out: MarkerCandidate[] = [];
  // The current line, found once per line (bodies of crawler text are one very long line).
  let lineStart = 0;
  let lineEnd = -1;
  let tableRow = false;
  MARKER.lastIndex = 0;
  for (let m = MARKER.exec(text); m; m = MARKER.exec(text)) {
    const group = m.slice(1, 8).findIndex((g) => g !== undefined);
    const kind = KINDS[group] as MarkerKind;
    const core = m[group + 1] as string;
    const ordinal = ordinalOf(kind, core);
    if (ordinal === null || ordinal < 1) continue;
    const start = m.index;
    if (start > lineEnd) {
      lineStart = text.lastIndexOf('\n', start - 1) + 1;
      const nl = text.indexOf('\n', start);
      lineEnd = nl < 0 ? text.length : nl;
      // A table row: Markdown `| … |`, or cells separated by tabs (trailing padding tabs do not count).
      const line = text.slice(lineStart, lineEnd);
      tableRow = /^\s*\|/.test(line) || /\t[^\S\n]*\S/.test(line);
    }
    if (tableRow) continue;
    let position: MarkerPosition;
    const prefixLength = start - lineStart;
    if (prefixLength <= 8 && /^[\s#>*]*$/.test(text.slice(lineStart, start))) position = 'line';
    else if (SENTENCE_END.test(text[start - 1] ?? '')) position = 'sentence';
    else position = 'glued';
    // `一 、概 述`: a space before the 、 is kept only on a heading line of its own.
    if (position !== 'line' && /\s/.test(m[0])) continue;
    if (
      group === ORDINAL_COMMA &&
      !(position === 'line' && titleLine(text.slice(start + m[0].length, lineEnd)))
    )
      continue;
    out.push({ start, markerEnd: start + m[0].length, marker: m[0], kind, ordinal, position, lineStart });
  }
  for (const m of text.matchAll(ORPHAN_BRACKET)) {
    const rest = (m[2] as string).trim();
    if (/[。；;！？!?，,]/.test(rest) || !SECTION_WORDS.test(rest)) continue;
    const start = m.index + (m[1] as string).length;
    out.push({
      start,
      markerEnd: start + 1,
      marker: text[start] as string,
      kind: 'cn-paren',
      ordinal: 0,
      position: 'line',
      lineStart: m.index,
      inferred: true,
    });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** A short title line opening with a bare closing bracket: a `(三)` heading whose number was lost. */
const ORPHAN_BRACKET = /^([ \t]*)[)）](?=[^\s)）])([^\n]{2,30})$/gm;

/**
 * `第一，` opens a heading (第一，主动公开政府信息情况) only on a short line of its own that reads like a
 * section title; `第一，人员不足。` at the start of a paragraph is an argument.
 */
function titleLine(rest: string): boolean {
  const line = rest.trim();
  return line.length <= 30 && !/[。；;！？!?，,]/.test(line) && SECTION_WORDS.test(line);
}

function ordinalOf(kind: MarkerKind, core: string): number | null {
  switch (kind) {
    case 'part':
      return parseCnNumber(core.endsWith('部分') ? core.slice(1, -2) : core.slice(1))?.value ?? null;
    case 'cn':
      return parseCnNumber(core)?.value ?? null;
    case 'cn-paren':
      return parseCnNumber(core.slice(1, -1))?.value ?? null;
    case 'num':
      return Number(core);
    case 'num-paren':
      return Number(core.slice(1, -1));
    case 'circled':
      return core.charCodeAt(0) - 0x2460 + 1;
  }
}
