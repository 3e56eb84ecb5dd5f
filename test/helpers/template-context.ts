import { readFileSync } from 'node:fs';
import { extractClaims } from '../../src/claims/index.js';
import { type DocContext, emptyMeta } from '../../src/core/context.js';
import { loadBuffer } from '../../src/load/index.js';
import type { LoadedText } from '../../src/load/loaded.js';
import { loadDomainDictionary } from '../../src/node/dictionary.js';
import { segment } from '../../src/segment/index.js';
import { normalizeLoaded } from '../../src/text/normalize.js';

/**
 * What the figure readers take, with the metadata left empty so a table reader is tested on its own
 * (the kernel's meta stage would fill it in).
 */
export function contextOf(loaded: LoadedText, file = '<text>'): DocContext {
  const n = normalizeLoaded(loaded);
  const { sections, numbering } = segment(n.text);
  const withMeta = {
    file,
    format: loaded.format,
    text: n.text,
    tables: n.tables,
    anchors: n.anchors,
    properties: { ...(loaded.properties ?? {}), ...n.header },
    sections,
    numbering,
    warnings: loaded.warnings ?? [],
    meta: emptyMeta(),
  };
  return { ...withMeta, claims: extractClaims(withMeta, loadDomainDictionary()) };
}

/** A context for plain text (an invented fixture or a string). */
export function contextOfText(text: string): DocContext {
  return contextOf({ format: 'txt', text, tables: [], anchors: [] });
}

/** A context for a file on disk, or undefined when no landed loader can read its format yet. */
export async function contextOfFile(path: string): Promise<DocContext | undefined> {
  try {
    return contextOf(await loadBuffer(readFileSync(path), { path }), path);
  } catch (error) {
    if (error instanceof Error && /unsupported|no loader/i.test(error.message)) return undefined;
    throw error;
  }
}
