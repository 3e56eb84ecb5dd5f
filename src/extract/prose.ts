import type { DocContext } from '../core/context.js';
import type { Channel, Figure } from '../model/index.js';

/**
 * Prose figures and channel statements.
 *
 * @example
 * extractProse(ctx).figures['active.total'].value; // 84
 */
export function extractProse(_ctx: DocContext): { figures: Record<string, Figure>; channels: Channel[] } {
  return { figures: {}, channels: [] };
}
