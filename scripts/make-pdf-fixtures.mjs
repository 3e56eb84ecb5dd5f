// Writes the invented PDF fixtures the loader tests use (no LibreOffice or other tools needed):
// - fixtures/invented-stsong-light.pdf: Chinese text in the non-embedded predefined CJK font STSong-Light
//   (Type0, /Encoding /UniGB-UCS2-H, no FontFile), as older generators wrote it. pdf.js needs its bundled
//   CMaps to decode it; without them the text comes out empty.
// - fixtures/invented-encrypted.pdf: a page behind the standard security handler with a user password.
// - fixtures/invented-scan.pdf: a page with a drawing and no text at all (stands in for a scan).
// Run after `npm run build` (the radical fixtures read the glyph table from dist): node scripts/make-pdf-fixtures.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Assembles numbered objects into a PDF with a correct xref table. */
function pdf(objects, trailerExtra = '') {
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${trailerExtra} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

function stream(content) {
  return `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`;
}

/** UTF-16BE hex of a string (what UniGB-UCS2-H expects). */
function ucs2(text) {
  return Buffer.from(text, 'utf16le').swap16().toString('hex').toUpperCase();
}

const lines = ['政府信息公开工作年度报告', '依申请公开3件，行政复议0件。', '第 1 页'];
const content = [
  `BT /F1 18 Tf 72 760 Td <${ucs2(lines[0])}> Tj ET`,
  `BT /F1 12 Tf 72 720 Td <${ucs2(lines[1])}> Tj ET`,
  `BT /F1 10 Tf 280 40 Td <${ucs2(lines[2])}> Tj ET`,
].join('\n');

writeFileSync(
  join(root, 'fixtures/invented-stsong-light.pdf'),
  pdf(
    [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
      stream(content),
      '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>',
      '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 7 0 R /DW 1000 >>',
      '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
      '<< /Title (Invented STSong-Light sample) /Producer (scripts/make-pdf-fixtures.mjs) >>',
    ],
    ' /Info 8 0 R',
  ),
);

// Any O/U values that the empty password does not unlock make pdf.js ask for a password.
const hex32 = (seed) =>
  Array.from({ length: 32 }, (_, i) => ((i * 37 + seed) & 0xff).toString(16).padStart(2, '0')).join('');
writeFileSync(
  join(root, 'fixtures/invented-encrypted.pdf'),
  pdf(
    [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
      stream('BT /F1 12 Tf 72 720 Td (secret) Tj ET'),
      `<< /Filter /Standard /V 1 /R 2 /Length 40 /P -44 /O <${hex32(11)}> /U <${hex32(97)}> >>`,
    ],
    ' /Encrypt 5 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>]',
  ),
);

writeFileSync(
  join(root, 'fixtures/invented-scan.pdf'),
  pdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
    stream('0.5 g 72 72 451 698 re f'),
  ]),
);

// - fixtures/invented-table-2pages.pdf: a ruled table with merged header cells (rowspan, colspan), a header
//   cell wrapped over two lines (科研 / 机构), continued on page 2 under a repeated header; page numbers
//   `- 1 -` / `- 2 -` in the footer.
{
  const text = (size, x, y, s) => `BT /F1 ${size} Tf ${x} ${y} Td <${ucs2(s)}> Tj ET`;
  const h = (y, x1, x2) => `${x1} ${y} m ${x2} ${y} l S`;
  const v = (x, y1, y2) => `${x} ${y1} m ${x} ${y2} l S`;
  /** The two header rows, top edge at `top` (rows 30 pt high, columns at 72/200/300/400/500). */
  const header = (top) => [
    h(top, 72, 500),
    h(top - 30, 200, 400),
    h(top - 60, 72, 500),
    v(72, top - 60, top),
    v(200, top - 60, top),
    v(300, top - 60, top - 30),
    v(400, top - 60, top),
    v(500, top - 60, top),
    text(10, 80, top - 35, '申请人'),
    text(10, 210, top - 20, '法人或其他组织'),
    text(10, 410, top - 35, '总计'),
    text(10, 210, top - 50, '商业企业'),
    text(10, 310, top - 45, '科研'),
    text(10, 310, top - 57, '机构'),
  ];
  /** A data row below `top`. */
  const row = (top, cells) => [
    h(top - 30, 72, 500),
    ...[72, 200, 300, 400, 500].map((x) => v(x, top - 30, top)),
    ...cells.map((c, i) => text(10, [80, 210, 310, 410][i], top - 20, c)),
  ];
  const page1 = [
    text(16, 200, 780, '某局2023年政府信息公开工作年度报告'),
    text(12, 96, 740, '一、总体情况'),
    text(12, 96, 715, '本年度共收到政府信息公开申请6件，已全部办结。'),
    ...header(680),
    ...row(620, ['新收', '1', '2', '3']),
    text(10, 280, 40, '- 1 -'),
  ].join('\n');
  const page2 = [
    ...header(780),
    ...row(720, ['结转', '0', '0', '0']),
    ...row(690, ['总计', '1', '2', '3']),
    text(12, 96, 600, '二、其他需要报告的事项'),
    text(12, 96, 575, '无。'),
    text(10, 280, 40, '- 2 -'),
  ].join('\n');
  const font = '<< /Font << /F1 7 0 R >> >>';
  writeFileSync(
    join(root, 'fixtures/invented-table-2pages.pdf'),
    pdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R 5 0 R] /Count 2 >>',
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources ${font} /Contents 4 0 R >>`,
      stream(`0.5 w\n${page1}`),
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources ${font} /Contents 6 0 R >>`,
      stream(`0.5 w\n${page2}`),
      '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [8 0 R] >>',
      '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 9 0 R /DW 1000 >>',
      '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
    ]),
  );
}

// - fixtures/radicals-seed-2018-shulan-minzheng.pdf and fixtures/radicals-seed-2018-shulan-minzheng.clean.pdf:
//   the text of fixtures/seed-2018-shulan-minzheng.txt (a real report) laid out in lines on A4 pages. Both
//   draw the same glyphs; their ToUnicode maps differ: the clean copy maps every glyph to its ideograph, the
//   other maps each ideograph that has a Kangxi radical or radical-supplement twin to that radical (一 → ⼀,
//   人 → ⼈, 民 → ⺠ …), as the embedded fonts of many real PDFs do. Text extraction then gives
//   `⼀、基本⼯作情况` and `舒兰市⺠政局` where a reader sees the clean text.
{
  const { EQUIVALENT_UNIFIED_IDEOGRAPH } = await import('../dist/text/glyph-table.js');
  /** Ideograph → its radical twin, preferring the Kangxi block (as fonts do) to the supplement. */
  const twin = new Map();
  for (const pair of EQUIVALENT_UNIFIED_IDEOGRAPH.split(' ')) {
    const [from, to] = pair.split(':').map((h) => Number.parseInt(h, 16));
    if (from >= 0x31c0) continue; // strokes are not glyphs of whole characters
    if (!twin.has(to) || from >= 0x2f00) twin.set(to, from);
  }
  const source = readFileSync(join(root, 'fixtures/seed-2018-shulan-minzheng.txt'), 'utf8');
  const perLine = 36;
  const lines = [];
  for (const para of source.split('\n').filter((l) => l.trim() !== '')) {
    const chars = [...`\u3000\u3000${para.trim()}`];
    for (let i = 0; i < chars.length; i += perLine) lines.push(chars.slice(i, i + perLine).join(''));
  }
  const perPage = 34;
  const pages = [];
  for (let i = 0; i < lines.length; i += perPage) {
    const body = lines
      .slice(i, i + perPage)
      .map((l, j) => `BT /F1 12 Tf 72 ${770 - j * 20} Td <${ucs2(l)}> Tj ET`);
    body.push(`BT /F1 10 Tf 280 40 Td <${ucs2(`- ${pages.length + 1} -`)}> Tj ET`);
    pages.push(body.join('\n'));
  }
  const codes = [...new Set(`${source.replace(/\n/g, '')}\u3000- 0123456789`)].map((c) => c.charCodeAt(0));
  const toUnicode = (mapped) => {
    const entries = codes.map((c) => {
      const hex = (n) => n.toString(16).toUpperCase().padStart(4, '0');
      return `<${hex(c)}> <${hex(mapped(c))}>`;
    });
    const blocks = [];
    for (let i = 0; i < entries.length; i += 100) {
      const chunk = entries.slice(i, i + 100);
      blocks.push(`${chunk.length} beginbfchar\n${chunk.join('\n')}\nendbfchar`);
    }
    return [
      '/CIDInit /ProcSet findresource begin 12 dict begin begincmap',
      '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
      '/CMapName /Adobe-Identity-UCS def /CMapType 2 def',
      '1 begincodespacerange <0000> <FFFF> endcodespacerange',
      ...blocks,
      'endcmap CMapName currentdict /CMap defineresource pop end end',
    ].join('\n');
  };
  const build = (mapped, title) => {
    const n = pages.length;
    const font = 3 + 2 * n;
    const objects = [
      '<< /Type /Catalog /Pages 2 0 R >>',
      `<< /Type /Pages /Kids [${pages.map((_, i) => `${3 + 2 * i} 0 R`).join(' ')}] /Count ${n} >>`,
    ];
    pages.forEach((content, i) => {
      objects.push(
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${4 + 2 * i} 0 R >>`,
        stream(content),
      );
    });
    objects.push(
      `<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [${font + 1} 0 R] /ToUnicode ${font + 3} 0 R >>`,
      `<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor ${font + 2} 0 R /DW 1000 >>`,
      '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
      stream(toUnicode(mapped)),
      `<< /Title (${title}) /Producer (scripts/make-pdf-fixtures.mjs) >>`,
    );
    return pdf(objects, ` /Info ${font + 4} 0 R`);
  };
  writeFileSync(
    join(root, 'fixtures/radicals-seed-2018-shulan-minzheng.pdf'),
    build((c) => twin.get(c) ?? c, 'Seed report, radical code points'),
  );
  writeFileSync(
    join(root, 'fixtures/radicals-seed-2018-shulan-minzheng.clean.pdf'),
    build((c) => c, 'Seed report, clean copy'),
  );
}
