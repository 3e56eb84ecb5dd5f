import type { DocContext } from '../../model/doc-context.js';
import type { Ambiguity, Figure } from '../../model/index.js';
import { cellFigure, type DataRow, fitCells, gridRows, runAmbiguity } from './data-row.js';
import { REVIEW_BLOCKS, REVIEW_COLUMNS } from './keys.js';
import { columnSum, type RowReading, type RowSum, type RunToken, splitRun } from './split-run.js';
import { loose, regex, tokenizeRegion } from './text-scan.js';

const WIDTH = REVIEW_BLOCKS.length * REVIEW_COLUMNS.length;
/** 结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计, in each of the three blocks. */
const BLOCK_SUMS: RowSum[] = REVIEW_BLOCKS.map((_, b) =>
  columnSum(REVIEW_COLUMNS, b * REVIEW_COLUMNS.length),
);
const SPECS = Array.from({ length: WIDTH }, () => ({}));

const HEAD = `${loose('行政复议')}[\\s\\S]{0,60}?(?:${loose('行政诉讼')}|${loose('结果维持')})`;
const END = [`${loose('五、')}`, loose('主要问题'), loose('其他需要报告')];

/**
 * Where table 四 lies: from its 行政复议 / 行政诉讼 header to the next section (五、, 主要问题).
 *
 * @example
 * reviewZone(text, 4000); // [4310, 4620]
 */
export function reviewZone(text: string, from = 0): [number, number] | undefined {
  const re = regex(HEAD, 'g');
  re.lastIndex = from;
  const m = re.exec(text);
  if (!m) return undefined;
  let end = Math.min(text.length, m.index + 3000);
  for (const src of END) {
    const e = regex(src, 'g');
    e.lastIndex = m.index + m[0].length;
    const hit = e.exec(text);
    if (hit && hit.index < end) end = hit.index;
  }
  return [m.index, end];
}

/** Runs of numbers and blank markers separated only by whitespace or `|`, in text order. */
function numberGroups(text: string, zone: [number, number]): RunToken[][] {
  const groups: RunToken[][] = [];
  const start = /\d|(?<=^|[\s|])[-/—](?=[\s|]|$)/gm;
  start.lastIndex = zone[0];
  for (let m = start.exec(text); m && m.index < zone[1]; m = start.exec(text)) {
    const tokens = tokenizeRegion(text, m.index, zone[1], 1);
    const last = tokens[tokens.length - 1];
    if (!last) continue;
    groups.push(tokens);
    start.lastIndex = last.start + last.text.length;
  }
  return groups;
}

/** The row of table 四 from text: one group of 15, three groups of 5, or a digit run to split. */
function textRow(text: string, zone: [number, number]): DataRow | undefined {
  const groups = numberGroups(text, zone);
  const label = '行政复议、行政诉讼';
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i] as RunToken[];
    if (g.length >= WIDTH)
      return { label, positional: true, tokens: g.slice(0, WIDTH).map((t) => ({ ...t, single: true })) };
    if (g.length === 5 && groups[i + 1]?.length === 5 && groups[i + 2]?.length === 5) {
      const all = [...g, ...(groups[i + 1] ?? []), ...(groups[i + 2] ?? [])];
      return { label, positional: true, tokens: all.map((t) => (t.blank ? t : { ...t, single: true })) };
    }
    const chars = g.reduce((n, t) => n + (t.blank ? 1 : t.text.length), 0);
    if (chars >= WIDTH) return { label, positional: false, tokens: g };
  }
  return undefined;
}

/** The row of table 四 from a grid: a row with 15 value cells, or three rows of 5 under the block headers. */
function gridRow(ctx: DocContext): DataRow | undefined {
  for (const t of ctx.tables) {
    const all = t.rows
      .flat()
      .map((c) => c.text)
      .join('');
    if (!/复议|诉讼/.test(all)) continue;
    const rows = gridRows(ctx.text, t, () => undefined);
    const wide = rows.find((r) => r.tokens.length >= WIDTH);
    if (wide) return { ...wide, label: '行政复议、行政诉讼', tokens: fitCells(wide.tokens, WIDTH) };
    const fives = rows.filter((r) => r.tokens.length === 5);
    if (fives.length === 3) {
      const first = fives[0] as DataRow;
      return { ...first, label: '行政复议、行政诉讼', tokens: fives.flatMap((r) => r.tokens) };
    }
  }
  return undefined;
}

/**
 * Reads table 四 (行政复议、行政诉讼): 15 cells in three blocks of 结果维持 / 结果纠正 / 其他结果 / 尚未审结 /
 * 总计, splitting a run-together row by the block sums.
 *
 * @example
 * extractReview(ctx).figures['litigation.direct.total'].value; // 12
 */
export function extractReview(
  ctx: DocContext,
  from = 0,
): { figures: Record<string, Figure>; ambiguities: Ambiguity[] } {
  const figures: Record<string, Figure> = {};
  const ambiguities: Ambiguity[] = [];
  let row = gridRow(ctx);
  if (!row) {
    const zone = reviewZone(ctx.text, from);
    if (zone) row = textRow(ctx.text, zone);
  }
  if (!row) return { figures, ambiguities };
  const keys = REVIEW_BLOCKS.flatMap((b) => REVIEW_COLUMNS.map((c) => `${b.prefix}.${c.col}`));
  const labels = REVIEW_BLOCKS.flatMap((b) => REVIEW_COLUMNS.map((c) => `${b.label} · ${c.label}`));
  const readings: RowReading[] = row.positional
    ? splitRun(row.tokens, SPECS, []).readings
    : splitRun(row.tokens, SPECS, BLOCK_SUMS).readings;
  const open: string[] = [];
  for (let i = 0; i < WIDTH; i++) {
    const first = readings[0]?.[i];
    const agreed =
      first && readings.every((r) => r[i]?.value === first.value && r[i]?.span[0] === first.span[0])
        ? first
        : undefined;
    if (agreed)
      figures[keys[i] as string] = cellFigure(ctx, agreed, { unit: '件', label: labels[i] as string, row });
    else if (first !== null) open.push(keys[i] as string);
  }
  if (open.length > 0) {
    const amb = runAmbiguity(
      ctx.text,
      row,
      open,
      readings,
      readings.length === 0 ? 'no split of the digits fits the block sums' : undefined,
    );
    if (amb) ambiguities.push(amb);
  }
  return { figures, ambiguities };
}
