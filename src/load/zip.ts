import { Inflate } from 'fflate';
import { LoadError, type LoadLimits } from './loaded.js';

/** One entry of a zip's central directory. */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  /** Size the archive declares; checked against the limits before anything is inflated. */
  size: number;
  localOffset: number;
}

/**
 * Reads a zip's central directory without inflating anything, enforcing the entry-count and declared
 * uncompressed-size limits, so a zip bomb is refused before it costs memory.
 *
 * @example
 * const entries = listZip(bytes, DEFAULT_LIMITS); // [{ name: 'word/document.xml', size: 38199, … }, …]
 */
export function listZip(
  bytes: Uint8Array,
  limits: Pick<LoadLimits, 'maxZipEntries' | 'maxUncompressedBytes'>,
): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0)
    throw new LoadError('corrupt', 'the zip container is truncated or damaged (no central directory)');
  const count = view.getUint16(eocd + 10, true);
  const dirOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || dirOffset === 0xffffffff) {
    throw new LoadError('zip-bomb', 'the zip uses 64-bit sizes, which no real report needs');
  }
  if (count > limits.maxZipEntries) {
    throw new LoadError(
      'zip-bomb',
      `the zip has ${count} entries, more than the limit of ${limits.maxZipEntries}`,
    );
  }
  const entries: ZipEntry[] = [];
  let total = 0;
  let p = dirOffset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50) {
      throw new LoadError('corrupt', 'the zip central directory is damaged');
    }
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    const entry: ZipEntry = {
      method: view.getUint16(p + 10, true),
      compressedSize: view.getUint32(p + 20, true),
      size: view.getUint32(p + 24, true),
      name: new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLength)),
      localOffset: view.getUint32(p + 42, true),
    };
    if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff) {
      throw new LoadError(
        'zip-bomb',
        `zip entry ${entry.name} uses 64-bit sizes, which no real report needs`,
      );
    }
    total += entry.size;
    if (total > limits.maxUncompressedBytes) {
      throw new LoadError(
        'zip-bomb',
        `the zip declares more than ${limits.maxUncompressedBytes} bytes uncompressed (a zip bomb?)`,
      );
    }
    entries.push(entry);
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * Inflates one entry, streaming, and stops as soon as the output grows past what the entry declared or
 * the limit allows: a zip whose headers lie about sizes still cannot exhaust memory.
 *
 * @example
 * const xml = new TextDecoder().decode(readZipEntry(bytes, entry, DEFAULT_LIMITS));
 */
export function readZipEntry(
  bytes: Uint8Array,
  entry: ZipEntry,
  limits: Pick<LoadLimits, 'maxUncompressedBytes'>,
): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== 0x04034b50) {
    throw new LoadError('corrupt', `zip entry ${entry.name} is damaged`);
  }
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (data.length < entry.compressedSize)
    throw new LoadError('corrupt', `zip entry ${entry.name} is truncated`);
  const cap = Math.min(entry.size, limits.maxUncompressedBytes);
  if (entry.method === 0) return data.subarray(0, cap);
  if (entry.method !== 8)
    throw new LoadError('corrupt', `zip entry ${entry.name} uses unknown compression ${entry.method}`);
  const out = new Uint8Array(cap);
  let n = 0;
  const inflater = new Inflate((chunk) => {
    if (n + chunk.length > cap) {
      throw new LoadError(
        'zip-bomb',
        `zip entry ${entry.name} inflates past its declared size of ${entry.size} bytes`,
      );
    }
    out.set(chunk, n);
    n += chunk.length;
  });
  try {
    const step = 1 << 16;
    for (let i = 0; i < data.length; i += step)
      inflater.push(data.subarray(i, i + step), i + step >= data.length);
  } catch (error) {
    if (error instanceof LoadError) throw error;
    throw new LoadError('corrupt', `zip entry ${entry.name} cannot be inflated`, { cause: error });
  }
  return out.subarray(0, n);
}
