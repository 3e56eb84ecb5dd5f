import { tokenize, with_dict } from 'jieba-wasm';

/** A word of the text with its UTF-16 span. */
export interface Token {
  word: string;
  start: number;
  end: number;
  /** The domain tag from the shipped dictionary (a channel kind such as `website`), if the word is in it. */
  tag?: string;
}

/**
 * The jieba domain dictionary (`dict/xxgk.dict.txt`): its text, in jieba's user-dictionary format, and
 * the tag of each word that has one. The caller reads the file (see `loadDomainDictionary` in
 * `src/node/`); the analysis does no I/O.
 *
 * @example
 * const dictionary = parseDomainDictionary('微信公众号 10 wechat\n');
 * dictionary.tags.get('微信公众号'); // 'wechat'
 */
export interface DomainDictionary {
  readonly source: string;
  readonly tags: ReadonlyMap<string, string>;
}

/**
 * Reads a dictionary's text (one `word frequency tag` a line).
 *
 * @example
 * parseDomainDictionary('舒兰发布 10 wechat\n').tags.size; // 1
 */
export function parseDomainDictionary(source: string): DomainDictionary {
  const tags = new Map<string, string>();
  for (const line of source.split('\n')) {
    const [word, , tag] = line.trim().split(/\s+/);
    if (word && tag) tags.set(word, tag);
  }
  return { source, tags };
}

/** The dictionary jieba holds: its dictionary is global state of each isolate, added to, never removed. */
let installed: DomainDictionary | undefined;

function install(dictionary: DomainDictionary): void {
  if (installed === dictionary) return;
  with_dict(dictionary.source);
  installed = dictionary;
}

/**
 * Splits text into words with the domain dictionary, with spans in UTF-16 units offset by `base`.
 * jieba counts code points, so offsets are mapped back (an astral character is two UTF-16 units).
 *
 * @example
 * segmentWords('舒兰发布20条', 0, dictionary).map((t) => t.word); // ['舒兰发布', '20', '条']
 */
export function segmentWords(text: string, base: number, dictionary: DomainDictionary): Token[] {
  install(dictionary);
  const units = codePointToUnit(text);
  return tokenize(text, 'default', true).map((t) => {
    const start = base + (units[t.start] ?? text.length);
    const end = base + (units[t.end] ?? text.length);
    const tag = dictionary.tags.get(t.word);
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
