import { type Decoded, decodeByBom, decodeStrictUtf8 } from './bom.js';

/**
 * Decodes an HTML page: the BOM first, then the charset its `<meta charset>` or `http-equiv` content
 * type declares, then strict UTF-8, else GB18030. GBK and GB2312 are decoded as GB18030 (their superset).
 *
 * @example
 * decodeHtml(bytes).text; // '<html><head><meta charset="gbk">…'
 */
export function decodeHtml(bytes: Uint8Array): Decoded {
  const bom = decodeByBom(bytes);
  if (bom) return bom;
  const declared = declaredCharset(new TextDecoder('latin1').decode(bytes.subarray(0, 8192)));
  if (declared) {
    try {
      return { text: new TextDecoder(declared).decode(bytes), encoding: declared };
    } catch {
      // an unknown label: fall through to detection
    }
  }
  return decodeStrictUtf8(bytes) ?? { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
}

/** The charset named in the page head, with the GB family mapped to gb18030. */
export function declaredCharset(head: string): string | undefined {
  const m =
    /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head) ??
    /<\?xml[^>]+encoding\s*=\s*["']([\w-]+)/i.exec(head);
  const name = m?.[1]?.toLowerCase();
  if (!name) return undefined;
  if (/^(gb2312|gbk|gb18030|x-gbk|cp936|euc-cn|hz-gb-2312)$/.test(name)) return 'gb18030';
  return name;
}
