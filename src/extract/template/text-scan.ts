import type { RunToken } from './split-run.js';

const EQUIV: Record<string, string> = {
  '（': '[（(]',
  '(': '[（(]',
  '）': '[）)]',
  ')': '[）)]',
  '、': '[、.．,，]',
  '.': '[、.．,，]',
  '“': '["“”]?',
  '”': '["“”]?',
  '/': '[/／]',
};

/**
 * A regex source that matches a label however extraction broke it: any whitespace between characters,
 * full- or half-width brackets, `、` `.` `．` for item markers, optional quotes.
 *
 * @example
 * new RegExp(loose('（三）不予公开')).test('(三) 不\n予公开'); // true
 */
export function loose(label: string): string {
  let source = LOOSE.get(label);
  if (source === undefined) {
    source = looseSource(label);
    LOOSE.set(label, source);
  }
  return source;
}

// Labels are a fixed vocabulary matched against every row and cell: build each source once per process.
const LOOSE = new Map<string, string>();

function looseSource(label: string): string {
  return [...label]
    .filter((ch) => !/\s/.test(ch))
    .map((ch) => EQUIV[ch] ?? ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('\\s*');
}

const CACHE = new Map<string, RegExp>();

/**
 * A compiled regex for a source and flags, built once (labels are matched against every row and cell).
 * Global and sticky regexes carry `lastIndex`, so callers set it before each use.
 *
 * @example
 * regex(loose('总计'), 'g').test('（七）总 计'); // true
 */
export function regex(source: string, flags = ''): RegExp {
  const key = `${flags}/${source}`;
  let re = CACHE.get(key);
  if (!re) {
    re = new RegExp(source, flags);
    CACHE.set(key, re);
  }
  re.lastIndex = 0;
  return re;
}

/**
 * Every match of a regex source (made global) that lies inside `[from, to)`.
 *
 * @example
 * findAll('规章000规章', loose('规章'), 0, 9).length; // 2
 */
export function findAll(text: string, source: string, from: number, to: number): RegExpExecArray[] {
  const re = regex(source, 'g');
  re.lastIndex = from;
  const out: RegExpExecArray[] = [];
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) {
    if (m.index + m[0].length <= to) out.push(m);
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}

const SPACE = /[ \t\u00a0\u3000\r\n|]/;
const DIGIT = /[0-9]/;
const BLANK_CHARS = '-/—－／';

function isSeparatorLine(text: string, at: number): boolean {
  const lineEnd = text.indexOf('\n', at);
  const line = text.slice(at, lineEnd < 0 ? text.length : lineEnd);
  return /-{3,}/.test(line) && /^[|\-: \t]+$/.test(line);
}

function blankLength(text: string, at: number, to: number): number {
  const ch = text[at] ?? '';
  if (!BLANK_CHARS.includes(ch)) return 0;
  let end = at + 1;
  if (ch === '—') while (end < to && text[end] === '—') end++;
  const next = text[end];
  if (next === undefined || end >= to || SPACE.test(next) || /[\u3400-\u9fff]/.test(next)) {
    if (ch === '-' && next !== undefined && end < to && DIGIT.test(next)) return 0;
    return end - at;
  }
  return 0;
}

/**
 * Reads the numbers of one table row from running text: skips what is left of the label (at most
 * `maxLead` characters), then collects numbers and blank markers separated by whitespace or `|` until the
 * first other character. A number glued to the next (`2648-18538`) ends where a sign starts.
 *
 * @example
 * tokenizeRegion('（区分处理的）500000 5（三）', 0, 20).map((t) => t.text); // ['500000', '5']
 */
export function tokenizeRegion(text: string, from: number, to: number, maxLead = 60): RunToken[] {
  let p = from;
  const leadLimit = Math.min(to, from + maxLead);
  // Skip the label's tail up to the first number or standalone blank marker.
  while (p < leadLimit) {
    const ch = text[p] as string;
    if (DIGIT.test(ch) || ((ch === '-' || ch === '+') && DIGIT.test(text[p + 1] ?? ''))) break;
    if ((p === from || SPACE.test(text[p - 1] as string)) && blankLength(text, p, to) > 0) break;
    p++;
  }
  if (p >= leadLimit) return [];
  const tokens: RunToken[] = [];
  while (p < to) {
    const ch = text[p] as string;
    if (SPACE.test(ch)) {
      if ((ch === '|' || ch === '-') && isSeparatorLine(text, p)) {
        const nl = text.indexOf('\n', p);
        p = nl < 0 || nl > to ? to : nl + 1;
        continue;
      }
      p++;
      continue;
    }
    if (DIGIT.test(ch) || ((ch === '-' || ch === '+') && DIGIT.test(text[p + 1] ?? ''))) {
      const m = /[-+]?(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?/y;
      m.lastIndex = p;
      const hit = m.exec(text);
      if (!hit) break;
      const s = hit[0].slice(0, Math.max(1, Math.min(hit[0].length, to - p)));
      tokens.push(s.includes(',') ? { text: s, start: p, single: true } : { text: s, start: p });
      p += s.length;
      continue;
    }
    const b = blankLength(text, p, to);
    if (b > 0 && (p === from || SPACE.test(text[p - 1] as string) || tokens.length === 0)) {
      tokens.push({ text: text.slice(p, p + b), start: p, blank: true });
      p += b;
      continue;
    }
    break;
  }
  return tokens;
}

/**
 * One cell of a pipe (Markdown) table line, with its trimmed text's offset.
 *
 * @example
 * const cell: PipeCell = { text: '0', start: 42 };
 */
export interface PipeCell {
  text: string;
  start: number;
}

/**
 * Splits a Markdown pipe row into trimmed cells, each with its offset in the text.
 *
 * @example
 * pipeCells('| 规章 | 0 |', 0).map((c) => c.text); // ['规章', '0']
 */
export function pipeCells(line: string, lineStart: number): PipeCell[] {
  const cells: PipeCell[] = [];
  let s = line.startsWith('|') ? 1 : 0;
  const end = line.trimEnd().endsWith('|') ? line.trimEnd().length - 1 : line.length;
  while (s <= end) {
    let e = line.indexOf('|', s);
    if (e < 0 || e > end) e = end;
    const raw = line.slice(s, e);
    const lead = raw.length - raw.trimStart().length;
    cells.push({ text: raw.trim(), start: lineStart + s + lead });
    s = e + 1;
    if (e === end) break;
  }
  return cells;
}

/**
 * Pipe-table lines inside `[from, to)`: every line that starts with `|`, with its offset.
 *
 * @example
 * pipeLines('a\n| 1 | 2 |\n', 0, 12); // [{ line: '| 1 | 2 |', start: 2 }]
 */
export function pipeLines(text: string, from: number, to: number): { line: string; start: number }[] {
  const out: { line: string; start: number }[] = [];
  let p = text.lastIndexOf('\n', from - 1) + 1;
  while (p < to) {
    const nl = text.indexOf('\n', p);
    const end = nl < 0 ? text.length : nl;
    const line = text.slice(p, end);
    if (p >= from && /^\s*\|/.test(line)) {
      const lead = line.length - line.trimStart().length;
      out.push({ line: line.trimStart(), start: p + lead });
    }
    if (nl < 0) break;
    p = nl + 1;
  }
  return out;
}

const NUMBER_CELL = /^([-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*(?:万元|元|件|项|个|条)?$/;

/**
 * Whether a cell's text is a number, possibly with its unit (`12`, `1,234`, `-3`, `75394432.52元`).
 *
 * @example
 * isNumberCell('75394432.52元'); // true
 */
export function isNumberCell(s: string): boolean {
  return NUMBER_CELL.test(s);
}

/**
 * The number part of a number cell.
 *
 * @example
 * numberPart('75394432.52元'); // '75394432.52'
 */
export function numberPart(s: string): string {
  return NUMBER_CELL.exec(s)?.[1] ?? s;
}

/**
 * Whether a cell's text marks a blank (empty, `-`, `/`, `—`): a position that states no value.
 *
 * @example
 * isBlankCell('/'); // true
 */
export function isBlankCell(s: string): boolean {
  return s === '' || /^(?:-|\/|—+|－|／)$/.test(s);
}
