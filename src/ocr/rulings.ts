import { mergeCollinear, type PageRulings, type Ruling } from '../layout/index.js';
import type { GrayImage } from './raster.js';

/**
 * Darker than this is part of a ruling: thin rulings of a scan come out grey (a hairline spread over two
 * pixel rows by the scanner and by levelling), lighter than text ink; cell shading is lighter still.
 */
const RULE_INK = 205;

/** A ruling found in pixels: `[at, from, to]` (a row or column and the span it covers). */
type Stroke = { at: number; from: number; to: number; thick: number };

/**
 * Finds the table rulings printed on a page image: long straight runs of ink, horizontal and vertical,
 * up to a few pixels thick, in pixels (y downwards). Gaps of a pixel or two (scan noise, a faint print) are
 * bridged; strokes of a character are far shorter than `minLength`.
 *
 * @example
 * const { h, v } = imageRulings(page); // h[0] = { x1: 150, y1: 190, x2: 1085, y2: 190 }
 */
export function imageRulings(image: GrayImage, dpi: number): PageRulings {
  const minH = Math.round(dpi * 0.35); // about 9 mm: longer than any character stroke
  const minV = Math.round(dpi * 0.22); // about 5.5 mm: taller than a heading's strokes, shorter than a row
  const h = strokes(image, 'h', minH);
  const v = strokes(image, 'v', minV);
  // A ruling's run of ink goes on to the far side of the ruling it meets, a pixel or two past that
  // ruling's centre line, where the layout code looks for the join: ends are put on the centre line.
  const snap = (end: number, at: number, others: Stroke[]) => {
    const hit = others.find((o) => Math.abs(o.at - end) <= o.thick + 3 && at >= o.from - 3 && at <= o.to + 3);
    return hit ? hit.at : end;
  };
  for (const s of h) [s.from, s.to] = [snap(s.from, s.at, v), snap(s.to - 1, s.at, v)];
  for (const s of v) [s.from, s.to] = [snap(s.from, s.at, h), snap(s.to - 1, s.at, h)];
  const toRuling = (s: Stroke, dir: 'h' | 'v'): Ruling =>
    dir === 'h' ? { x1: s.from, x2: s.to, y1: s.at, y2: s.at } : { x1: s.at, x2: s.at, y1: s.from, y2: s.to };
  return { h: h.map((s) => toRuling(s, 'h')), v: v.map((s) => toRuling(s, 'v')) };
}

function strokes(image: GrayImage, dir: 'h' | 'v', minLength: number): Stroke[] {
  const { width, height, data } = image;
  const lines = dir === 'h' ? height : width;
  const length = dir === 'h' ? width : height;
  const dark = (line: number, pos: number) =>
    (data[dir === 'h' ? line * width + pos : pos * width + line] as number) < RULE_INK;
  const runs: Stroke[] = [];
  for (let line = 0; line < lines; line++) {
    let start = -1;
    let lastInk = -10;
    for (let pos = 0; pos <= length; pos++) {
      const ink = pos < length && dark(line, pos);
      if (ink) {
        if (start < 0 || pos - lastInk > 2) {
          if (start >= 0 && lastInk - start + 1 >= minLength)
            runs.push({ at: line, from: start, to: lastInk + 1, thick: 1 });
          start = pos;
        }
        lastInk = pos;
      }
    }
    if (start >= 0 && lastInk - start + 1 >= minLength)
      runs.push({ at: line, from: start, to: lastInk + 1, thick: 1 });
  }
  // Runs on neighbouring lines that overlap are one thick stroke (a ruling one to a few pixels wide).
  runs.sort((a, b) => a.at - b.at || a.from - b.from);
  const merged: (Stroke & { last: number; sum: number })[] = [];
  for (const r of runs) {
    const into = merged.find((m) => r.at - m.last <= 1 && r.at !== m.last && r.from < m.to && r.to > m.from);
    if (into) {
      into.from = Math.min(into.from, r.from);
      into.to = Math.max(into.to, r.to);
      into.sum += r.at;
      into.thick++;
      into.last = r.at;
    } else merged.push({ ...r, last: r.at, sum: r.at });
  }
  // Filled areas (a photo, a seal, a dark banner) are no rulings.
  const maxThick = Math.max(4, Math.round(minLength / 6));
  return merged
    .filter((m) => m.thick <= maxThick)
    .map((m) => ({ at: m.sum / m.thick, from: m.from, to: m.to, thick: m.thick }));
}

/**
 * Page rulings in page space (points, y upwards) from rulings in image pixels.
 *
 * @example
 * const rulings = toPageSpace(imageRulings(page, 150), 150 / 72, page.height);
 */
export function toPageSpace(r: PageRulings, scale: number, imageHeight: number): PageRulings {
  const x = (px: number) => px / scale;
  const y = (py: number) => (imageHeight - py) / scale;
  return {
    h: mergeCollinear(
      r.h.map((s) => ({ x1: x(s.x1), x2: x(s.x2), y1: y(s.y1), y2: y(s.y1) })),
      'h',
    ),
    v: mergeCollinear(
      r.v.map((s) => ({ x1: x(s.x1), x2: x(s.x1), y1: y(s.y2), y2: y(s.y1) })),
      'v',
    ),
  };
}
