import type { DocContext } from '../model/doc-context.js';
import type { Figure, Origin, Qualifier, Section } from '../model/index.js';

/** Units a statistics row or a count may carry, longest first. */
export const UNITS = ['人次', '万元', '条', '件', '个', '人', '次', '篇', '元', '场', '期', '份', '项', '家'];
/** Alternation of {@link UNITS} for regular expressions. */
export const UNIT_RE = UNITS.join('|');

/**
 * Builds a figure whose `stated` is exactly `text.slice(span)`; money in 元 is normalized to 万元.
 *
 * @example
 * makeFigure(ctx, { start: 10, end: 12, value: 84, unit: '条', source: 'prose', label: '主动公开政府信息数' });
 */
export function makeFigure(
  ctx: DocContext,
  f: {
    start: number;
    end: number;
    value: number;
    unit: string;
    qualifier?: Qualifier;
    source: 'prose' | 'table';
    label?: string;
  },
): Figure {
  const value = f.unit === '元' ? roundMoney(f.value / 10000) : f.value;
  const figure: Figure = {
    value,
    unit: f.unit,
    qualifier: f.qualifier ?? 'exact',
    stated: ctx.text.slice(f.start, f.end),
    span: [f.start, f.end],
    source: f.source,
  };
  if (f.label) figure.label = f.label;
  const origin = originAt(ctx, f.start, f.end);
  if (origin) figure.origin = origin;
  const section = sectionAt(ctx.sections, f.start);
  if (section) figure.section = section;
  return figure;
}

/** Rounds a 万元 amount to 6 decimals (1 元 = 0.0001 万元) so 380 元 → 0.038 exactly. */
function roundMoney(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/**
 * The id of the deepest section whose extent holds an offset.
 *
 * @example
 * sectionAt(report.sections, report.figures['active.total'].span[0]); // '2.1'
 */
export function sectionAt(sections: Section[], offset: number): string | undefined {
  let found: string | undefined;
  let level = sections;
  for (;;) {
    const hit = level.find((s) => s.extent[0] <= offset && offset < s.extent[1]);
    if (!hit) return found;
    found = hit.id;
    level = hit.children;
  }
}

/**
 * Where a span sat in the source: the page/paragraph/line anchor holding it, merged with the table cell
 * anchor holding it (the most specific wins).
 *
 * @example
 * originAt(ctx, 100, 102); // { page: 2, table: 1, row: 3, col: 2 }
 */
export function originAt(ctx: DocContext, start: number, end: number): Origin | undefined {
  const holding = ctx.anchors
    .filter((a) => a.span[0] <= start && end <= a.span[1])
    .sort((a, b) => b.span[1] - b.span[0] - (a.span[1] - a.span[0]));
  if (holding.length === 0) return undefined;
  const origin: Origin = {};
  for (const a of holding) Object.assign(origin, a.origin);
  return origin;
}
