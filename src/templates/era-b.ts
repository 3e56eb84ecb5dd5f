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

/**
 * Era B: the 2019 template (国办公开办函〔2019〕60号), reports on 2019 and 2020.
 *
 * @example
 * ERA_B.requests?.rows.some((r) => r.row === 'otherHandling.all'); // true
 */
export const ERA_B: Template = {
  id: 'B',
  era: 'B',
  name: '国办公开办函〔2019〕60号',
  years: [2019, 2020],
  sections: SECTIONS_BC,
  tokens: {
    strong: [
      /本年新制作数量|对外公开总数量|上一年项目数量|本年增\s*\/\s*减/g,
      // （六）其他处理 followed directly by numbers: the 2019 single row (2021 splits it into three).
      /[（(]六[）)]\s*其他处理\s*(?=\d)/,
    ],
    // 2019-template rows that prose also uses (推进政府集中采购信息公开).
    weak: [/政府集中采购|采购总金额/g],
    shared: SHARED_TOKENS_BC,
  },
  active: {
    cells: ACTIVE_CELLS.filter((c) => c.eras.includes('B')),
    blocks: [
      { caption: '第二十条第（一）项', rows: ['规章', '规范性文件'] },
      { caption: '第二十条第（五）项', rows: ['行政许可', '其他对外管理服务事项'] },
      { caption: '第二十条第（六）项', rows: ['行政处罚', '行政强制'] },
      { caption: '第二十条第（八）项', rows: ['行政事业性收费'] },
      { caption: '第二十条第（九）项', rows: ['政府集中采购'] },
    ],
    markers: [
      '本年新制作数量',
      '对外公开总数量',
      '上一年项目数量',
      '本年增/减',
      '政府集中采购',
      '采购总金额',
    ],
  },
  requests: {
    columns: REQUEST_COLUMNS,
    rows: REQUEST_ROWS.filter((r) => r.eras.includes('B')),
    labels: REQUEST_LABELS,
    groups: OUTCOME_GROUPS,
    flow: REQUEST_FLOW,
  },
  review: { blocks: REVIEW_BLOCKS, columns: REVIEW_COLUMNS },
};
