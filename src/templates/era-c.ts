import {
  ACTIVE_CELLS,
  OUTCOME_GROUPS,
  REQUEST_COLUMNS,
  REQUEST_FLOW,
  REQUEST_LABELS,
  REQUEST_ROWS,
  REVIEW_BLOCKS,
  REVIEW_COLUMNS,
  SECTIONS_BC,
  SHARED_TOKENS_BC,
} from './template-bc.js';
import type { Template } from './types.js';

const DECISIONS = { 处理决定数量: '本年处理决定数量' };

/**
 * Era C: the 2021 template (国办公开办函〔2021〕30号), reports on 2021 onwards.
 *
 * @example
 * ERA_C.active?.cells.map((c) => c.key).includes('active.fees.amount'); // true
 */
export const ERA_C: Template = {
  id: 'C',
  era: 'C',
  name: '国办公开办函〔2021〕30号',
  years: [2021],
  sections: SECTIONS_BC,
  tokens: {
    // The new table-2 columns and table-3 row (六)2.
    strong: [/本年制发件数|本年废止件数|现行有效件数|本年收费金额|申请人逾期未按收费通知要求缴纳费用/g],
    shared: SHARED_TOKENS_BC,
  },
  active: {
    cells: ACTIVE_CELLS.filter((c) => c.eras.includes('C')),
    blocks: [
      { caption: '第二十条第（一）项', rows: ['规章', '行政规范性文件'] },
      { caption: '第二十条第（五）项', rows: ['行政许可'], headers: DECISIONS },
      { caption: '第二十条第（六）项', rows: ['行政处罚', '行政强制'], headers: DECISIONS },
      {
        caption: '第二十条第（八）项',
        rows: ['行政事业性收费'],
        headers: { 本年收费金额: '本年收费金额（单位：万元）' },
      },
    ],
    markers: ['本年制发件数', '本年废止件数', '现行有效件数', '本年收费金额', '本年处理决定数量'],
    rowNames: { 规范性文件: '行政规范性文件' },
  },
  requests: {
    columns: REQUEST_COLUMNS,
    rows: REQUEST_ROWS.filter((r) => r.eras.includes('C')),
    labels: REQUEST_LABELS,
    groups: OUTCOME_GROUPS,
    flow: REQUEST_FLOW,
  },
  review: { blocks: REVIEW_BLOCKS, columns: REVIEW_COLUMNS },
};
