/** Decoded text and the encoding it was read as. */
export interface Decoded {
  text: string;
  encoding: string;
}

/**
 * Decodes bytes that start with a byte-order mark (UTF-8, UTF-16LE or UTF-16BE); `undefined` without one.
 *
 * @example
 * decodeByBom(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]))?.text; // 'A'
 */
export function decodeByBom(bytes: Uint8Array): Decoded | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  return undefined;
}

/**
 * Decodes bytes as strict UTF-8; `undefined` when they are not valid UTF-8.
 *
 * @example
 * decodeStrictUtf8(Buffer.from('年报'))?.text; // '年报'
 */
export function decodeStrictUtf8(bytes: Uint8Array): Decoded | undefined {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return undefined;
  }
}
