import type { KeyDef } from './key-def.js';
import { TEMPLATE_KEYS } from './template/keys.js';

/**
 * Every canonical key, in the stable order used for CSV columns and docs/fields.md.
 *
 * @example
 * ALL_KEYS.map((k) => k.key); // ['active.total', …, 'requests.newReceived.natural', …]
 */
export const ALL_KEYS: KeyDef[] = [...TEMPLATE_KEYS];
