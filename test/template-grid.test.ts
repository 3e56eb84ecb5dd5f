import { describe, expect, it } from 'vitest';
import { extractTemplateTables } from '../src/extract/template/index.js';
import type { Table, TableCell } from '../src/model/index.js';
import { contextOf } from './helpers/template-context.js';

/**
 * Builds invented grids and the text they sit in. In a row, `^` repeats the cell above (vertical merge)
 * and `<` the cell to the left (horizontal merge), as loaders expand merged cells.
 */
function build(grids: string[][][]): { text: string; tables: Table[] } {
  let text = '';
  const tables: Table[] = grids.map((rows, index) => {
    const start = text.length;
    const out: TableCell[][] = [];
    rows.forEach((cells, r) => {
      const line: TableCell[] = [];
      cells.forEach((s, c) => {
        const owner = s === '^' ? out[r - 1]?.[c] : s === '<' ? line[c - 1] : undefined;
        if (owner) {
          const from = owner.mergedFrom ?? [s === '^' ? r - 1 : r, s === '<' ? c - 1 : c];
          line.push({ text: owner.text, span: owner.span, mergedFrom: [from[0], from[1]] });
          return;
        }
        const at = text.length;
        text += `${s}\t`;
        line.push({ text: s, span: [at, at + s.length] });
      });
      text += '\n';
      out.push(line);
    });
    text += '\n';
    return { index, span: [start, text.length], page: index + 1, rows: out };
  });
  return { text, tables };
}

const z = ['0', '0', '0', '0', '0', '0', '0'];
const one = (n: string) => [n, '0', '0', '0', '0', '0', n];

const two = [
  ['第二十条第（一）项', '<', '<', '<'],
  ['信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量'],
  ['规章', '0', '0', '0'],
  ['规范性文件', '89', '89', '89'],
  ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'],
  ['行政许可', '396', '0', '181'],
  ['行政事业性收费', '35', '-2', '<'],
  ['信息内容', '采购项目数量', '采购总金额', '<'],
  ['政府集中采购', '135', '75394432.52元', '<'],
];
const threeA = [
  ['申请人情况', '<', '<', '自然人', '法人或其他组织', '<', '<', '<', '<', '总计'],
  ['一、本年新收政府信息公开申请数量', '<', '<', '23', '0', '0', '0', '0', '0', '23'],
  ['二、上年结转政府信息公开申请数量', '<', '<', ...z],
  ['三、本年度办理结果', '（一）予以公开', '<', ...one('7')],
  ['^', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '<', ...one('1')],
  ['^', '（三）不予公开', '1.属于国家秘密', ...z],
  ['^', '^', '2.其他法律行政法规禁止公开', ...z],
  ['^', '^', '3.危及“三安全一稳定”', ...z],
  ['^', '^', '4.保护第三方合法权益', ...z],
  ['^', '^', '5.属于三类内部事务信息', ...z],
  ['^', '^', '6.属于四类过程性信息', ...z],
  ['^', '^', '7.属于行政执法案卷', ...z],
  ['^', '^', '8.属于行政查询事项', ...z],
  ['^', '（四）无法提供', '1.本机关不掌握相关政府信息', ...one('7')],
  // A page break merged two rows into one grid row: both labels in one cell, two numbers per cell.
  [
    '^',
    '^',
    '2.没有现成信息需要另行制作3.补正后申请内容仍不明确',
    '0 5',
    '0 0',
    '0 0',
    '0 0',
    '0 0',
    '0 0',
    '0 5',
  ],
];
const threeB = [
  ['三、本年度办理结果', '（五）不予处理', '1.信访举报投诉类申请', ...z],
  ['^', '^', '2.重复申请', ...one('3')],
  ['^', '^', '3.要求提供公开出版物', ...z],
  ['^', '^', '4.无正当理由大量反复申请', ...z],
  // A long label wrapped over rows; the number cells of the tail rows repeat the first (vertical merge).
  ['^', '^', '5.要求行政机', ...z],
  ['^', '^', '关确认或重新出具已获取信息', '^', '^', '^', '^', '^', '^', '^'],
  ['^', '（六）其他处理', '<', ...z],
  ['^', '（七）总计', '<', '23', '0', '0', '0', '0', '0', '23'],
  ['四、结转下年度继续办理', '<', '<', ...z],
];
const four = [
  ['行政复议', '<', '<', '<', '<', '行政诉讼', '<', '<', '<', '<', '<', '<', '<', '<', '<'],
  [
    '结果维持',
    '结果纠正',
    '其他结果',
    '尚未审结',
    '总计',
    '未经复议直接起诉',
    '<',
    '<',
    '<',
    '<',
    '复议后起诉',
    '<',
    '<',
    '<',
    '<',
  ],
  [
    '^',
    '^',
    '^',
    '^',
    '^',
    '结果维持',
    '结果纠正',
    '其他结果',
    '尚未审结',
    '总计',
    '结果维持',
    '结果纠正',
    '其他结果',
    '尚未审结',
    '总计',
  ],
  ['1', '0', '2', '0', '3', '12', '0', '0', '0', '12', '0', '0', '0', '0', '0'],
];

describe('table grids (invented)', () => {
  const { text, tables } = build([two, threeA, threeB, four]);
  const ctx = contextOf({ format: 'html', text, tables, anchors: [] });
  const { figures } = extractTemplateTables(ctx);

  it('reads table 二 from cells, with the amount in 元 normalized to 万元', () => {
    expect(figures['active.normativeDocs.newlyPublished']?.value).toBe(89);
    expect(figures['active.licensing.decisions']?.value).toBe(181);
    expect(figures['active.fees.change']?.value).toBe(-2);
    expect(figures['active.procurement.amount']).toMatchObject({
      value: 7539.443252,
      unit: '元',
      stated: '75394432.52',
    });
  });

  it('joins table 三 across grids and places each row by its label', () => {
    expect(figures['requests.newReceived.total']).toMatchObject({
      value: 23,
      origin: { table: 1, row: 1, col: 9, page: 2 },
    });
    expect(figures['requests.unavailable.notHeld.natural']?.value).toBe(7);
    expect(figures['requests.notProcessed.repeated.total']?.origin).toEqual({
      table: 2,
      row: 1,
      col: 9,
      page: 3,
    });
    expect(figures['requests.notProcessed.confirmation.total']?.value).toBe(0);
    expect(figures['requests.otherHandling.all.total']?.value).toBe(0);
    expect(figures['requests.resultTotal.total']?.value).toBe(23);
  });

  it('splits a grid row that holds two rows', () => {
    expect(figures['requests.unavailable.needsCreation.natural']?.value).toBe(0);
    expect(figures['requests.unavailable.stillUnclear.natural']?.value).toBe(5);
    expect(figures['requests.unavailable.stillUnclear.total']?.value).toBe(5);
  });

  it('reads the 15 cells of table 四', () => {
    expect(figures['review.total']?.value).toBe(3);
    expect(figures['litigation.direct.upheld']?.value).toBe(12);
    expect(figures['litigation.afterReview.total']?.value).toBe(0);
  });

  it('slices every span to its stated text', () => {
    for (const [key, f] of Object.entries(figures))
      expect(ctx.text.slice(f.span[0], f.span[1]), key).toBe(f.stated);
  });

  it('reads the same numbers from the text alone', () => {
    const fromText = extractTemplateTables({ ...ctx, tables: [] }).figures;
    for (const key of [
      'requests.newReceived.total',
      'requests.unavailable.stillUnclear.natural',
      'review.total',
    ]) {
      expect(fromText[key]?.value, key).toBe(figures[key]?.value);
    }
  });
});
