import { readFileSync } from 'node:fs';
import { deflateSync, strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { formatCounter } from '../src/load/docx-numbering.js';
import { DEFAULT_LIMITS, LoadError, loadBuffer } from '../src/load/index.js';
import { normalizeLoaded } from '../src/text/normalize.js';
import { CORPUS, corpusPath } from './helpers/corpus.js';
import { gridView } from './helpers/grid-view.js';
import { inventedDocx, num, p } from './helpers/invented-docx.js';

// Invented numbering: list 1 = chineseCounting `%1、` / `（%2）` / decimal `%3.`; list 2 restarts via override.
const NUMBERING = `
<w:abstractNum w:abstractNumId="0">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="2">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimalEnclosedCircle"/><w:lvlText w:val="%1"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="2"/></w:num>`;

const STYLES = `<w:style w:type="paragraph" w:styleId="H1"><w:pPr><w:numPr><w:numId w:val="1"/><w:ilvl w:val="0"/></w:numPr></w:pPr></w:style>`;

function load(bytes: Uint8Array, limits = {}) {
  return loadBuffer(bytes, { path: 'invented.docx', limits });
}

describe('DOCX numbering', () => {
  it('prints counters as Word does', () => {
    expect(formatCounter(1, 'chineseCounting')).toBe('一');
    expect(formatCounter(10, 'chineseCounting')).toBe('十');
    expect(formatCounter(11, 'chineseCounting')).toBe('十一');
    expect(formatCounter(20, 'chineseCountingThousand')).toBe('二十');
    expect(formatCounter(105, 'chineseCounting')).toBe('一百零五');
    expect(formatCounter(3, 'decimalEnclosedCircle')).toBe('③');
    expect(formatCounter(4, 'upperRoman')).toBe('IV');
    expect(formatCounter(2, 'bullet')).toBe('');
  });

  it('recovers list markers so headings read as printed (invented DOCX)', async () => {
    const body = [
      p('总体情况', num(1, 0)),
      p('基本情况', num(1, 1)),
      p('加强领导', num(1, 2)),
      p('完善制度', num(1, 2)),
      p('主要做法', num(1, 1)),
      p('健全机制', num(1, 2)),
      p('主动公开政府信息情况', '<w:pStyle w:val="H1"/>'),
      p('规章', num(1, 1)),
      p('导航菜单', num(2, 0)),
      p('第五部分', num(3, 0)),
      p('第一项', num(4, 0)),
      p('第二项', num(4, 0)),
      p('没有编号', num(0, 0)),
    ].join('');
    const loaded = await load(inventedDocx(body, { numbering: NUMBERING, styles: STYLES }));
    expect(loaded.text.split('\n').filter(Boolean)).toEqual([
      '一、总体情况',
      '（一）基本情况',
      '1.加强领导',
      '2.完善制度',
      '（二）主要做法',
      '1.健全机制',
      '二、主动公开政府信息情况',
      '（一）规章',
      '导航菜单',
      '五、第五部分',
      '①第一项',
      '②第二项',
      '没有编号',
    ]);
    expect(loaded.anchors[0]).toEqual({ span: [0, 7], origin: { paragraph: 1 } });
  });
});

describe('DOCX runs and structure', () => {
  it('keeps tabs, breaks, content controls, links and insertions; drops deletions and fallbacks', async () => {
    const body = [
      '<w:p><w:r><w:t>依申请</w:t></w:r><w:hyperlink><w:r><w:t>公开</w:t></w:r></w:hyperlink>',
      '<w:sdt><w:sdtPr/><w:sdtContent><w:r><w:t>共3件</w:t></w:r></w:sdtContent></w:sdt>',
      '<w:ins><w:r><w:t>（新增）</w:t></w:r></w:ins><w:del><w:r><w:delText>删除的字</w:delText></w:r></w:del></w:p>',
      '<w:p><w:r><w:t>第一行</w:t><w:br/><w:t>第二行</w:t><w:tab/><w:t>同行</w:t></w:r></w:p>',
      '<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent>',
      p('文本框内容'),
      '</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>',
      p('文本框内容'),
      '</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>',
      '<w:p><w:r><w:instrText> HYPERLINK "http://x" </w:instrText></w:r><w:r><w:t>链接文字</w:t></w:r></w:p>',
    ].join('');
    const loaded = await load(inventedDocx(body));
    expect(loaded.text).toBe('依申请公开共3件（新增）\n第一行\n第二行 同行\n文本框内容\n链接文字\n');
    expect(loaded.text).not.toContain('删除');
  });

  it('expands gridSpan and vMerge into a full grid whose spans index the text', async () => {
    const tc = (text: string, pr = '') => `<w:tc>${pr ? `<w:tcPr>${pr}</w:tcPr>` : ''}${p(text)}</w:tc>`;
    const twoParas = `<w:tc>${p('科研')}${p('机构')}</w:tc>`;
    const body = `<w:tbl>
      <w:tr>${tc('申请人', '<w:vMerge w:val="restart"/>')}${tc('法人或其他组织', '<w:gridSpan w:val="2"/>')}${tc('总计', '<w:vMerge w:val="restart"/>')}</w:tr>
      <w:tr>${tc('', '<w:vMerge/>')}${tc('商业企业')}${twoParas}${tc('', '<w:vMerge/>')}</w:tr>
      <w:tr>${tc('新收')}${tc('0')}${tc('2')}${tc('2')}</w:tr>
    </w:tbl>${p('表后段落')}`;
    const loaded = normalizeLoaded(await load(inventedDocx(body)));
    const [table] = loaded.tables;
    expect(gridView(table)).toEqual([
      ['申请人', '法人或其他组织', '^0,1', '总计'],
      ['^0,0', '商业企业', '科研机构', '^0,3'],
      ['新收', '0', '2', '2'],
    ]);
    for (const row of table?.rows ?? [])
      for (const cell of row) expect(loaded.text.slice(...cell.span)).toBe(cell.text);
    expect(loaded.text).toBe(
      '申请人\t法人或其他组织\t\t总计\n\t商业企业\t科研机构\t\n新收\t0\t2\t2\n表后段落\n',
    );
    expect(
      loaded.anchors.find((a) => a.origin.table === 0 && a.origin.row === 2 && a.origin.col === 1)?.span,
    ).toEqual(table?.rows[2]?.[1]?.span);
  });

  it('reads document properties from docProps/core.xml', async () => {
    const core =
      '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"><dc:title>年度报告</dc:title><dc:creator>办公室</dc:creator><dcterms:created>2020-01-20T07:00:00Z</dcterms:created></cp:coreProperties>';
    const loaded = await load(inventedDocx(p('正文'), { core }));
    expect(loaded.properties).toEqual({
      title: '年度报告',
      author: '办公室',
      created: '2020-01-20T07:00:00Z',
    });
  });
});

describe('DOCX limits and bad input', () => {
  it('refuses a zip bomb by its declared sizes before inflating', async () => {
    const bytes = inventedDocx(p('正文'));
    // Declare 4 GB - 2 uncompressed for every entry in the central directory.
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let i = 0; i < bytes.length - 4; i++)
      if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, 0xfffffffd, true);
    await expect(load(bytes)).rejects.toMatchObject({ code: 'zip-bomb' });
  });

  it('stops inflating an entry that grows past its declared size (headers that lie)', async () => {
    const huge = new Uint8Array(2 * 1024 * 1024).fill(0x20);
    const bytes = zipSync({ 'word/document.xml': huge });
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let i = 0; i < bytes.length - 4; i++)
      if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, 1000, true);
    await expect(load(bytes)).rejects.toMatchObject({ code: 'zip-bomb' });
    expect(deflateSync(huge).length).toBeLessThan(100_000); // a real bomb: tiny compressed
  });

  it('refuses more entries than the limit', async () => {
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i < 30; i++) files[`x/${i}.xml`] = strToU8('<a/>');
    await expect(load(zipSync(files), { maxZipEntries: 20 })).rejects.toMatchObject({ code: 'zip-bomb' });
  });

  it('refuses an XML entity bomb', async () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>`;
    const bytes = zipSync({ 'word/document.xml': strToU8(bomb) });
    await expect(load(bytes)).rejects.toMatchObject({ code: 'xml-entities' });
  });

  it('refuses XML nested deeper than the limit', async () => {
    const deep = `${'<w:sdt><w:sdtContent>'.repeat(40)}${p('x')}${'</w:sdtContent></w:sdt>'.repeat(40)}`;
    await expect(load(inventedDocx(deep), { maxXmlDepth: 50 })).rejects.toMatchObject({ code: 'too-deep' });
    await expect(load(inventedDocx(deep))).resolves.toMatchObject({ text: 'x\n' });
  });

  it('fails clearly on a zip that is not a Word document and on a truncated one', async () => {
    await expect(load(zipSync({ 'a.txt': strToU8('hi') }))).rejects.toMatchObject({
      code: 'unsupported-format',
    });
    const bytes = inventedDocx(p('正文'));
    const error = await load(bytes.subarray(0, Math.floor(bytes.length / 2))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LoadError);
    expect((error as LoadError).code).toBe('corrupt');
  });

  it('has safe defaults', () => {
    expect(DEFAULT_LIMITS.maxZipEntries).toBeGreaterThan(100);
    expect(DEFAULT_LIMITS.maxUncompressedBytes).toBeLessThanOrEqual(512 * 1024 * 1024);
  });
});

describe(`DOCX corpus (${CORPUS})`, () => {
  it.each([
    'pingtan-syq-2019.docx',
    'pingtan-syq-2022.docx',
    'seed-2018-shulan-minzheng.docx',
    'template-2021-blank.docx',
  ])('%s loads with tables whose spans slice to their text', async (file) => {
    const loaded = normalizeLoaded(await loadBuffer(readFileSync(corpusPath(file)), { path: file }));
    expect(loaded.format).toBe('docx');
    expect(loaded.text.length).toBeGreaterThan(1000);
    for (const t of loaded.tables)
      for (const row of t.rows)
        for (const cell of row) expect(loaded.text.slice(...cell.span)).toBe(cell.text);
  });

  it('reads the three tables of pingtan-syq-2019.docx', async () => {
    const loaded = await loadBuffer(readFileSync(corpusPath('pingtan-syq-2019.docx')), { path: 'x.docx' });
    expect(loaded.tables.map((t) => [t.rows.length, t.rows[0]?.length])).toEqual([
      [18, 4],
      [26, 10],
      [4, 15],
    ]);
    expect(loaded.properties?.['author']).toBe('平潭综合实验区管委会');
  });

  it('reads the merged headers of the blank 2021 template', async () => {
    const loaded = await loadBuffer(readFileSync(corpusPath('template-2021-blank.docx')), { path: 'x.docx' });
    const table = loaded.tables.find((t) => t.rows.some((r) => r.some((c) => c.text === '自然人')));
    expect(table?.rows[0]?.length).toBe(10);
    expect(table?.rows.flat().some((c) => c.mergedFrom)).toBe(true);
  });
});
