import { describe, expect, it } from 'vitest';
import { extractTemplateTables } from '../src/extract/template/index.js';
import { layoutDocument, layoutPage } from '../src/layout/index.js';
import { writeBlocks } from '../src/load/layout-text.js';
import { BLANK_CELL_ROWS, blankCellRuns } from './helpers/table-runs.js';
import { contextOf } from './helpers/template-context.js';

const COLUMNS = ['natural', 'commercial', 'research', 'publicInterest', 'legalService', 'otherOrg', 'total'];

describe('tables read from the positions of their text (no rulings)', () => {
  it('puts every figure of a row with blank cells in the column it sits under', () => {
    const page = layoutPage({ page: 1, height: 842, runs: blankCellRuns() });
    expect(page.tables).toHaveLength(1);
    const grid = (page.tables[0]?.grid ?? []).map((r) => r.map((c) => c.text ?? ''));
    // Three label columns, then 自然人, five kinds of 法人或其他组织, 总计.
    expect(grid.every((r) => r.length === 10)).toBe(true);
    const row = (label: string) =>
      grid.find((r) => r.slice(0, 3).join('').replace(/\n/g, '').includes(label));
    expect(row('一、本年新收')?.slice(3)).toEqual(['821', '35', '', '2', '', '1', '859']);
    expect(row('二、上年结转')?.slice(3)).toEqual(['18', '', '', '', '', '', '18']);
    expect(row('（一）予以公开')?.slice(3)).toEqual(['252', '12', '', '', '', '1', '265']);
    expect(row('四、结转下年度')?.slice(3)).toEqual(['169', '8', '', '', '', '', '177']);
    // The header names the two columns no row fills (科研机构, 法律服务机构), in their place.
    expect(grid.find((r) => r.includes('商业企业'))?.slice(3)).toEqual([
      '',
      '商业企业',
      '科研机构',
      '社会公益',
      '法律服务',
      '其他',
      '',
    ]);
    // The table's runs are not running text; the heading before it and the one after it are.
    expect(page.lines.map((l) => l.text)).toEqual([
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
    ]);
  });

  it('keeps wrapped labels with their row', () => {
    const page = layoutPage({ page: 1, height: 842, runs: blankCellRuns() });
    const grid = (page.tables[0]?.grid ?? []).map((r) => r.map((c) => (c.text ?? '').replace(/\n/g, '')));
    const other = grid.find((r) => r[2]?.startsWith('1.申请人无正当理由'));
    expect(other?.[2]).toBe('1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请');
    expect(other?.slice(3)).toEqual(['10', '', '', '', '', '', '10']);
    const partial = grid.find((r) => r[1]?.startsWith('（二）部分公开'));
    expect(partial?.[1]).toBe('（二）部分公开（区分处理的，只计这一情形，不计其他情形）');
  });

  it('gives table 三 the figures of every filled cell and none for blank ones', () => {
    const loaded = writeBlocks(layoutDocument([{ page: 1, height: 842, runs: blankCellRuns() }]), 'pdf');
    const { figures, ambiguities } = extractTemplateTables(contextOf(loaded));
    const rows = ['newReceived', 'carriedOver', 'granted', 'partial'];
    const seen: Record<string, string[]> = {};
    for (const id of rows) seen[id] = COLUMNS.map((c) => String(figures[`requests.${id}.${c}`]?.value ?? ''));
    expect(seen).toEqual(Object.fromEntries(rows.map((id, i) => [id, BLANK_CELL_ROWS[i]?.values])));
    expect(figures['requests.resultTotal.total']?.value).toBe(700);
    expect(figures['requests.carriedForward.commercial']?.value).toBe(8);
    expect(figures['requests.carriedForward.research']).toBeUndefined();
    expect(ambiguities.filter((a) => a.kind === 'digit-run')).toEqual([]);
  });
});
