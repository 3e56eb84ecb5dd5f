import type { Era } from '../../model/index.js';
import { templates } from '../../templates/index.js';
import {
  ACTIVE_CELLS,
  REQUEST_COLUMNS,
  REQUEST_ROWS,
  REVIEW_BLOCKS,
  REVIEW_COLUMNS,
} from '../../templates/template-bc.js';
import type { KeyDef } from '../key-def.js';

// The rows and columns themselves are template data (src/templates/); this module only names their keys.
export type { ActiveCellDef, RequestRowDef } from '../../templates/index.js';
export { ACTIVE_CELLS, REQUEST_COLUMNS, REQUEST_ROWS, REVIEW_BLOCKS, REVIEW_COLUMNS };

function requestKeys(): KeyDef[] {
  const keys: KeyDef[] = [];
  for (const r of REQUEST_ROWS) {
    for (const c of REQUEST_COLUMNS) {
      keys.push({
        key: `requests.${r.row}.${c.col}`,
        label: `${r.label} · ${c.label}`,
        unit: '件',
        eras: [...r.eras],
        group: 'requests',
      });
    }
  }
  return keys;
}

function reviewKeys(): KeyDef[] {
  return REVIEW_BLOCKS.flatMap((b) =>
    REVIEW_COLUMNS.map((c) => ({
      key: `${b.prefix}.${c.col}`,
      label: `${b.label} · ${c.label}`,
      unit: '件',
      eras: ['B', 'C'] as Era[],
      group: b.prefix === 'review' ? 'review' : 'litigation',
    })),
  );
}

/**
 * Keys of the era B and C template tables 二, 三 and 四, in table order.
 *
 * @example
 * TEMPLATE_KEYS.find((k) => k.key === 'requests.resultTotal.total');
 * // { key: 'requests.resultTotal.total', label: '（七）总计 · 总计', unit: '件', eras: ['B', 'C'], group: 'requests' }
 */
export const TEMPLATE_KEYS: KeyDef[] = [
  ...ACTIVE_CELLS.map((c) => ({
    key: c.key,
    label: `${c.row} · ${c.col}`,
    unit: c.unit,
    eras: [...c.eras],
    group: 'active',
  })),
  ...requestKeys(),
  ...reviewKeys(),
];

/**
 * {@link TEMPLATE_KEYS} and the table keys of any revision registered since (src/templates/), each new
 * key after the known ones in the revision's table order.
 *
 * @example
 * templateKeys().length >= TEMPLATE_KEYS.length; // true
 */
export function templateKeys(): KeyDef[] {
  const known = new Set(TEMPLATE_KEYS.map((k) => k.key));
  const extra: KeyDef[] = [];
  const add = (def: KeyDef) => {
    if (known.has(def.key)) return;
    known.add(def.key);
    extra.push(def);
  };
  for (const t of templates()) {
    const eras: Era[] = [t.era];
    for (const c of t.active?.cells ?? [])
      add({ key: c.key, label: `${c.row} · ${c.col}`, unit: c.unit, eras, group: 'active' });
    for (const r of t.requests?.rows ?? [])
      for (const c of t.requests?.columns ?? [])
        add({
          key: `requests.${r.row}.${c.col}`,
          label: `${r.label} · ${c.label}`,
          unit: '件',
          eras,
          group: 'requests',
        });
  }
  return [...TEMPLATE_KEYS, ...extra];
}
