import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { declaredCharset, decodeHtml } from '../src/load/html-charset.js';
import { loadBuffer } from '../src/load/index.js';
import { normalizeLoaded, normalizeText } from '../src/text/normalize.js';
import { corpusPath } from './helpers/corpus.js';
import { gridView } from './helpers/grid-view.js';

const utf8 = (s: string) => new TextEncoder().encode(s);
const load = (html: string | Uint8Array) =>
  loadBuffer(typeof html === 'string' ? utf8(html) : html, { path: 'invented.html' });

/** An invented government page: navigation and footer around an article with a table. */
const PAGE = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>某区2023年政府信息公开工作年度报告</title>
<meta name="PubDate" content="2024-01-20 10:00"><style>p{color:red}</style><script>var x = '不要这段脚本';</script></head>
<body><div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/a">政务公开</a></li><li><a href="/b">互动交流</a></li></ul></div>
<div class="main"><div class="article">
<p style="text-align:center"><span><font face="仿宋_GB2312">某区2023年政府信息公开工作年度报告</font></span></p>
<!--[if !supportLists]--><p>一、总体情况</p><!--[endif]-->
<p>&nbsp;&nbsp;2023年，本区认真贯彻《条例》，
主动公开政府信息1200条。</p>
<table border="1"><tr><td rowspan="2">&nbsp;信息内容&nbsp;</td><td colspan="2">本年<br>新制作数量</td></tr>
<tr><td><p>科</p><p>研</p><p>机</p><p>构</p></td><td>Total&nbsp;<br>count</td></tr>
<tr><td>规章</td><td>&nbsp;3&nbsp;</td><td>0</td></tr></table>
<p>二、主动公开政府信息情况</p><p>本年度无其他需要报告的事项，各项工作平稳推进，群众满意度持续提升。</p>
</div></div><div class="footer">版权所有：某区人民政府 <a href="/c">网站地图</a></div></body></html>`;

describe('HTML loader (invented pages)', () => {
  it('finds the article among navigation and footer, drops scripts, styles and comments', async () => {
    const loaded = await load(PAGE);
    const lines = loaded.text.split('\n');
    expect(lines[0]).toBe('某区2023年政府信息公开工作年度报告');
    expect(lines[1]).toBe('一、总体情况');
    expect(lines[2]).toBe('2023年，本区认真贯彻《条例》，主动公开政府信息1200条。');
    expect(loaded.text).not.toMatch(/首页|版权所有|不要这段脚本|color|supportLists/);
    expect(loaded.properties).toMatchObject({
      title: '某区2023年政府信息公开工作年度报告',
      published: '2024-01-20 10:00',
    });
  });

  it('expands rowspan/colspan, joins cell paragraphs, trims &nbsp; padding', async () => {
    const loaded = normalizeLoaded(await load(PAGE));
    const [table] = loaded.tables;
    expect(gridView(table)).toEqual([
      ['信息内容', '本年新制作数量', '^0,1'],
      ['^0,0', '科研机构', 'Total count'],
      ['规章', '3', '0'],
    ]);
    for (const row of table?.rows ?? [])
      for (const cell of row) expect(loaded.text.slice(...cell.span)).toBe(cell.text);
    expect(loaded.text).toContain('规章\t3\t0\n');
    expect(
      loaded.anchors.find((a) => a.origin.table === 0 && a.origin.row === 2 && a.origin.col === 1),
    ).toBeTruthy();
    expect(loaded.anchors.some((a) => a.origin.paragraph === 2)).toBe(true);
  });

  it('decodes GBK pages declared by http-equiv', async () => {
    const head = utf8(
      '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>',
    );
    const title = Uint8Array.from(Buffer.from('b2e2cad4', 'hex')); // 测试
    const mid = utf8('</title></head><body><p>');
    const body = Uint8Array.from(Buffer.from('d5feb8aed0c5cfa2b9abbfaab9a4d7f7c4eab6c8b1a8b8e6', 'hex'));
    const tail = utf8('</p></body></html>');
    const bytes = Buffer.concat([head, title, mid, body, tail]);
    expect(declaredCharset(bytes.toString('latin1'))).toBe('gb18030');
    const loaded = await load(bytes);
    expect(loaded.text).toBe('政府信息公开工作年度报告\n');
    expect(loaded.properties?.['title']).toBe('测试');
  });

  it('decodes by BOM, and by detection when nothing is declared', () => {
    expect(decodeHtml(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('<p>公开</p>')])).text).toBe('<p>公开</p>');
    const gbk = Uint8Array.from([...utf8('<p>'), 0xb9, 0xab, 0xbf, 0xaa, ...utf8('</p>')]);
    expect(decodeHtml(gbk)).toEqual({ text: '<p>公开</p>', encoding: 'gb18030' });
  });

  it('walks layout tables as blocks rather than as data', async () => {
    const html = `<html><body><table><tr><td><p>一、总体情况</p><table><tr><td>规章</td><td>1</td></tr></table></td></tr></table></body></html>`;
    const loaded = await load(html);
    expect(loaded.tables).toHaveLength(1);
    expect(loaded.text).toBe('一、总体情况\n规章\t1\n');
  });
});

describe('HTML corpus: the article has the same words as the crawled text', () => {
  const squash = (s: string) => normalizeText(s).text.replace(/[\s\u00a0\u3000]+/g, '');
  it.each([2018, 2019, 2022, 2024])('pingtan-syq-%i.html', async (year) => {
    const loaded = normalizeLoaded(
      await loadBuffer(readFileSync(corpusPath(`pingtan-syq-${year}.html`)), { path: 'x.html' }),
    );
    const raw = readFileSync(corpusPath(`pingtan-syq-${year}.txt`), 'utf8');
    const body = raw.slice(raw.search(/=+ *正文 *=+\n/)).replace(/^=+ *正文 *=+\n/, '');
    expect(squash(loaded.text)).toBe(squash(body));
    expect(loaded.properties?.['articleTitle']).toBe(/^标题: *(.*)$/m.exec(raw)?.[1]);
    for (const t of loaded.tables)
      for (const row of t.rows)
        for (const cell of row) expect(loaded.text.slice(...cell.span)).toBe(cell.text);
  });
});
