import type { Format } from '../model/report.js';

/**
 * Decides a file's format from its first bytes, falling back to the extension only for text formats,
 * so a file whose extension lies is still read by the right loader.
 *
 * @example
 * sniffFormat(bytes, 'report.docx'); // 'pdf' when the bytes start with %PDF
 */
export function sniffFormat(bytes: Uint8Array, path = ''): Format {
  const ext = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase() ?? '';
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return 'pdf'; // %PDF
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]))
    return 'docx';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'doc'; // OLE2
  if (
    startsWith(bytes, [0x89, 0x50, 0x4e, 0x47]) || // PNG
    startsWith(bytes, [0xff, 0xd8, 0xff]) || // JPEG
    startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || // TIFF, little-endian
    startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a]) // TIFF, big-endian
  )
    return 'image';
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024)).toLowerCase();
  if (/<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]|<meta[\s>]/.test(head)) return 'html';
  if (ext === 'html' || ext === 'htm' || ext === 'shtml' || ext === 'xhtml') return 'html';
  if (ext === 'md' || ext === 'markdown') return 'md';
  if (['pdf', 'docx', 'doc', 'png', 'jpg', 'jpeg', 'tif', 'tiff'].includes(ext)) return 'unknown';
  return 'txt';
}

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}
