import type { DocContext } from '../../model/doc-context.js';
import type { Ambiguity, Era, Figure } from '../../model/index.js';
import { type ActiveCellDef, resolveTemplate, type Template, templates } from '../../templates/index.js';
import { cellFigure, type DataRow, fitCells, gridRows, runAmbiguity } from './data-row.js';
import { type RowReading, splitRun } from './split-run.js';
import { findAll, loose, regex, tokenizeRegion } from './text-scan.js';

/**
 * Row labels of table 二 over every template; a row a revision renames (规范性文件 → 行政规范性文件) is one
 * label matching either name, and its cells are looked up under the template's own name.
 */
function activeRows(): { row: string; source: string }[] {
  const rows = new Map<string, Set<string>>();
  for (const t of templates()) {
    const back = new Map(Object.entries(t.active?.rowNames ?? {}).map(([base, own]) => [own, base]));
    for (const c of t.active?.cells ?? []) {
      const base = back.get(c.row) ?? c.row;
      const names = rows.get(base) ?? new Set([base]);
      names.add(c.row);
      rows.set(base, names);
    }
  }
  return [...rows].map(([row, names]) => ({
    row,
    source:
      names.size === 1
        ? loose(row)
        : `(?:${[...names]
            .sort((x, y) => y.length - x.length)
            .map(loose)
            .join('|')})`,
  }));
}
/** Words of table 二 that end a row's region: block captions, extra provincial rows and every column header. */
function stops(): string[] {
  const headers = templates().flatMap((t) => t.active?.cells.map((c) => c.col) ?? []);
  return [...new Set(['第二十条', '信息内容', '本年处理决定数量', '其他主动公开文件', ...headers])].map(
    loose,
  );
}
/** What opens table 二: a 第二十条第（X）项 caption or a column header (row labels also occur in prose). */
const START = [
  '第二十条第（',
  '本年制发件数',
  '本年新制作数量',
  '上一年项目数量',
  '本年处理决定数量',
  '本年收费金额',
].map(loose);
/**
 * Where table 二 lies: from its first 第二十条第（一）项 caption (or first header word) to `end`.
 *
 * @example
 * activeZone(text, 1820); // [1400, 1820]
 */
export function activeZone(text: string, end: number): [number, number] | undefined {
  let start = -1;
  for (const src of START) {
    const m = regex(src).exec(text);
    if (m && m.index < end && (start < 0 || m.index < start)) start = m.index;
  }
  return start < 0 ? undefined : [start, Math.min(end, start + 4000)];
}

function cellsOf(row: string, template: Template): ActiveCellDef[] {
  const name = template.active?.rowNames?.[row] ?? row;
  return (template.active?.cells ?? []).filter((c) => c.row === name);
}

/** The template whose own column headers table 二 prints, newest first; else the report's. */
function templateOf(text: string, zone: [number, number], fallback: Template): Template {
  const has = (list: string[]) => list.some((w) => findAll(text, loose(w), zone[0], zone[1]).length > 0);
  return templates().find((t) => t.active && has(t.active.markers)) ?? fallback;
}

const OPEN = '（(';
const CLOSE = '）)';
/** How far a bracketed note under a row label is looked for: the 2019 template's longest are ~120 characters. */
const NOTE_REACH = 300;

/** Whether `at` sits inside an unclosed bracket opened earlier on its line. */
function insideNote(text: string, at: number): boolean {
  let depth = 0;
  for (let p = at - 1; p >= Math.max(0, at - NOTE_REACH) && text[p] !== '\n'; p--) {
    const ch = text[p] as string;
    if (CLOSE.includes(ch)) depth--;
    else if (OPEN.includes(ch) && ++depth > 0) return true;
  }
  return false;
}

/** The end of a row label together with the bracketed note printed right after it, if any. */
function noteEnd(text: string, end: number): number {
  let p = end;
  while (p < text.length && /[ \t\u3000]/.test(text[p] as string)) p++;
  if (!OPEN.includes(text[p] ?? '')) return end;
  let depth = 0;
  for (let q = p; q < Math.min(text.length, p + NOTE_REACH) && text[q] !== '\n'; q++) {
    const ch = text[q] as string;
    if (OPEN.includes(ch)) depth++;
    else if (CLOSE.includes(ch) && --depth === 0) return q + 1;
  }
  return end;
}

/** Rows of table 二 from text: every label occurrence, its numbers up to the next label or header word. */
function textRows(text: string, zone: [number, number]): DataRow[] {
  const anchors: { row?: string; start: number; end: number; labelEnd?: number }[] = [];
  for (const r of activeRows()) {
    for (const m of findAll(text, r.source, zone[0], zone[1])) {
      // A row name inside another row's bracketed note (…含行政确认、行政强制…) names no row.
      if (insideNote(text, m.index)) continue;
      const labelEnd = m.index + m[0].length;
      anchors.push({ row: r.row, start: m.index, end: noteEnd(text, labelEnd), labelEnd });
    }
  }
  for (const src of stops())
    for (const m of findAll(text, src, zone[0], zone[1]))
      anchors.push({ start: m.index, end: m.index + m[0].length });
  anchors.sort((a, b) => a.start - b.start || b.end - a.end);
  const rows: DataRow[] = [];
  const seen = new Set<string>();
  anchors.forEach((a, i) => {
    if (!a.row || seen.has(a.row)) return;
    // A label inside a longer one (规范性文件 in 行政规范性文件) is not a row of its own.
    if (
      anchors.some(
        (b) => b !== a && b.start <= a.start && b.end >= a.end && b.end - b.start > a.end - a.start,
      )
    )
      return;
    let next = zone[1];
    for (const b of anchors.slice(i + 1)) {
      if (b.start >= a.end) {
        next = b.start;
        break;
      }
    }
    // Prose between a label and a number (`政府集中采购项目类信息55条，…`) is not a table row.
    if (/[，。；]/.test(text.slice(a.end, Math.min(next, a.end + 40)).split(/\d/)[0] ?? '')) return;
    const tokens = tokenizeRegion(text, a.end, next, 40);
    if (tokens.length === 0) return;
    seen.add(a.row);
    rows.push({
      id: a.row,
      label: text.slice(a.start, a.labelEnd ?? a.end).replace(/\s+/g, ''),
      positional: false,
      tokens,
    });
  });
  return rows;
}

/** The unit a money cell was printed in: 元 written after the number or in the header, else 万元. */
function moneyUnit(text: string, row: DataRow, zone: [number, number]): string {
  const last = row.tokens[row.tokens.length - 1];
  if (last) {
    const after = text.slice(last.start + last.text.length, last.start + last.text.length + 3).trim();
    if (after.startsWith('万元')) return '万元';
    if (after.startsWith('元')) return '元';
  }
  const head = text.slice(zone[0], zone[1]);
  const unit = /单\s*位\s*[:：]?\s*(万元|元)/.exec(head) ?? /[（(]\s*(万元|元)\s*[)）]/.exec(head);
  return unit?.[1] ?? '万元';
}

/**
 * Reads table 二 (主动公开政府信息情况) of either template from grids or text; digit runs are split by the
 * row's cell count, with a sign allowed only in 本年增/减 and a fraction only in money cells.
 *
 * @example
 * extractActive(ctx, 1820, 'C').figures['active.licensing.decisions'].value; // 2293
 */
export function extractActive(
  ctx: DocContext,
  end: number,
  fallbackEra: Era,
): { figures: Record<string, Figure>; ambiguities: Ambiguity[] } {
  const figures: Record<string, Figure> = {};
  const ambiguities: Ambiguity[] = [];
  const zone = activeZone(ctx.text, end);
  const rowLabels = activeRows();
  const labelOf = (cell: string) => rowLabels.find((r) => regex(`^${r.source}`).test(cell))?.row;
  // Table 二 is often cut into one grid per block: take labelled rows from every grid, first one wins.
  const rows: DataRow[] = [];
  for (const t of ctx.tables) {
    for (const r of gridRows(ctx.text, t, labelOf))
      if (r.id && !rows.some((x) => x.id === r.id)) rows.push(r);
  }
  // Rows a loader left outside its grids (a block printed as lines) are read from the text.
  if (zone) for (const r of textRows(ctx.text, zone)) if (!rows.some((x) => x.id === r.id)) rows.push(r);
  if (rows.length === 0) return { figures, ambiguities };
  const own = resolveTemplate(fallbackEra, ctx.text);
  const template = zone ? templateOf(ctx.text, zone, own) : own;
  for (const row of rows) {
    const cells = cellsOf(row.id as string, template);
    if (cells.length === 0) continue;
    const tokens = row.positional
      ? fitCells(row.tokens, cells.length)
      : row.tokens.length > cells.length
        ? row.tokens.slice(0, cells.length)
        : row.tokens;
    const asSingle = tokens.length === cells.length;
    const readings: RowReading[] = splitRun(
      asSingle ? tokens.map((t) => ({ ...t, single: !t.blank })) : tokens,
      cells.map((c) => ({ signed: c.signed, decimal: c.decimal })),
    ).readings.filter((r) => r.every((c, i) => c === null || cells[i]?.signed || c.value >= 0));
    const open: string[] = [];
    cells.forEach((def, i) => {
      const first = readings[0]?.[i];
      const agreed =
        first && readings.every((r) => r[i]?.value === first.value && r[i]?.span[0] === first.span[0])
          ? first
          : undefined;
      if (agreed) {
        const unit = def.decimal ? moneyUnit(ctx.text, row, zone ?? [0, 0]) : def.unit;
        figures[def.key] = cellFigure(ctx, agreed, { unit, label: `${row.label} · ${def.col}`, row });
      } else if (first !== null) open.push(def.key);
    });
    if (open.length > 0) {
      const amb = runAmbiguity(
        ctx.text,
        row,
        open,
        readings,
        readings.length === 0 ? 'no split of the digits fits the row' : undefined,
      );
      if (amb) ambiguities.push(amb);
    }
  }
  return { figures, ambiguities };
}
