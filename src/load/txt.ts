import { type Decoded, decodeByBom, decodeStrictUtf8 } from './bom.js';
import { LoadError, type LoadedText } from './loaded.js';

/**
 * Decodes the bytes of a text file: BOM first, then strict UTF-8, then UTF-16 without a BOM (by the share
 * of code units in CJK/ASCII ranges), else GB18030 (a superset of GBK and GB2312).
 *
 * @example
 * decodeText(readFileSync('report.gbk.txt')); // the text, whatever the encoding
 */
export function decodeText(bytes: Uint8Array): Decoded {
  const bom = decodeByBom(bytes);
  if (bom) return bom;
  // Valid UTF-8 without NUL bytes is UTF-8: UTF-16 text of any length almost never is.
  const utf8 = bytes.includes(0) ? undefined : decodeStrictUtf8(bytes);
  if (utf8) return utf8;
  const utf16 = sniffUtf16(bytes);
  if (utf16) return { text: new TextDecoder(utf16).decode(bytes), encoding: utf16 };
  return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
}

/** UTF-16 without a BOM: nearly every code unit is ASCII, CJK, CJK punctuation or full-width. */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return null;
  const n = Math.min(bytes.length, 4096) & ~1;
  let le = 0;
  let be = 0;
  for (let i = 0; i < n; i += 2) {
    if (plausibleUnit((bytes[i + 1] as number) * 256 + (bytes[i] as number))) le++;
    if (plausibleUnit((bytes[i] as number) * 256 + (bytes[i + 1] as number))) be++;
  }
  const units = n / 2;
  if (le / units > 0.95 && le >= be) return 'utf-16le';
  if (be / units > 0.95) return 'utf-16be';
  return null;
}

function plausibleUnit(u: number): boolean {
  return (
    (u >= 0x09 && u <= 0x0d) ||
    (u >= 0x20 && u <= 0x7e) ||
    (u >= 0x3000 && u <= 0x303f) ||
    (u >= 0x4e00 && u <= 0x9fff) ||
    (u >= 0xff00 && u <= 0xffef) ||
    (u >= 0x2010 && u <= 0x2027)
  );
}

/**
 * Loads a plain-text (or Markdown) report. Lines become anchors so that offsets map back to a line.
 *
 * @example
 * const loaded = loadTxt(bytes);
 */
export function loadTxt(bytes: Uint8Array, format: 'txt' | 'md' = 'txt'): LoadedText {
  const { text } = decodeText(bytes);
  if (looksBinary(text)) {
    throw new LoadError(
      'binary',
      'the file is binary data, not text (control characters or undecodable bytes)',
    );
  }
  return { format, text, tables: [], anchors: [] };
}

/**
 * Whether decoded "text" is really binary data: text files hold next to no control characters and no
 * undecodable bytes, while random or binary bytes decoded as GB18030 are full of both.
 *
 * @example
 * looksBinary('政府信息公开'); // false
 */
export function looksBinary(text: string): boolean {
  const n = Math.min(text.length, 65536);
  if (n === 0) return false;
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0xfffd || c === 0x7f)
      bad++;
  }
  return bad / n > 0.005 && bad > 1;
}
