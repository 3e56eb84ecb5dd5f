import { ERA_C } from '../../src/templates/era-c.js';
import type { ActiveCellDef, Template } from '../../src/templates/index.js';

// An invented "2026 revision" of the 2021 template, loaded only by tests: table 二 gains a 本年修订件数
// column for 规章 and 行政规范性文件, and prints the 行政强制 row as 行政强制措施. Everything else is era C.

const amended = (row: string, prefix: string): ActiveCellDef => ({
  key: `active.${prefix}.amended`,
  row,
  col: '本年修订件数',
  unit: '件',
  eras: ['C'],
});

const base = ERA_C.active;
if (!base) throw new Error('era C has a table 二');

const cells = base.cells.flatMap((c): ActiveCellDef[] => {
  if (c.col === '本年废止件数') return [c, amended(c.row, c.key.split('.')[1] as string)];
  if (c.row === '行政强制') return [{ ...c, row: '行政强制措施' }];
  return [c];
});

/** The invented 2026 revision. */
export const ERA_C_2026: Template = {
  ...ERA_C,
  id: 'C2026',
  name: '政府信息公开工作年度报告格式（2026年修订，虚构）',
  years: [2026],
  tokens: { strong: [/本年修订件数/g] },
  active: {
    cells,
    markers: ['本年修订件数'],
    rowNames: { ...base.rowNames, 行政强制: '行政强制措施' },
    blocks: base.blocks.map((b) => ({
      ...b,
      rows: b.rows.map((r) => (r === '行政强制' ? '行政强制措施' : r)),
    })),
  },
};
