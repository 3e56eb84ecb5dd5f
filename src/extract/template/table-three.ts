import type { DocContext } from '../../model/doc-context.js';
import type { Ambiguity, Era, Figure } from '../../model/index.js';
import { type RequestRowDef, resolveTemplate, type Template } from '../../templates/index.js';
import { cellFigure, type DataRow, fitCells, gridRows, pipeRows, runAmbiguity } from './data-row.js';
import { REQUEST_COLUMNS } from './keys.js';
import { cellLabel, type LabelPattern, labelSource, labelsIn, REQUEST_LABELS } from './labels.js';
import { type ColumnIdentity, solveTable } from './solve.js';
import { columnSum, parseCell, type RowReading, type RunToken, splitRun } from './split-run.js';
import { findAll, loose, regex, tokenizeRegion } from './text-scan.js';

const WIDTH = REQUEST_COLUMNS.length;
/** Two matches of one label closer than this are one label. */
const SAME_LABEL = 24;
const ROW_SUM = [columnSum(REQUEST_COLUMNS)];
const SPECS = Array.from({ length: WIDTH }, () => ({}));

const START_MARKS = [loose('勾稽关系'), loose('申请人情况')];
const REVIEW_HEAD = `${loose('行政复议')}[\\s\\S]{0,60}?(?:${loose('行政诉讼')}|${loose('结果维持')})`;

/**
 * Where table 三 lies: from its header (勾稽关系 note or 申请人情况) to the start of table 四.
 *
 * @example
 * requestZone(text); // [1820, 4310]
 */
export function requestZone(text: string): [number, number] | undefined {
  let start = -1;
  for (const src of START_MARKS) {
    const m = regex(src).exec(text);
    if (m && (start < 0 || m.index < start)) start = m.index;
  }
  if (start < 0) {
    const m = regex(labelSource(REQUEST_LABELS[0] as (typeof REQUEST_LABELS)[number])).exec(text);
    if (!m) return undefined;
    start = m.index;
  }
  const re = regex(REVIEW_HEAD, 'g');
  re.lastIndex = start;
  const end = re.exec(text);
  return [start, Math.min(end ? end.index : text.length, start + 20_000)];
}

/**
 * Picks one occurrence per label so that the labels appear in printed order and as many as possible are
 * found (a longest chain over all occurrences), which keeps a stray repeat of a heading or a word in a
 * broken label from pulling the row anchors out of place.
 */
function chainLabels(
  text: string,
  zone: [number, number],
  labels: LabelPattern[],
): { id: string; start: number; end: number }[] {
  const occ = labels.map((l) => {
    const list: { id: string; start: number; end: number }[] = [];
    for (const m of findAll(text, labelSource(l), zone[0], zone[1])) {
      // A second wording right after the first is the rest of the same label (本机关不掌握相关政府信息).
      const last = list[list.length - 1];
      if (last && m.index - last.end < SAME_LABEL) continue;
      list.push({ id: l.id, start: m.index, end: m.index + m[0].length });
    }
    return list;
  });
  // best[i][j]: longest chain ending with occurrence j of label i.
  type Node = { id: string; start: number; end: number; len: number; prev?: Node };
  const nodes: Node[][] = occ.map((list) => list.map((o) => ({ ...o, len: 1 })));
  let best: Node | undefined;
  for (let i = 0; i < nodes.length; i++) {
    for (const n of nodes[i] ?? []) {
      for (let k = 0; k < i; k++) {
        for (const p of nodes[k] ?? []) {
          if (
            p.end <= n.start &&
            (p.len + 1 > n.len || (p.len + 1 === n.len && n.prev && p.end > n.prev.end))
          ) {
            n.len = p.len + 1;
            n.prev = p;
          }
        }
      }
      if (!best || n.len > best.len || (n.len === best.len && n.start < best.start)) best = n;
    }
  }
  const chain: { id: string; start: number; end: number }[] = [];
  for (let n = best; n; n = n.prev) chain.unshift({ id: n.id, start: n.start, end: n.end });
  return chain;
}

const GROUPS = new Set([
  'group.result',
  'denied.subtotal',
  'unavailable.subtotal',
  'notProcessed.subtotal',
  'otherHandling.group',
]);

/**
 * Rows of table 三 read from running text: each label's numbers are what follows it up to the next label.
 * When several labels stand with no numbers and the next holds n × 7 numbers (a page break merged rows,
 * or the text lists a label column and then the number block), the numbers are dealt out to the last n
 * labels, row by row or cell by cell, whichever keeps every row sum.
 */
function textRows(text: string, zone: [number, number], labels: LabelPattern[]): DataRow[] {
  const chain = chainLabels(text, zone, labels);
  const rows: DataRow[] = [];
  let pending: DataRow[] = [];
  chain.forEach((a, i) => {
    const next = chain[i + 1]?.start ?? zone[1];
    const tokens = tokenizeRegion(text, a.end, next);
    const row: DataRow = {
      id: a.id,
      label: printedLabel(text, a.start, a.end, tokens[0]?.start ?? a.end),
      positional: false,
      tokens,
    };
    rows.push(row);
    if (tokens.length === 0) {
      pending.push(row);
      return;
    }
    const n = tokens.length / WIDTH;
    if (pending.length > 0 && n >= 2 && Number.isInteger(n)) {
      const items = pending.filter((r) => !GROUPS.has(r.id as string));
      // Group headings (（三）不予公开 …) rarely print numbers: deal to item labels only.
      const owners = items.length >= n - 1 ? [...items.slice(-(n - 1)), row] : undefined;
      const split = owners ? deal(tokens, n) : undefined;
      if (owners && split) {
        owners.forEach((r, k) => {
          r.tokens = split[k] as RunToken[];
          r.positional = true;
        });
      }
    }
    pending = [];
  });
  // The other way round: a row holding n × 7 numbers followed by labels without any (the numbers of a
  // label that wraps over several lines can come out before its text).
  rows.forEach((row, i) => {
    const n = row.tokens.length / WIDTH;
    if (row.positional || n < 2 || !Number.isInteger(n)) return;
    const following = rows.slice(i + 1).filter((r) => !GROUPS.has(r.id as string));
    const owners = [row, ...following.slice(0, n - 1)];
    if (owners.length !== n || owners.slice(1).some((r) => r.tokens.length > 0)) return;
    const split = deal(row.tokens, n);
    if (!split) return;
    owners.forEach((r, k) => {
      r.tokens = split[k] as RunToken[];
      r.positional = true;
    });
  });
  return rows.filter((r) => r.tokens.length > 0);
}

/** The label as printed: from its marker up to its numbers (not past 80 characters), whitespace removed. */
function printedLabel(text: string, start: number, end: number, numbers: number): string {
  const stop = numbers > end && numbers - start <= 80 ? numbers : end;
  return text.slice(start, stop).replace(/[\s|]+/g, '');
}

/** Deals n × 7 numbers to n rows, row by row or cell by cell: the one layout that keeps all row sums. */
function deal(tokens: RunToken[], n: number): RunToken[][] | undefined {
  const single = tokens.map((t) => (t.blank ? t : { ...t, single: true }));
  const byRow = Array.from({ length: n }, (_, k) => single.slice(k * WIDTH, (k + 1) * WIDTH));
  const byCell = Array.from({ length: n }, (_, k) => single.filter((_, i) => i % n === k));
  const fits = [byRow, byCell].filter((layout) =>
    layout.every((r) => splitRun(r, SPECS, ROW_SUM).readings.length === 1),
  );
  if (fits.length === 2) {
    const same = byRow.every((r, k) => r.every((t, c) => t.text === byCell[k]?.[c]?.text));
    return same ? byRow : undefined;
  }
  return fits[0];
}

/** The era of table 三 by its row (六): three items (C) or one row (B). */
function eraOf(rows: DataRow[]): Era {
  return rows.some((r) => r.id?.startsWith('otherHandling.') && r.id !== 'otherHandling.group') ? 'C' : 'B';
}

function templateRows(template: Template): RequestRowDef[] {
  return template.requests?.rows ?? [];
}

/**
 * Puts found rows onto the template: labelled rows go to their row (keeping the longest run in printed
 * order); unlabelled rows fill the gaps between labelled ones when their number equals the template rows
 * missing there, and are otherwise left out.
 */
function alignRows(
  rows: DataRow[],
  template: Template,
): { placed: Map<string, DataRow>; problems: string[] } {
  const tpl = templateRows(template);
  const index = new Map(tpl.map((r, i) => [r.row, i]));
  const idOf = (r: DataRow): string | undefined => {
    // The (六) heading is the single row of a layout without items, else the items' subtotal.
    if (r.id === 'otherHandling.group')
      return index.has('otherHandling.all') ? 'otherHandling.all' : 'otherHandling.subtotal';
    if (r.id === 'group.result') return undefined;
    return r.id;
  };
  // Longest increasing chain of labelled rows.
  const labelled = rows.map((r, i) => ({
    i,
    t: idOf(r) === undefined ? -1 : (index.get(idOf(r) as string) ?? -1),
  }));
  const lis: number[] = new Array(rows.length).fill(0);
  const prev: number[] = new Array(rows.length).fill(-1);
  let bestEnd = -1;
  for (const a of labelled) {
    if (a.t < 0) continue;
    lis[a.i] = 1;
    for (const b of labelled) {
      if (b.i >= a.i) break;
      if (b.t >= 0 && b.t < a.t && (lis[b.i] ?? 0) + 1 > (lis[a.i] ?? 0)) {
        lis[a.i] = (lis[b.i] ?? 0) + 1;
        prev[a.i] = b.i;
      }
    }
    if (bestEnd < 0 || (lis[a.i] ?? 0) > (lis[bestEnd] ?? 0)) bestEnd = a.i;
  }
  const anchors: number[] = [];
  for (let i = bestEnd; i >= 0; i = prev[i] ?? -1) anchors.unshift(i);
  const placed = new Map<string, DataRow>();
  const problems: string[] = [];
  for (const i of anchors) placed.set(tpl[labelled[i]?.t as number]?.row as string, rows[i] as DataRow);
  // Gaps: unlabelled rows between anchors fill the non-optional template rows between them.
  const bounds = [-1, ...anchors, rows.length];
  for (let g = 0; g + 1 < bounds.length; g++) {
    const lo = bounds[g] as number;
    const hi = bounds[g + 1] as number;
    const free = rows.slice(lo + 1, hi).filter((r) => idOf(r) === undefined && r.id !== 'group.result');
    if (free.length === 0) continue;
    const tLo = lo < 0 ? -1 : (labelled[lo]?.t as number);
    const tHi = hi >= rows.length ? tpl.length : (labelled[hi]?.t as number);
    const slots = tpl.slice(tLo + 1, tHi).filter((r) => !r.optional);
    if (slots.length === free.length) {
      slots.forEach((s, k) => {
        placed.set(s.row, free[k] as DataRow);
      });
    } else problems.push(`${free.length} unlabelled rows for ${slots.length} template rows`);
  }
  return { placed, problems };
}

/** The column identities of table 三 that apply to the rows present, from the template's flow and groups. */
function identities(template: Template, present: Set<string>): ColumnIdentity[] {
  const table = template.requests;
  if (!table) return [];
  const flowRows = new Set([...table.flow.inflow, ...table.flow.outflow]);
  const leaves = templateRows(template).filter((r) => !r.optional && !flowRows.has(r.row));
  const total = table.flow.outflow[0];
  const ids: ColumnIdentity[] = [
    {
      name: 'outcome-total',
      terms: [...leaves.map((r) => ({ row: r.row, coef: 1 as const })), { row: total, coef: -1 as const }],
    },
    {
      name: 'flow-balance',
      terms: [
        ...table.flow.inflow.map((row) => ({ row, coef: 1 as const })),
        ...table.flow.outflow.map((row) => ({ row, coef: -1 as const })),
      ],
    },
  ];
  for (const { group } of table.groups) {
    const sub = `${group}.subtotal`;
    if (!present.has(sub)) continue;
    const items = leaves.filter((r) => r.row.startsWith(`${group}.`));
    ids.push({
      name: `${group}-subtotal`,
      terms: [...items.map((r) => ({ row: r.row, coef: 1 as const })), { row: sub, coef: -1 as const }],
    });
  }
  return ids;
}

/**
 * The readings of one row: its cells in place, or every split of its digit runs that keeps the row sum.
 *
 * @example
 * rowReadings({ label: '（一）予以公开', positional: false, tokens: [{ text: '7000007', start: 0 }] }, 7).length; // 1
 */
export function rowReadings(row: DataRow, width: number, sums = ROW_SUM): RowReading[] {
  const specs = SPECS.slice(0, width);
  if (row.cut && row.tokens.length < width) return [cutReading(row.tokens)].filter((r) => r !== undefined);
  if (row.positional) {
    const tokens = fitCells(row.tokens, width);
    if (tokens.length !== width) return [];
    return splitRun(tokens, specs, []).readings;
  }
  const tokens = row.tokens.length > width ? row.tokens.slice(0, width) : row.tokens;
  // Tokens that already number the cells stand as printed, whatever the sums say.
  if (tokens.length === width)
    return splitRun(
      tokens.map((t) => ({ ...t, single: !t.blank })),
      specs,
      [],
    ).readings;
  return splitRun(tokens, specs, sums).readings;
}

/**
 * The leading cells of a row the text ends in: each token one cell in printed order, when no token can be
 * several cells run together (a one-digit number, or a cell of its own); the cells after the cut stay unread.
 */
function cutReading(tokens: RunToken[]): RowReading | undefined {
  const cells: RowReading = [];
  for (const t of tokens) {
    if (t.blank) cells.push(null);
    else if (t.single || /^\d$/.test(t.text)) {
      const value = parseCell(t.text);
      if (value === undefined) return undefined;
      cells.push({ value, stated: t.text, span: [t.start, t.start + t.text.length] });
    } else return undefined;
  }
  return cells;
}

/**
 * Reads table 三 (收到和处理政府信息公开申请情况) cell by cell from the report's grids, pipe tables or text,
 * splitting run-together digits by the table's identities.
 *
 * @example
 * extractRequests(ctx).figures['requests.newReceived.total'].value; // 70
 */
export function extractRequests(ctx: DocContext): {
  figures: Record<string, Figure>;
  ambiguities: Ambiguity[];
  era?: Era;
} {
  const figures: Record<string, Figure> = {};
  const ambiguities: Ambiguity[] = [];
  // Labels are looked for with the report's own template (a revision may reword a row).
  const own = resolveTemplate(ctx.meta.era === 'B' ? 'B' : 'C', ctx.text);
  const rowLabels = own.requests?.labels ?? REQUEST_LABELS;
  const labelOf = (cell: string) => cellLabel(cell, rowLabels);
  const labelsOf = (cell: string) => labelsIn(cell, rowLabels);
  // Table 三 may be cut into several grids by page breaks: take every grid that carries its labels.
  let gridded: DataRow[] = [];
  for (const t of ctx.tables) {
    const found = gridRows(ctx.text, t, labelOf, labelsOf);
    if (found.some((r) => r.id && r.id !== 'group.result'))
      gridded.push(...found.filter((r) => r.id || r.tokens.length <= WIDTH + 1));
  }
  if (gridded.filter((r) => r.id).length < 5) gridded = [];
  // The text reading covers rows a loader left outside its grids (part of a table printed as lines).
  const zone = requestZone(ctx.text);
  let texted: DataRow[] = [];
  if (zone) {
    const piped = pipeRows(ctx.text, zone[0], zone[1], labelOf);
    texted = piped.length >= 3 ? piped : textRows(ctx.text, zone, rowLabels);
  }
  const all = [...gridded, ...texted];
  // A page cut inside table 三 (an excerpt, a lost last page) leaves only its first rows: then a labelled
  // row is enough, and the row the cut runs through gives the cells printed before it.
  const cut = zone !== undefined && zone[1] === ctx.text.length && gridded.length === 0;
  if (all.filter((r) => r.id).length < (cut ? 1 : 3)) return { figures, ambiguities };
  const last = texted[texted.length - 1];
  const lastToken = last?.tokens[last.tokens.length - 1];
  if (cut && last && lastToken && /^[\s|]*$/.test(ctx.text.slice(lastToken.start + lastToken.text.length)))
    last.cut = true;
  const era = eraOf(all);
  const template = era === own.era ? own : resolveTemplate(era, ctx.text);
  const primary = gridded.length > 0 ? gridded : texted;
  const { placed, problems } = alignRows(primary, template);
  if (gridded.length > 0 && texted.length > 0) {
    for (const [id, row] of alignRows(texted, template).placed) if (!placed.has(id)) placed.set(id, row);
  }
  for (const p of problems) {
    const any = primary[0] as DataRow;
    const s = any.tokens[0]?.start ?? 0;
    ambiguities.push({
      kind: 'table-shape',
      label: '收到和处理政府信息公开申请情况',
      text: '',
      span: [s, s],
      candidates: [],
      note: p,
    });
  }
  const readings = new Map<string, RowReading[]>();
  for (const [id, row] of placed) readings.set(id, rowReadings(row, WIDTH));
  const solved = solveTable(readings, WIDTH, identities(template, new Set(placed.keys())));
  const labels = new Map(templateRows(template).map((r) => [r.row, r.label]));
  for (const [id, row] of placed) {
    const agreed = solved.agreed.get(id) ?? [];
    const open: string[] = [];
    REQUEST_COLUMNS.forEach((c, i) => {
      const key = `requests.${id}.${c.col}`;
      const cell = agreed[i];
      if (cell)
        figures[key] = cellFigure(ctx, cell, {
          unit: '件',
          label: `${row.label || labels.get(id) || id} · ${c.label}`,
          row,
        });
      else if (cell === undefined && !(row.cut && i >= row.tokens.length)) open.push(key);
    });
    if (open.length > 0) {
      const rs = solved.readings.get(id) ?? [];
      const note = rs.length === 0 ? 'no split of the digits fits the row' : undefined;
      const amb = runAmbiguity(ctx.text, row, open, rs, note);
      if (amb) ambiguities.push(amb);
    }
  }
  return { figures, ambiguities, era };
}
