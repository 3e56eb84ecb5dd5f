import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type DomainDictionary, parseDomainDictionary } from '../extract/segmenter.js';

/** Path of the shipped jieba domain dictionary (`dict/xxgk.dict.txt` beside `dist/` and `src/`). */
export const DICT_PATH = join(dirname(fileURLToPath(import.meta.url)), '../../dict/xxgk.dict.txt');

let shipped: DomainDictionary | undefined;

/**
 * Reads the shipped domain dictionary once per process or worker, for the kernel's `analyze`.
 *
 * @example
 * loadDomainDictionary().tags.get('微信公众号'); // 'wechat'
 */
export function loadDomainDictionary(): DomainDictionary {
  shipped ??= parseDomainDictionary(readFileSync(DICT_PATH, 'utf8'));
  return shipped;
}
