import type { LayoutBlock } from '../layout/index.js';
import { TextBuilder } from './text-builder.js';

/**
 * Writes laid-out blocks as a loader's text: one line per paragraph (each piece anchored to its page),
 * tables as grids of tab-separated rows (each row anchored to its page).
 *
 * @example
 * const loaded = { ...writeBlocks(layoutDocument(pages), 'pdf'), pages: pages.length };
 */
export function writeBlocks<F extends 'pdf'>(
  blocks: readonly LayoutBlock[],
  format: F,
): ReturnType<TextBuilder['finish']> & { format: F } {
  const out = new TextBuilder();
  for (const block of blocks) {
    if (block.kind === 'table') {
      out.table(
        block.grid,
        {},
        block.rowPages.map((page) => ({ page })),
      );
      continue;
    }
    for (const part of block.parts) out.append(part.text, { page: part.page });
    out.append('\n', { page: (block.parts.at(-1) as { page: number }).page });
  }
  return out.finish(format);
}
