import { INDICATORS } from '../templates/era-a.js';
import type { Indicator } from '../templates/index.js';
import type { KeyDef } from './key-def.js';

/**
 * Keys of the era A statistical indicators, in the order of the national 统计表 (src/templates/era-a.ts).
 *
 * @example
 * ERA_A_KEYS.find((k) => k.key === 'org.staff.total')?.unit; // '人'
 */
export const ERA_A_KEYS: KeyDef[] = INDICATORS.map((i: Indicator) => ({
  key: i.key,
  label: i.label,
  unit: i.unit,
  eras: ['A'],
  group: i.key.split('.')[0] ?? i.key,
  ...(i.cumulative ? { cumulative: true } : {}),
}));

/**
 * Keys read from the prose of any era.
 *
 * @example
 * PROSE_KEYS[0].key; // 'fees.informationProcessing'
 */
export const PROSE_KEYS = [
  {
    key: 'fees.informationProcessing',
    label: '信息处理费 (六、其他需要报告的事项)',
    unit: '万元',
    eras: ['C'],
    group: 'fees',
  },
] as const satisfies readonly KeyDef[];
/** A key read from prose only. */
export type ProseKey = (typeof PROSE_KEYS)[number]['key'];

type CoreRow = readonly [key: string, label: string, unit: string];
const CORE_ROWS = [
  ['core.requestsReceived', '收到的申请 (A: 收到申请数; B/C: 本年新收 · 总计)', '件'],
  ['core.requestsCarriedOver', '上年结转的申请 (B/C: 上年结转 · 总计)', '件'],
  ['core.requestsClosed', '办结的申请 (A: 申请办结数, else 申请答复数; B/C: 办理结果总计)', '件'],
  ['core.reviewTotal', '行政复议总数 (A: 行政复议数量; B/C: 表四 行政复议 总计)', '件'],
  ['core.litigationTotal', '行政诉讼总数 (A: 行政诉讼数量; B/C: 直接起诉 + 复议后起诉 总计)', '件'],
  ['core.staff', '从事政府信息公开工作人员数 (A)', '人'],
] as const satisfies readonly CoreRow[];
/** A harmonized `core.*` key. */
export type CoreKey = (typeof CORE_ROWS)[number][0];

/**
 * The harmonized `core.*` series: one comparable value across eras, always derived from other keys.
 *
 * @example
 * CORE_KEYS.map((k) => k.key); // ['core.requestsReceived', …]
 */
export const CORE_KEYS: KeyDef[] = CORE_ROWS.map(([key, label, unit]) => ({
  key,
  label,
  unit,
  eras: ['A', 'B', 'C'],
  group: 'core',
  derived: true,
}));
