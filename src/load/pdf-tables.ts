import { mergeCollinear } from '../layout/ruled-tables.js';
import type { PageRulings, Ruling } from '../layout/types.js';

/** The subset of pdf.js `OPS` codes the ruling reader needs. */
export interface PathOps {
  save: number;
  restore: number;
  transform: number;
  constructPath: number;
  endPath: number;
  fill: number;
  eoFill: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
}

type Matrix = [number, number, number, number, number, number];
const TOL = 2;

function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

/**
 * Collects the horizontal and vertical rulings a page paints (stroked lines, thin filled rectangles and the
 * edges of filled cell boxes), in page space, from a pdf.js operator list.
 *
 * @example
 * const segments = pageRulings(opList.fnArray, opList.argsArray, pdfjs.OPS, [0, 0, 595, 842]);
 */
export function pageRulings(
  fnArray: number[],
  argsArray: unknown[],
  ops: PathOps,
  view: number[],
): PageRulings {
  const h: Ruling[] = [];
  const v: Ruling[] = [];
  const pageArea = Math.abs(((view[2] ?? 0) - (view[0] ?? 0)) * ((view[3] ?? 0) - (view[1] ?? 0)));
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  const add = (ax: number, ay: number, bx: number, by: number) => {
    if (Math.abs(ay - by) < 0.5 && Math.abs(ax - bx) > TOL) {
      h.push({ x1: Math.min(ax, bx), x2: Math.max(ax, bx), y1: (ay + by) / 2, y2: (ay + by) / 2 });
    } else if (Math.abs(ax - bx) < 0.5 && Math.abs(ay - by) > TOL) {
      v.push({ y1: Math.min(ay, by), y2: Math.max(ay, by), x1: (ax + bx) / 2, x2: (ax + bx) / 2 });
    }
  };
  const point = (x: number, y: number): [number, number] => [
    ctm[0] * x + ctm[2] * y + ctm[4],
    ctm[1] * x + ctm[3] * y + ctm[5],
  ];
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[] | null;
    if (fn === ops.save) stack.push(ctm);
    else if (fn === ops.restore) ctm = stack.pop() ?? ctm;
    else if (fn === ops.transform && args) ctm = multiply(ctm, args as Matrix);
    else if (fn === ops.paintFormXObjectBegin && args) {
      stack.push(ctm);
      if (Array.isArray(args[0]) || ArrayBuffer.isView(args[0]))
        ctm = multiply(ctm, Array.from(args[0] as number[]) as Matrix);
    } else if (fn === ops.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === ops.constructPath && args) {
      const paint = args[0] as number;
      if (paint === ops.endPath) continue; // a clipping path: no ink
      // Filled shapes (paragraph backgrounds, logos, seals) are no rulings, except thin bars drawn as borders.
      const stroked = paint !== ops.fill && paint !== ops.eoFill;
      const data = (args[1] as ArrayLike<number>[] | undefined)?.[0];
      if (!data) continue;
      const sub: [number, number][] = [];
      const flush = () => {
        if (sub.length === 5 || sub.length === 4) {
          const xs = sub.map((p) => p[0]);
          const ys = sub.map((p) => p[1]);
          const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
          const rectangle = sub.every(
            (p) =>
              (Math.abs(p[0] - x0) < 0.5 || Math.abs(p[0] - x1) < 0.5) &&
              (Math.abs(p[1] - y0) < 0.5 || Math.abs(p[1] - y1) < 0.5),
          );
          if (rectangle && y1 - y0 < TOL && x1 - x0 > TOL) add(x0, (y0 + y1) / 2, x1, (y0 + y1) / 2);
          else if (rectangle && x1 - x0 < TOL && y1 - y0 > TOL) add((x0 + x1) / 2, y0, (x0 + x1) / 2, y1);
          else if (rectangle && stroked && (x1 - x0) * (y1 - y0) < pageArea * 0.5) {
            add(x0, y0, x1, y0);
            add(x0, y1, x1, y1);
            add(x0, y0, x0, y1);
            add(x1, y0, x1, y1);
          }
          if (rectangle) {
            sub.length = 0;
            return;
          }
        }
        if (stroked) {
          for (let k = 1; k < sub.length; k++) {
            const a = sub[k - 1] as [number, number];
            const b = sub[k] as [number, number];
            add(a[0], a[1], b[0], b[1]);
          }
        }
        sub.length = 0;
      };
      let k = 0;
      while (k < data.length) {
        const op = data[k];
        if (op === 0) {
          flush();
          sub.push(point(data[k + 1] as number, data[k + 2] as number));
          k += 3;
        } else if (op === 1) {
          sub.push(point(data[k + 1] as number, data[k + 2] as number));
          k += 3;
        } else if (op === 2) {
          flush();
          k += 7;
        } else if (op === 3) {
          if (sub.length > 1) sub.push(sub[0] as [number, number]);
          k += 1;
        } else break;
      }
      flush();
    }
  }
  return { h: mergeCollinear(h, 'h'), v: mergeCollinear(v, 'v') };
}
