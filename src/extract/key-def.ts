import type { Era } from '../model/index.js';

/**
 * A canonical figure key and what it means. The registry of these is the single source of the CSV
 * columns and of docs/fields.md.
 *
 * @example
 * const def: KeyDef = { key: 'requests.newReceived.total', label: '一、本年新收政府信息公开申请数量 · 总计', unit: '件', eras: ['B', 'C'], group: 'requests' };
 */
export interface KeyDef {
  key: string;
  /** The label as the report prints it (row · column for table cells). */
  label: string;
  /** The unit the value is expressed in (money: 万元). */
  unit: string;
  eras: Era[];
  /** Family for grouping in docs and CSV: 'active', 'requests', 'review', 'litigation', 'applications', … */
  group: string;
  /** True for values computed from other keys (`core.*`, unprinted subtotals). */
  derived?: boolean;
  /** True when a statistics table may also give the running total since records began (`<key>@cumulative`). */
  cumulative?: boolean;
}
