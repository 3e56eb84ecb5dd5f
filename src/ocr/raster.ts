import { LoadError } from '../load/loaded.js';
import type { RgbaImage } from './engine.js';

/** An 8-bit grey image, row by row, 0 black … 255 white. */
export interface GrayImage {
  data: Uint8Array;
  width: number;
  height: number;
}

type Sharp = typeof import('sharp');
let sharpModule: Promise<Sharp> | undefined;

/** sharp (an optional dependency that comes with OCR), loaded on first use. */
export async function sharp(): Promise<Sharp> {
  const name = 'sharp';
  sharpModule ??= import(name).then((m: { default: Sharp }) => m.default);
  try {
    return await sharpModule;
  } catch (error) {
    sharpModule = undefined;
    throw new LoadError(
      'ocr-unavailable',
      'image reading needs the optional package sharp (npm install sharp)',
      {
        cause: error,
      },
    );
  }
}

/** Ink: darker than this on a white page. */
export const INK = 160;

/** The grey of thin strokes in a scan: too light to find a line by, dark enough to belong to one. */
const FAINT_INK = 210;

/**
 * Decodes PNG, JPEG or TIFF bytes into grey pixels (EXIF orientation applied, transparency on white),
 * refusing images larger than `maxPixels` before decoding them.
 *
 * @example
 * const page = await decodeGray(readFileSync('scan.png'), 40e6);
 */
export async function decodeGray(bytes: Uint8Array, maxPixels: number): Promise<GrayImage> {
  const lib = await sharp();
  try {
    const image = lib(bytes, { limitInputPixels: maxPixels, failOn: 'error' });
    const { data, info } = await image
      .rotate()
      .flatten({ background: '#ffffff' })
      .greyscale()
      .raw()
      .toBuffer({ resolveWithObject: true });
    return toGray(data, info.width, info.height, info.channels);
  } catch (error) {
    const message = (error as Error).message;
    if (/pixel limit/i.test(message)) {
      throw new LoadError('too-large', `the image has more than ${maxPixels} pixels`, { cause: error });
    }
    throw new LoadError('corrupt', `the image cannot be decoded: ${message}`, { cause: error });
  }
}

function toGray(data: Uint8Array, width: number, height: number, channels: number): GrayImage {
  if (channels === 1)
    return { data: new Uint8Array(data.buffer, data.byteOffset, width * height), width, height };
  const out = new Uint8Array(width * height);
  for (let i = 0; i < out.length; i++) out[i] = data[i * channels] as number;
  return { data: out, width, height };
}

/**
 * The small rotation of a scanned page, in degrees (positive: the text rises to the right), found as the
 * angle at which the rows of ink line up best (the sharpest horizontal projection profile).
 *
 * @example
 * const angle = skewAngle(page); // 0.6
 */
export function skewAngle(image: GrayImage, maxDegrees = 3): number {
  // Every third column is plenty for a page of text; every row is kept, since skipping rows would favour
  // the angle at which the kept rows stay apart (zero).
  const points: number[] = [];
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x += 3) {
      if ((image.data[y * image.width + x] as number) < INK) points.push(x, y);
    }
  }
  if (points.length < 200) return 0;
  const score = (degrees: number): number => {
    const t = Math.tan((degrees * Math.PI) / 180);
    const rows = new Float64Array(image.height + image.width + 2);
    const offset = Math.ceil(image.width * Math.abs(t)) + 1;
    for (let i = 0; i < points.length; i += 2) {
      const row = Math.round((points[i + 1] as number) + (points[i] as number) * t) + offset;
      if (row >= 0 && row < rows.length) rows[row] = (rows[row] as number) + 1;
    }
    let sum = 0;
    for (const n of rows) sum += n * n;
    return sum;
  };
  let best = 0;
  let bestScore = -1;
  for (let d = -maxDegrees; d <= maxDegrees + 1e-9; d += 0.2) {
    const s = score(d);
    if (s > bestScore) [best, bestScore] = [d, s];
  }
  const coarse = best;
  for (let d = coarse - 0.2; d <= coarse + 0.2 + 1e-9; d += 0.04) {
    const s = score(d);
    if (s > bestScore) [best, bestScore] = [d, s];
  }
  return Math.round(best * 100) / 100;
}

/**
 * Turns the page so its lines run level (white fills the corners); pages within 0.1° are left alone.
 *
 * @example
 * const level = await deskew(page, skewAngle(page));
 */
export async function deskew(image: GrayImage, degrees: number): Promise<GrayImage> {
  if (Math.abs(degrees) < 0.1) return image;
  const lib = await sharp();
  const { data, info } = await lib(image.data, {
    raw: { width: image.width, height: image.height, channels: 1 },
  })
    .rotate(degrees, { background: { r: 255, g: 255, b: 255 } })
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return toGray(data, info.width, info.height, info.channels);
}

/** PNG bytes of a grey image. */
export async function encodePng(image: GrayImage): Promise<Uint8Array> {
  const lib = await sharp();
  return lib(image.data, { raw: { width: image.width, height: image.height, channels: 1 } })
    .png({ compressionLevel: 1 })
    .toBuffer();
}

/** A box of pixels `[x0, y0, x1, y1)` (right and bottom edges exclusive). */
export type PixelBox = [number, number, number, number];

/** Copies a box of a grey image as RGBA (what the recognizer takes), with `pad` white pixels round it. */
export function cropRgba(image: GrayImage, box: PixelBox, pad = 4): RgbaImage {
  const [x0, y0, x1, y1] = box;
  const width = x1 - x0 + 2 * pad;
  const height = y1 - y0 + 2 * pad;
  const data = new Uint8Array(width * height * 4).fill(255);
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const v = image.data[y * image.width + x] as number;
      const o = ((y - y0 + pad) * width + (x - x0 + pad)) * 4;
      data[o] = v;
      data[o + 1] = v;
      data[o + 2] = v;
    }
  }
  return { data, width, height };
}

/** Paints boxes white (a copy): text already read elsewhere is not read twice. */
export function blank(image: GrayImage, boxes: PixelBox[]): GrayImage {
  const data = new Uint8Array(image.data);
  for (const [x0, y0, x1, y1] of boxes) {
    for (let y = Math.max(0, y0); y < Math.min(image.height, y1); y++) {
      data.fill(255, y * image.width + Math.max(0, x0), y * image.width + Math.min(image.width, x1));
    }
  }
  return { data, width: image.width, height: image.height };
}

/** Paper: lighter than this is background, whatever the scanner's grain. */
const PAPER = 235;

/**
 * Text printed in a light, thin typeface, darkened to the contrast of ordinary black type: the grey levels
 * are stretched so that the darkest part of the ink (its 5th percentile) becomes black and paper stays
 * white. Thin strokes scanned at 150 dpi come out mid-grey (huaian-2024.pdf: most ink between 100 and 200),
 * too light to be found as lines of ink and read poorly. Ink that is already dark, and an image with hardly
 * any ink (a blank cell, whose few grey pixels are noise), are returned as they are.
 *
 * @example
 * const cell = darkenLightInk(cutOut(page, box));
 */
export function darkenLightInk(image: GrayImage): GrayImage {
  const counts = new Int32Array(256);
  for (const v of image.data) counts[v] = (counts[v] as number) + 1;
  let ink = 0;
  for (let v = 0; v < PAPER; v++) ink += counts[v] as number;
  if (ink < MIN_INK) return image;
  let lo = 0;
  for (let seen = 0; lo < PAPER; lo++) {
    seen += counts[lo] as number;
    if (seen >= ink * 0.05) break;
  }
  if (lo < LIGHT_INK) return image;
  const map = new Uint8Array(256);
  for (let v = 0; v < 256; v++)
    map[v] = v >= PAPER ? 255 : Math.max(0, Math.round(((v - lo) * 255) / (PAPER - lo)));
  const data = new Uint8Array(image.data.length);
  for (let i = 0; i < data.length; i++) data[i] = map[image.data[i] as number] as number;
  return { data, width: image.width, height: image.height };
}

/** The darkest ink of black type is far darker than this; of a light, thin typeface, not. */
const LIGHT_INK = 70;

/** Fewer pixels than this of anything but paper are noise, not text (a thin `1` at 150 dpi has about 40). */
const MIN_INK = 30;

/**
 * The part of an image inside `box`, as an image of its own.
 *
 * @example
 * const cell = cutOut(page, [120, 300, 180, 340]); // 60 × 40 pixels
 */
export function cutOut(image: GrayImage, box: PixelBox): GrayImage {
  const [x0, y0, x1, y1] = [
    Math.max(0, box[0]),
    Math.max(0, box[1]),
    Math.min(image.width, box[2]),
    Math.min(image.height, box[3]),
  ];
  const width = Math.max(0, x1 - x0);
  const height = Math.max(0, y1 - y0);
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++)
    data.set(
      image.data.subarray((y0 + y) * image.width + x0, (y0 + y) * image.width + x0 + width),
      y * width,
    );
  return { data, width, height };
}

/**
 * The lines of text inside a box (a table cell): the rows of ink separated by blank rows, each cut to the
 * columns its ink covers. Ruling remnants along the box's edges (rows or columns mostly ink) are ignored;
 * specks of a pixel or two are not text.
 *
 * @example
 * for (const line of inkLines(page, cell)) await ocr.readLine(cropRgba(page, line));
 */
export function inkLines(image: GrayImage, box: PixelBox): PixelBox[] {
  const [x0, y0, x1, y1] = box;
  const w = x1 - x0;
  const h = y1 - y0;
  if (w <= 2 || h <= 2) return [];
  const dark = (x: number, y: number) => (image.data[y * image.width + x] as number) < INK;
  const rowInk = new Int32Array(h);
  const colInk = new Int32Array(w);
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      if (dark(x, y)) {
        rowInk[y - y0] = (rowInk[y - y0] as number) + 1;
        colInk[x - x0] = (colInk[x - x0] as number) + 1;
      }
    }
  }
  // A row or column almost all ink is a ruling, not text.
  const rowIsRule = (r: number) => (rowInk[r] as number) > w * 0.8;
  const colIsRule = (c: number) => (colInk[c] as number) > h * 0.8;
  const lines: PixelBox[] = [];
  let start = -1;
  const close = (end: number) => {
    const lh = end - start;
    const darkCol = new Int32Array(w);
    const faintCol = new Int32Array(w);
    let ink = 0;
    for (let c = 0; c < w; c++) {
      if (colIsRule(c)) continue;
      for (let y = y0 + start; y < y0 + end; y++) {
        const v = image.data[y * image.width + x0 + c] as number;
        if (v < INK) darkCol[c] = (darkCol[c] as number) + 1;
        if (v < FAINT_INK) faintCol[c] = (faintCol[c] as number) + 1;
      }
      ink += darkCol[c] as number;
    }
    let a = darkCol.findIndex((n) => n > 0);
    let b = darkCol.findLastIndex((n) => n > 0) + 1;
    // The line reaches on as far as faint strokes join it: thin type scans grey, and a character cut at its
    // light strokes is read as another or dropped (纠正 → 纠). A column faint from top to bottom is the blur
    // of a ruling, and a gap of more than two blank columns ends the line.
    const stroke = (c: number) => (faintCol[c] as number) > 0 && (faintCol[c] as number) < lh * 0.7;
    for (let c = b, gap = 0; c < w && gap <= 2; c++) {
      if (stroke(c)) [b, gap] = [c + 1, 0];
      else gap++;
    }
    for (let c = a - 1, gap = 0; c >= 0 && gap <= 2; c--) {
      if (stroke(c)) [a, gap] = [c, 0];
      else gap++;
    }
    if (ink >= 6 && lh >= 4 && a >= 0) lines.push([x0 + a, y0 + start, x0 + b, y0 + end]);
    start = -1;
  };
  for (let r = 0; r < h; r++) {
    let ink = rowIsRule(r) ? 0 : (rowInk[r] as number);
    if (ink > 0) for (let c = 0; c < w; c++) if (colIsRule(c) && dark(x0 + c, y0 + r)) ink--;
    if (ink > 0 && start < 0) start = r;
    else if (ink <= 0 && start >= 0) close(r);
  }
  if (start >= 0) close(h);
  return joinBrokenLines(lines);
}

/**
 * Joins pieces of one line that blank rows split: a character like 二 or 三 alone, or the dots of 、 under a
 * line. A piece much lower than the tallest line, close to its neighbour, belongs to that neighbour.
 */
function joinBrokenLines(lines: PixelBox[]): PixelBox[] {
  const tallest = Math.max(0, ...lines.map((l) => l[3] - l[1]));
  const out: PixelBox[] = [];
  for (const line of lines) {
    const prev = out.at(-1);
    const short = (b: PixelBox) => b[3] - b[1] < tallest * 0.6;
    if (prev && line[1] - prev[3] < tallest * 0.5 && (short(prev) || short(line))) {
      out[out.length - 1] = [Math.min(prev[0], line[0]), prev[1], Math.max(prev[2], line[2]), line[3]];
    } else out.push(line);
  }
  return out;
}

/**
 * Removes specks: an inked pixel with at most four inked pixels in its 5×5 neighbourhood is scan noise, not
 * print (the smallest printed mark, a decimal point, covers about nine pixels at 150 dpi). Specks next to
 * figures otherwise read as `.`, `·` or `"`.
 *
 * @example
 * const clean = despeckle(page);
 */
export function despeckle(image: GrayImage): GrayImage {
  const { width, height, data } = image;
  const out = new Uint8Array(data);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if ((data[y * width + x] as number) >= INK) continue;
      let n = 0;
      for (let dy = -2; dy <= 2 && n <= 4; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= height) continue;
        for (let dx = -2; dx <= 2; dx++) {
          const xx = x + dx;
          if (xx >= 0 && xx < width && (data[yy * width + xx] as number) < INK) n++;
        }
      }
      if (n <= 4) out[y * width + x] = 255;
    }
  }
  return { data: out, width, height };
}
