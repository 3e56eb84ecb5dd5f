import type { LoadedText } from '../load/loaded.js';
import type { Anchor, Span, Table } from '../model/index.js';
import { foldGlyph, foldGlyphs, mayBeGlyphVariant } from './glyphs.js';
import { type OffsetMap, OffsetMapBuilder } from './offset-map.js';
import { isTraditional, toSimplifiedAligned } from './traditional.js';

const CJK = '\\u2e80-\\u2fdf\\u3400-\\u9fff\\uf900-\\ufaff';
/**
 * Spaces that PDF and HTML extraction put between Chinese and Latin text (`截至 2019 年`). Only a run of
 * spaces between a CJK character and an ASCII letter or digit (either order) is dropped: spaces between
 * two numbers separate table cells, and spaces between two Chinese words often mark an inline heading.
 */
const CJK_LATIN_GAP = new RegExp(
  `(?<=[${CJK}])[ \\u00a0\\u3000]+(?=[0-9A-Za-z])|(?<=[0-9A-Za-z%])[ \\u00a0\\u3000]+(?=[${CJK}])`,
  'y',
);
/** Leaked Word conditional comments and stray HTML comments (`<!--[if !supportLists]-->`). */
const WORD_MARKUP = /<!--\[if [^\]]*\]>?-->|<!--\[endif\]-->|<!\[if [^\]]*\]>|<!\[endif\]>/y;
/**
 * Pinyin that reading-aid mirrors print after a character (`報(bào)告`, `復(fù)議`): one syllable with a tone
 * mark in parentheses right after a Han character. It splits words (行政复(fù)议 is no longer 行政复议), so
 * it is dropped. A tone mark is required so that `(a)`, `(pdf)` or a bracketed English word stays.
 */
const PINYIN_RUBY =
  /(?<=[\u3400-\u9fff\uf900-\ufaff])[(（][a-zü]{0,5}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]{0,5}[)）]/y;
/** Invisible characters that only get in the way of matching. */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/y;

/**
 * A crawler's header block: a few short lines (mostly `key: value`), then a `==== 正文 ====` rule. Lines
 * without a colon (`页面链接与图片详见 links.tsv`) belong to the block too.
 */
const CRAWLER_HEADER = /^(?:[^\n]{0,200}\n){1,20}?=+ *正文 *=+[ \t]*\n/;

export interface NormalizedText {
  text: string;
  map: OffsetMap;
  /** Fields of a stripped crawler header (`标题`, `发布时间` …), if there was one. */
  header: Record<string, string>;
}

/**
 * Cleans extracted text without losing track of positions: line endings to `\n`, full-width digits,
 * letters and spaces to ASCII, CJK radicals and compatibility ideographs that PDF fonts emit folded to
 * the ideographs they stand for (`⼈⺠` → 人民), spaces between Chinese and digits dropped, leaked Word
 * markup, pinyin reading aids (`報(bào)告`) and a crawler header removed. The returned map relates every output offset to the input.
 *
 * @example
 * normalizeText('截至 ２０１９ 年\r\n').text; // '截至2019年\n'
 */
export function normalizeText(input: string): NormalizedText {
  const b = new OffsetMapBuilder(input);
  const header: Record<string, string> = {};
  let i = 0;
  const head = CRAWLER_HEADER.exec(input);
  if (head) {
    for (const line of head[0].split('\n')) {
      const m = /^([^:：]{1,12})[:：]\s*(.*)$/.exec(line);
      if (m?.[1] && m[2] !== undefined && !m[1].startsWith('=')) header[m[1].trim()] = m[2].trim();
    }
    i = head[0].length;
  }
  const n = input.length;
  while (i < n) {
    const c = input.charCodeAt(i);
    if (c === 0x0d) {
      b.emit('\n', i, input.charCodeAt(i + 1) === 0x0a ? i + 2 : i + 1);
      i += input.charCodeAt(i + 1) === 0x0a ? 2 : 1;
      continue;
    }
    if (c === 0x28 || c === 0xff08) {
      PINYIN_RUBY.lastIndex = i;
      const m = PINYIN_RUBY.exec(input);
      if (m) {
        i += m[0].length;
        continue;
      }
    }
    if (c === 0x3c /* < */ || c === 0x200b || c === 0xfeff || c === 0x00ad || (c >= 0x200c && c <= 0x2060)) {
      const re = c === 0x3c ? WORD_MARKUP : INVISIBLE;
      re.lastIndex = i;
      const m = re.exec(input);
      if (m) {
        i += m[0].length;
        continue;
      }
    }
    if (c === 0x20 || c === 0xa0 || c === 0x3000) {
      CJK_LATIN_GAP.lastIndex = i;
      const m = CJK_LATIN_GAP.exec(input);
      if (m) {
        i += m[0].length;
        continue;
      }
    }
    if (mayBeGlyphVariant(c)) {
      const folded = foldGlyph(input, i);
      if (folded) {
        b.emit(folded.text, i, i + folded.length);
        i += folded.length;
        continue;
      }
    }
    if (c >= 0xff01 && c <= 0xff5e && isFullWidthAlnum(c)) {
      b.emit(String.fromCharCode(c - 0xfee0), i, i + 1);
    } else if (c === 0x3000 || c === 0xa0) {
      b.emit(' ', i, i + 1);
    } else {
      b.copy(i, i + 1);
    }
    i++;
  }
  const { text, map } = b.finish();
  return { text, map, header };
}

function isFullWidthAlnum(c: number): boolean {
  return (
    (c >= 0xff10 && c <= 0xff19) ||
    (c >= 0xff21 && c <= 0xff3a) ||
    (c >= 0xff41 && c <= 0xff5a) ||
    c === 0xff0e ||
    c === 0xff05 ||
    c === 0xff0d ||
    c === 0xff20
  );
}

/** A loader's output after {@link normalizeLoaded}. */
export interface NormalizedLoaded extends LoadedText {
  /** Fields of a stripped crawler header (`标题`, `发布时间` …). */
  header: Record<string, string>;
  /** The document was in traditional script: `text` is its simplified search text, of the same length. */
  traditional?: true;
}

/**
 * Normalizes a loader's output: the text as {@link normalizeText} does, with every table-cell span and
 * anchor moved onto the normalized text. A document in traditional script is read through a simplified
 * text of exactly the same length ({@link toSimplifiedAligned}), so every span found in it indexes the
 * original document at the same place, and anchors and table cells stay where they were.
 *
 * @example
 * const { text, tables } = normalizeLoaded(await loadDocx(bytes));
 */
export function normalizeLoaded(loaded: LoadedText): NormalizedLoaded {
  const normalized = normalizeText(loaded.text);
  const { map } = normalized;
  const traditional = isTraditional(normalized.text);
  const text = traditional ? toSimplifiedAligned(normalized.text) : normalized.text;
  const move = (s: Span): Span => map.fromSourceSpan(s[0], s[1]);
  const tables: Table[] = loaded.tables.map((t) => ({
    ...t,
    span: move(t.span),
    rows: t.rows.map((r) =>
      r.map((cell) => {
        const span = move(cell.span);
        return { ...cell, span, text: text.slice(span[0], span[1]) };
      }),
    ),
  }));
  const anchors: Anchor[] = loaded.anchors.map((a) => ({ ...a, span: move(a.span) }));
  // Document properties (a PDF's Title) come from the same fonts and editors: fold and convert them too.
  const clean = (v: string) => (traditional ? toSimplifiedAligned(foldGlyphs(v)) : foldGlyphs(v));
  const header = Object.fromEntries(Object.entries(normalized.header).map(([k, v]) => [k, clean(v)]));
  const properties = loaded.properties
    ? Object.fromEntries(Object.entries(loaded.properties).map(([k, v]) => [k, clean(v)]))
    : undefined;
  return {
    ...loaded,
    text,
    tables,
    anchors,
    header,
    ...(properties ? { properties } : {}),
    ...(traditional ? { traditional: true as const } : {}),
  };
}
