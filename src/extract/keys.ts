import { CORE_KEYS, ERA_A_KEYS, PROSE_KEYS } from './era-a-keys.js';
import type { KeyDef } from './key-def.js';
import { TEMPLATE_KEYS, templateKeys } from './template/keys.js';

/**
 * Every canonical key, in the stable order used for CSV columns and docs/fields.md: era A indicators,
 * prose keys, the template tables 二三四, then the harmonized `core.*` series.
 *
 * @example
 * ALL_KEYS.map((k) => k.key); // ['active.total', …, 'requests.newReceived.natural', …, 'core.staff']
 */
export const ALL_KEYS: KeyDef[] = mergeKeys([...ERA_A_KEYS, ...PROSE_KEYS, ...TEMPLATE_KEYS, ...CORE_KEYS]);

/**
 * {@link ALL_KEYS} with the keys of template revisions registered at run time (src/templates/), in the
 * same order: what docs/fields.md and the CSV columns list.
 *
 * @example
 * allKeys().some((k) => k.key === 'requests.resultTotal.total'); // true
 */
export function allKeys(): KeyDef[] {
  return mergeKeys([...ERA_A_KEYS, ...PROSE_KEYS, ...templateKeys(), ...CORE_KEYS]);
}

/** One entry per key: a key shared by several eras (e.g. `review.total`) keeps its first place and joins the eras. */
function mergeKeys(defs: KeyDef[]): KeyDef[] {
  const byKey = new Map<string, KeyDef>();
  for (const def of defs) {
    const seen = byKey.get(def.key);
    if (!seen) byKey.set(def.key, { ...def, eras: [...def.eras] });
    else for (const era of def.eras) if (!seen.eras.includes(era)) seen.eras.push(era);
  }
  return [...byKey.values()];
}

/**
 * Looks up a key's definition (registered template revisions included); `<key>@cumulative` resolves to
 * its base key.
 *
 * @example
 * keyDef('active.total@cumulative')?.unit; // '条'
 */
export function keyDef(key: string): KeyDef | undefined {
  const base = key.split('@')[0];
  return ALL_KEYS.find((k) => k.key === base) ?? allKeys().find((k) => k.key === base);
}
