import type { Table } from '../../src/model/index.js';

/**
 * A table's grid as strings: cell text, or `^row,col` for a position covered by a merged cell.
 *
 * @example
 * expect(gridView(table)).toEqual([['申请人', '法人或其他组织', '^0,1']]);
 */
export function gridView(table: Table | undefined): string[][] | undefined {
  return table?.rows.map((r) => r.map((c) => (c.mergedFrom ? `^${c.mergedFrom.join(',')}` : c.text)));
}
