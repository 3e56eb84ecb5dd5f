import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tokenize, with_dict } from 'jieba-wasm';

/** A word of the text with its UTF-16 span. */
export interface Token {
  word: string;
  start: number;
  end: number;
  /** The domain tag from the shipped dictionary (a channel kind such as `website`), if the word is in it. */
  tag?: string;
}

/** Path of the shipped jieba domain dictionary (`dict/xxgk.dict.txt` beside `dist/` and `src/`). */
export const DICT_PATH = join(dirname(fileURLToPath(import.meta.url)), '../../dict/xxgk.dict.txt');

let domainTags: Map<string, string> | undefined;

/**
 * Loads the domain dictionary into jieba once per process or worker (jieba's dictionary is global
 * state of each isolate) and returns the word → tag map.
 *
 * @example
 * domainDictionary().get('微信公众号'); // 'wechat'
 */
export function domainDictionary(): Map<string, string> {
  if (domainTags) return domainTags;
  const source = readFileSync(DICT_PATH, 'utf8');
  with_dict(source);
  const tags = new Map<string, string>();
  for (const line of source.split('\n')) {
    const [word, , tag] = line.trim().split(/\s+/);
    if (word && tag) tags.set(word, tag);
  }
  domainTags = tags;
  return tags;
}

/**
 * Loads the dictionary and runs jieba once, so that its lazy start-up (building the default
 * dictionary, up to a second on a busy machine) happens now rather than inside the first timed parse.
 * Worker threads call it when they start.
 *
 * @example
 * warmSegmenter();
 */
export function warmSegmenter(): void {
  domainDictionary();
  tokenize('政府信息公开', 'default', true);
}

/**
 * Splits text into words with the domain dictionary, with spans in UTF-16 units offset by `base`.
 * jieba counts code points, so offsets are mapped back (an astral character is two UTF-16 units).
 *
 * @example
 * segmentWords('舒兰发布20条').map((t) => t.word); // ['舒兰发布', '20', '条']
 */
export function segmentWords(text: string, base = 0): Token[] {
  const tags = domainDictionary();
  const units = codePointToUnit(text);
  return tokenize(text, 'default', true).map((t) => {
    const start = base + (units[t.start] ?? text.length);
    const end = base + (units[t.end] ?? text.length);
    const tag = tags.get(t.word);
    return tag ? { word: t.word, start, end, tag } : { word: t.word, start, end };
  });
}

/** units[i] = UTF-16 offset of the i-th code point; one extra entry for the end. */
function codePointToUnit(text: string): number[] {
  const units: number[] = [];
  let unit = 0;
  for (const ch of text) {
    units.push(unit);
    unit += ch.length;
  }
  units.push(unit);
  return units;
}
