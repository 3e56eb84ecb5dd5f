import type { KeyDef } from '../key-def.js';

/**
 * Keys of the era B and C template tables 二, 三 and 四, in table order.
 *
 * @example
 * TEMPLATE_KEYS.find((k) => k.key === 'requests.resultTotal.total');
 */
export const TEMPLATE_KEYS: KeyDef[] = [];
