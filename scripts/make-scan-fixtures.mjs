// Writes the scanned-report fixtures the OCR tests use, from a corpus PDF with a text layer:
// - fixtures/scan-hongze-2023.pdf: all five pages of test/corpus/hongze-2023.pdf rendered at 150 dpi, each
//   turned a little (between −0.8° and +0.6°), with light speckle noise, as greyscale JPEGs in a PDF without
//   any text: what a scanner makes of the printed report.
// - fixtures/scan-pingtan-syq-2022-p4-6.pdf: pages 4–6 of test/corpus/pingtan-syq-2022.pdf (the template
//   tables of a second report, with another table design) scanned the same way.
// - fixtures/invented-mixed-scan.pdf: an invented text page (STSong-Light, as in make-pdf-fixtures.mjs)
//   followed by one scanned page: the top of hongze-2023.pdf page 5 (section 六 and its fee sentence).
// - fixtures/scan-hongze-2023-p5-top.png: the same scanned strip as an image file.
// Run: node scripts/make-scan-fixtures.mjs (needs the optional OCR packages for sharp)
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCanvas } from '@napi-rs/canvas';
import sharp from 'sharp';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pdfjsDir = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
const DPI = 150;

/** A small deterministic random generator, so the fixtures are the same on every run. */
function random(seed) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Renders one page at DPI, turned by `degrees`, as grey pixels with speckles and a little grain. */
async function scanPage(doc, n, degrees, seed) {
  const page = await doc.getPage(n);
  const viewport = page.getViewport({ scale: DPI / 72 });
  const w = Math.ceil(viewport.width);
  const h = Math.ceil(viewport.height);
  const flat = createCanvas(w, h);
  const fctx = flat.getContext('2d');
  fctx.fillStyle = '#fff';
  fctx.fillRect(0, 0, w, h);
  await page.render({ canvas: flat, canvasContext: fctx, viewport }).promise;
  const turned = createCanvas(w, h);
  const ctx = turned.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, w, h);
  ctx.translate(w / 2, h / 2);
  ctx.rotate((degrees * Math.PI) / 180);
  ctx.drawImage(flat, -w / 2, -h / 2);
  const rgba = ctx.getImageData(0, 0, w, h).data;
  const rand = random(seed);
  const gray = Buffer.alloc(w * h);
  for (let i = 0; i < gray.length; i++) {
    let v = (rgba[i * 4] * 299 + rgba[i * 4 + 1] * 587 + rgba[i * 4 + 2] * 114) / 1000;
    v += (rand() - 0.5) * 8; // grain
    const r = rand();
    if (r < 0.0015)
      v = 40 + rand() * 60; // dark speck
    else if (r < 0.003) v = 255; // dropout
    gray[i] = Math.max(0, Math.min(255, Math.round(v)));
  }
  return { gray, w, h, widthPt: viewport.width / (DPI / 72), heightPt: viewport.height / (DPI / 72) };
}

function jpeg(scan, top = 0, height = scan.h) {
  return sharp(scan.gray, { raw: { width: scan.w, height: scan.h, channels: 1 } })
    .extract({ left: 0, top, width: scan.w, height })
    .jpeg({ quality: 60 })
    .toBuffer();
}

/** Assembles objects (strings or {dict, data} streams) into a PDF with a correct xref table. */
function pdf(objects) {
  const chunks = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let length = chunks[0].length;
  const offsets = [];
  const push = (b) => {
    chunks.push(b);
    length += b.length;
  };
  objects.forEach((o, i) => {
    offsets.push(length);
    if (typeof o === 'string') push(Buffer.from(`${i + 1} 0 obj\n${o}\nendobj\n`, 'latin1'));
    else {
      push(Buffer.from(`${i + 1} 0 obj\n<< ${o.dict} /Length ${o.data.length} >>\nstream\n`, 'latin1'));
      push(o.data);
      push(Buffer.from('\nendstream\nendobj\n', 'latin1'));
    }
  });
  let tail = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) tail += `${String(o).padStart(10, '0')} 00000 n \n`;
  tail += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`;
  push(Buffer.from(tail, 'latin1'));
  return Buffer.concat(chunks);
}

/** Objects of a page that shows one greyscale JPEG over its whole area. */
function imagePage(first, image, pixelsW, pixelsH, widthPt, heightPt) {
  const content = Buffer.from(
    `q ${widthPt.toFixed(2)} 0 0 ${heightPt.toFixed(2)} 0 0 cm /Im0 Do Q`,
    'latin1',
  );
  return [
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${widthPt.toFixed(2)} ${heightPt.toFixed(2)}] /Resources << /XObject << /Im0 ${first + 2} 0 R >> >> /Contents ${first + 1} 0 R >>`,
    { dict: '', data: content },
    {
      dict: `/Type /XObject /Subtype /Image /Width ${pixelsW} /Height ${pixelsH} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode`,
      data: image,
    },
  ];
}

async function open(name) {
  return pdfjs.getDocument({
    data: new Uint8Array(readFileSync(join(root, 'test/corpus', name))),
    cMapUrl: `${join(pdfjsDir, 'cmaps')}/`,
    cMapPacked: true,
    standardFontDataUrl: `${join(pdfjsDir, 'standard_fonts')}/`,
    verbosity: 0,
  }).promise;
}

/** Writes an image-only PDF of the given pages of `doc`, page `pages[k]` turned by `turns[k]` degrees. */
async function writeScan(doc, pages, turns, out) {
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', ''];
  const kids = [];
  for (const [k, n] of pages.entries()) {
    const scan = await scanPage(doc, n, turns[k], 1000 + n);
    const first = objects.length + 1; // object number of the page
    kids.push(`${first} 0 R`);
    objects.push(...imagePage(first, await jpeg(scan), scan.w, scan.h, scan.widthPt, scan.heightPt));
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.join(' ')}] /Count ${kids.length} >>`;
  writeFileSync(join(root, 'fixtures', out), pdf(objects));
}

const pingtan = await open('pingtan-syq-2022.pdf');
await writeScan(pingtan, [4, 5, 6], [-0.5, 0.7, -0.3], 'scan-pingtan-syq-2022-p4-6.pdf');
await pingtan.destroy();

const doc = await open('hongze-2023.pdf');
await writeScan(doc, [1, 2, 3, 4, 5], [-0.3, 0.6, -0.8, 0.4, -0.5], 'scan-hongze-2023.pdf');

// The mixed document: a text page, then the scanned top of page 5.
const strip = await scanPage(doc, 5, -0.5, 1005);
const stripRows = 520; // section 六 and its sentence, well above the page number
const stripJpeg = await jpeg(strip, 0, stripRows);
await sharp(strip.gray, { raw: { width: strip.w, height: strip.h, channels: 1 } })
  .extract({ left: 0, top: 0, width: strip.w, height: stripRows })
  .png({ palette: true, colours: 16 })
  .toFile(join(root, 'fixtures/scan-hongze-2023-p5-top.png'));
const ucs2 = (t) => Buffer.from(t, 'utf16le').swap16().toString('hex').toUpperCase();
const lines = [
  [18, 800, '某区2023年政府信息公开工作年度报告'],
  [12, 760, '一、总体情况'],
  [12, 736, '本年度主动公开政府信息64条，依申请公开3件。'],
];
const text = lines.map(([size, y, t]) => `BT /F1 ${size} Tf 72 ${y} Td <${ucs2(t)}> Tj ET`).join('\n');
const stripHeightPt = stripRows / (DPI / 72);
const mixed = [
  '<< /Type /Catalog /Pages 2 0 R >>',
  '<< /Type /Pages /Kids [3 0 R 5 0 R] /Count 2 >>',
  '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 8 0 R >> >> /Contents 4 0 R >>',
  { dict: '', data: Buffer.from(text, 'latin1') },
  ...imagePage(5, stripJpeg, strip.w, stripRows, strip.widthPt, stripHeightPt),
  '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [9 0 R] >>',
  '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 10 0 R /DW 1000 >>',
  '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
];
writeFileSync(join(root, 'fixtures/invented-mixed-scan.pdf'), pdf(mixed));
await doc.destroy();
