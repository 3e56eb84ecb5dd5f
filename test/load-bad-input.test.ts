import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBuffer } from '../src/core/pipeline.js';
import { docTextToLoaded } from '../src/load/doc.js';
import { loadBuffer, sniffFormat } from '../src/load/index.js';
import { looksBinary } from '../src/load/txt.js';
import { fixturePath } from './helpers/corpus.js';
import { inventedDocx, p } from './helpers/invented-docx.js';

/** Deterministic pseudo-random bytes (a linear congruential generator). */
function noise(n: number, seed = 7): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

describe('bad input fails quickly with a reason', () => {
  it('empty file', async () => {
    await expect(loadBuffer(new Uint8Array(0), { path: 'a.pdf' })).rejects.toMatchObject({ code: 'empty' });
  });

  it('file over the size limit', async () => {
    await expect(
      loadBuffer(new Uint8Array(2048).fill(65), { path: 'a.txt', limits: { maxFileBytes: 1024 } }),
    ).rejects.toMatchObject({
      code: 'too-large',
    });
  });

  it('random bytes named .txt are binary, not mojibake', async () => {
    await expect(loadBuffer(noise(20_000), { path: 'report.txt' })).rejects.toMatchObject({ code: 'binary' });
    expect(looksBinary('政府信息公开\n第二行\t制表')).toBe(false);
  });

  it('real text in GB18030 and UTF-16 still loads', async () => {
    const gbk = Uint8Array.from(Buffer.from('d5feb8aed0c5cfa2b9abbfaa0a', 'hex'));
    await expect(loadBuffer(gbk, { path: 'a.txt' })).resolves.toMatchObject({ text: '政府信息公开\n' });
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('政府信息公开', 'utf16le')]);
    await expect(loadBuffer(utf16, { path: 'a.txt' })).resolves.toMatchObject({ text: '政府信息公开' });
  });

  it('PDF bytes named .docx load as PDF; DOCX bytes named .pdf load as DOCX', async () => {
    const pdf = readFileSync(fixturePath('invented-stsong-light.pdf'));
    expect(sniffFormat(pdf, 'report.docx')).toBe('pdf');
    await expect(loadBuffer(pdf, { path: 'report.docx' })).resolves.toMatchObject({ format: 'pdf' });
    await expect(loadBuffer(inventedDocx(p('正文')), { path: 'report.pdf' })).resolves.toMatchObject({
      format: 'docx',
    });
  });

  it('garbage named .pdf, .docx or .doc fails clearly', async () => {
    for (const path of ['report.pdf', 'report.docx', 'report.doc']) {
      await expect(loadBuffer(noise(4096), { path })).rejects.toMatchObject({ code: 'unsupported-format' });
    }
  });

  it('a corrupt .doc (OLE magic, then garbage) fails clearly', async () => {
    const ole = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...noise(4096)]);
    expect(sniffFormat(ole, 'x.txt')).toBe('doc');
    await expect(loadBuffer(ole, { path: 'report.doc' })).rejects.toMatchObject({ code: 'corrupt' });
  });

  it('parseBuffer turns a failure into one load-failed record naming the file', async () => {
    const report = await parseBuffer(noise(4096), { file: 'broken.pdf' });
    expect(report.anomalies).toHaveLength(1);
    expect(report.anomalies[0]?.ruleId).toBe('load-failed');
    expect(report.anomalies[0]?.reasonEn).toContain('broken.pdf');
    expect(report.anomalies[0]?.data).toEqual({ code: 'unsupported-format' });
  });
});

describe('.doc text to tables', () => {
  it('rebuilds tab-separated rows as a table between paragraphs', () => {
    const loaded = docTextToLoaded(
      '一、概述\n信息内容\t本年新制作数量\t\n规章\t0\t\n规范性文件\t89\t\n二、主动公开\n',
    );
    expect(loaded.text).toBe('一、概述\n信息内容\t本年新制作数量\n规章\t0\n规范性文件\t89\n二、主动公开\n');
    expect(loaded.tables[0]?.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['信息内容', '本年新制作数量'],
      ['规章', '0'],
      ['规范性文件', '89'],
    ]);
    expect(loaded.anchors.find((a) => a.origin.paragraph === 2)?.span).toEqual([
      loaded.text.indexOf('二'),
      loaded.text.length,
    ]);
  });
});
