import { describe, expect, it } from 'vitest';
import { extractTemplateTables } from '../src/extract/template/index.js';
import { loadBuffer } from '../src/load/index.js';
import { gridView } from './helpers/grid-view.js';
import { inventedDocx } from './helpers/invented-docx.js';
import { contextOf } from './helpers/template-context.js';

const enc = (s: string) => new TextEncoder().encode(s);

describe('blank cells stay cells, in their column (HTML)', () => {
  it('keeps &nbsp;, whitespace-only, <br>-only and dash cells, and pads a short row at its end', async () => {
    const html = `<html><head><meta charset="utf-8"></head><body><table border="1">
      <tr><td rowspan="2">申请人</td><td colspan="2">法人</td><td rowspan="2">总计</td></tr>
      <tr><td>商业企业</td><td>科研机构</td></tr>
      <tr><td>新收</td><td>&nbsp;</td><td> &nbsp; \u3000</td><td>7</td></tr>
      <tr><td>结转</td><td><br></td><td>—</td><td>-</td></tr>
      <tr><td>办结</td><td>3</td></tr>
    </table></body></html>`;
    const loaded = await loadBuffer(enc(html), { path: 'invented.html' });
    expect(gridView(loaded.tables[0])).toEqual([
      ['申请人', '法人', '^0,1', '总计'],
      ['^0,0', '商业企业', '科研机构', '^0,3'],
      ['新收', '', '', '7'],
      ['结转', '', '—', '-'],
      ['办结', '3', '', ''],
    ]);
  });
});

/** A DOCX table cell; `span` for gridSpan, `merge` for vMerge (`restart` or continue). */
function tc(text: string, opts: { span?: number; merge?: 'restart' | 'continue' } = {}): string {
  const pr = [
    opts.span ? `<w:gridSpan w:val="${opts.span}"/>` : '',
    opts.merge === 'restart' ? '<w:vMerge w:val="restart"/>' : opts.merge === 'continue' ? '<w:vMerge/>' : '',
  ].join('');
  const runs = text ? `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>` : '';
  return `<w:tc>${pr ? `<w:tcPr>${pr}</w:tcPr>` : ''}<w:p>${runs}</w:p></w:tc>`;
}
const tr = (...cells: string[]) => `<w:tr>${cells.join('')}</w:tr>`;

describe('blank cells stay cells, in their column (DOCX)', () => {
  it('keeps empty, space-only and dash cells, merged cells and a row that starts after gridBefore', async () => {
    const body = `<w:tbl>${[
      tr(tc('申请人', { merge: 'restart' }), tc('法人', { span: 2 }), tc('总计', { merge: 'restart' })),
      tr(tc('', { merge: 'continue' }), tc('商业企业'), tc('科研机构'), tc('', { merge: 'continue' })),
      tr(tc('新收'), tc(''), tc('   '), tc('7')),
      tr(tc('结转'), tc('—'), tc(''), tc('-')),
      `<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>${tc('')}${tc('3')}${tc('3')}</w:tr>`,
    ].join('')}</w:tbl>`;
    const loaded = await loadBuffer(inventedDocx(body), { path: 'invented.docx' });
    expect(gridView(loaded.tables[0])).toEqual([
      ['申请人', '法人', '^0,1', '总计'],
      ['^0,0', '商业企业', '科研机构', '^0,3'],
      ['新收', '', '', '7'],
      ['结转', '—', '', '-'],
      ['', '', '3', '3'],
    ]);
  });
});

describe('table 三 with blank cells read from an HTML grid', () => {
  const values = (n: string[]) => n.map((v) => `<td>${v || '&nbsp;'}</td>`).join('');
  const rows: [string, string[]][] = [
    ['一、本年新收政府信息公开申请数量', ['821', '35', '', '', '2', '1', '859']],
    ['二、上年结转政府信息公开申请数量', ['18', '', '', '', '', '', '18']],
    ['（一）予以公开', ['258', '12', '', '', '1', '1', '']],
    ['（二）部分公开', ['3', '', '', '', '', '', '']],
    ['（三）不予公开 1.属于国家秘密', ['14', '', '', '', '', '', '']],
    ['（四）无法提供 1.本机关不掌握相关政府信息', ['252', '12', '', '', '1', '', '']],
    ['（七）总计', ['767', '35', '', '', '2', '1', '805']],
    ['四、结转下年度继续办理', ['72', '', '', '', '', '', '72']],
  ];
  it('gives each figure its column and no figure to a blank cell (no digit-run solving)', async () => {
    const html = `<html><head><meta charset="utf-8"></head><body><p>三、收到和处理政府信息公开申请情况</p><table border="1">
      <tr><td>申请人情况</td><td>自然人</td><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td><td>总计</td></tr>
      ${rows.map(([label, v]) => `<tr><td>${label}</td>${values(v)}</tr>`).join('\n')}
    </table><p>四、政府信息公开行政复议、行政诉讼情况</p></body></html>`;
    const loaded = await loadBuffer(enc(html), { path: 'invented.html' });
    const { figures, ambiguities } = extractTemplateTables(contextOf(loaded));
    const cols = ['natural', 'commercial', 'research', 'publicInterest', 'legalService', 'otherOrg', 'total'];
    const row = (id: string) => cols.map((c) => String(figures[`requests.${id}.${c}`]?.value ?? ''));
    expect(row('newReceived')).toEqual(['821', '35', '', '', '2', '1', '859']);
    expect(row('carriedOver')).toEqual(['18', '', '', '', '', '', '18']);
    expect(row('granted')).toEqual(['258', '12', '', '', '1', '1', '']);
    expect(row('resultTotal')).toEqual(['767', '35', '', '', '2', '1', '805']);
    expect(ambiguities.filter((a) => a.kind === 'digit-run')).toEqual([]);
  });
});
