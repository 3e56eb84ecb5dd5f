import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseBuffer } from '../src/core/pipeline.js';
import { LOADERS, loadBuffer, sniffFormat, zipContents } from '../src/load/index.js';
import { inventedDocx } from './helpers/invented-docx.js';

// A zip whose first entry is an uncompressed `mimetype`, as ODF and EPUB require.
const packaged = (mimetype: string, files: Record<string, string>) =>
  zipSync({ mimetype: [strToU8(mimetype), { level: 0 }], ...mapValues(files) });
const mapValues = (files: Record<string, string>) =>
  Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)]));

const ODT = packaged('application/vnd.oasis.opendocument.text', {
  'content.xml': '<office:document-content/>',
});
const EPUB = packaged('application/epub+zip', { 'META-INF/container.xml': '<container/>' });
const XLSX = zipSync(mapValues({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<workbook/>' }));

describe('loader registry', () => {
  it('is one explicit list of {format, sniff, load}', () => {
    expect(LOADERS.map((l) => l.format)).toEqual(['pdf', 'docx', 'doc', 'html', 'md', 'txt']);
  });

  it('reads a zip as DOCX only when it holds word/document.xml', async () => {
    const docx = inventedDocx('<w:p><w:r><w:t>正文</w:t></w:r></w:p>');
    expect(zipContents(docx).docx).toBe(true);
    expect(sniffFormat(docx, 'a.docx')).toBe('docx');
    for (const zip of [ODT, EPUB, XLSX]) expect(sniffFormat(zip, 'a.docx')).toBe('unknown');
  });

  it.each([
    ['report.odt', ODT, 'an OpenDocument text (ODT)'],
    ['report.epub', EPUB, 'an EPUB book'],
    ['report.xlsx', XLSX, 'an Excel workbook (XLSX)'],
    ['report.docx', XLSX, 'an Excel workbook (XLSX)'],
  ])('%s holding %#: load-failed "not a DOCX" naming the file', async (file, bytes, what) => {
    await expect(loadBuffer(bytes, { path: file })).rejects.toThrow(`${file} is ${what}, not a DOCX`);
    const report = await parseBuffer(bytes, { file });
    expect(report.anomalies.map((a) => a.ruleId)).toEqual(['load-failed']);
    expect(report.anomalies[0]?.reasonEn).toContain(`${file} is ${what}, not a DOCX`);
    expect(report.anomalies[0]?.data).toEqual({ code: 'unsupported-format' });
  });
});
