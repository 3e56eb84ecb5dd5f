import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { LoadError, type LoadedText, type LoadLimits } from './loaded.js';
import {
  continues,
  dropRunningLines,
  type PdfLine,
  pageLines,
  textColumn,
  wrapJoiner,
} from './pdf-layout.js';
import { findTables, type PdfItem, type PdfTable, pageRulings } from './pdf-tables.js';
import { type GridCell, TextBuilder } from './text-builder.js';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjsModule: Promise<PdfJs> | undefined;

/** pdf.js, loaded once on first use (its import costs ~150 ms, which text-only runs should not pay). */
function pdfjs(): Promise<PdfJs> {
  pdfjsModule ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjsModule;
}

/** pdfjs-dist's own folder, for the bundled CMaps and standard fonts (read offline from disk). */
function pdfjsDir(): string {
  return dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
}

interface PageContent {
  lines: PdfLine[];
  tables: PdfTable[];
  height: number;
}

/**
 * The little of a DOM document that pdf.js's font loader touches when it installs a font as a CSS rule
 * (Node has no document): a style element whose rules go nowhere.
 */
const INERT_DOCUMENT = {
  createElement: () => ({ remove() {}, sheet: { cssRules: [], insertRule() {} } }),
  documentElement: { getElementsByTagName: () => [{ append() {} }] },
} as unknown as Extract<Parameters<PdfJs['getDocument']>[0], { ownerDocument?: unknown }>['ownerDocument'];

/**
 * Loads a PDF's text layer in one pdf.js pass: text items with positions become lines, soft line wraps
 * are joined into paragraphs, page numbers and running headers/footers are dropped, ruled tables are
 * rebuilt from the page's vector rulings (merged cells, wrapped headers, tables continued across pages).
 * CMaps are passed so non-embedded Chinese fonts (STSong-Light + UniGB-UCS2-H) decode.
 *
 * @example
 * const loaded = await loadPdf(readFileSync('report.pdf'), DEFAULT_LIMITS);
 * loaded.anchors.find((a) => a.origin.page === 2);
 */
export async function loadPdf(bytes: Uint8Array, limits: LoadLimits): Promise<LoadedText> {
  const lib = await pdfjs();
  const dir = pdfjsDir();
  const task = lib.getDocument({
    data: new Uint8Array(bytes),
    cMapUrl: `${join(dir, 'cmaps')}/`,
    cMapPacked: true,
    standardFontDataUrl: `${join(dir, 'standard_fonts')}/`,
    isEvalSupported: false,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
    // Fonts are "installed" into an inert stand-in document instead of being drawn as outlines: with
    // font faces disabled (the Node default) pdf.js compiles a path for every glyph shown while it
    // builds an operator list, work only a canvas renderer needs, and we read the list for rulings only.
    disableFontFace: false,
    ownerDocument: INERT_DOCUMENT,
  });
  let doc: Awaited<typeof task.promise> | undefined;
  try {
    try {
      doc = await task.promise;
    } catch (error) {
      throw pdfError(error);
    }
    if (doc.numPages > limits.maxPages) {
      throw new LoadError(
        'too-many-pages',
        `the PDF has ${doc.numPages} pages, more than the limit of ${limits.maxPages}`,
      );
    }
    const warnings: string[] = [];
    const pages: PageContent[] = [];
    let chars = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      let content: PageContent;
      try {
        content = await readPage(lib, await doc.getPage(n), n);
      } catch (error) {
        if (error instanceof LoadError) throw error;
        warnings.push(`page ${n} could not be read: ${(error as Error).message}`);
        content = { lines: [], tables: [], height: 842 };
      }
      const pageChars = content.lines.reduce((s, l) => s + l.text.length, 0) + content.tables.length;
      if (pageChars === 0) warnings.push(`page ${n} has no text layer`);
      chars += pageChars;
      pages.push(content);
    }
    if (chars === 0) {
      throw new LoadError('no-text-layer', 'the PDF has no text layer (a scan?): there is no text to read');
    }
    const properties = await info(doc);
    return { ...assemble(pages), pages: doc.numPages, properties, ...(warnings.length ? { warnings } : {}) };
  } finally {
    await task.destroy().catch(() => undefined);
  }
}

function pdfError(error: unknown): LoadError {
  const name = (error as { name?: string })?.name ?? '';
  const message = (error as Error)?.message ?? String(error);
  if (name === 'PasswordException') {
    return new LoadError('encrypted', 'the PDF is encrypted with a password', { cause: error });
  }
  if (name === 'InvalidPDFException') {
    return new LoadError('corrupt', `the PDF is truncated or damaged (${message})`, { cause: error });
  }
  return new LoadError('corrupt', `the PDF cannot be read: ${message}`, { cause: error });
}

/** Whether a page's lines look tabular enough to be worth reading its vector rulings. */
function mayHoldTable(items: PdfItem[]): boolean {
  const rows = new Map<number, PdfItem[]>();
  for (const it of items) {
    if (!it.str.trim()) continue;
    const key = Math.round(it.y / 3);
    const list = rows.get(key) ?? [];
    list.push(it);
    rows.set(key, list);
  }
  let tabular = 0;
  for (const row of rows.values()) {
    row.sort((a, b) => a.x - b.x);
    let chunks = 1;
    for (let i = 1; i < row.length; i++) {
      const a = row[i - 1] as PdfItem;
      const b = row[i] as PdfItem;
      if (b.x - (a.x + a.width) > b.size * 1.2) chunks++;
    }
    // Two rows of three cells, or one row of four or more (a table starting at the foot of a page).
    if (chunks >= 3) tabular += chunks >= 4 ? 2 : 1;
    if (tabular >= 2) return true;
  }
  return false;
}

async function readPage(
  lib: PdfJs,
  page: Awaited<ReturnType<Awaited<ReturnType<PdfJs['getDocument']>['promise']>['getPage']>>,
  n: number,
): Promise<PageContent> {
  const view = page.view;
  const height = (view[3] ?? 842) - (view[1] ?? 0);
  const content = await page.getTextContent();
  const items: PdfItem[] = [];
  for (const raw of content.items) {
    if (!('str' in raw) || !raw.str) continue;
    const t = raw.transform as number[];
    const size = Math.hypot(t[2] ?? 0, t[3] ?? 0) || raw.height || 10;
    items.push({ str: raw.str, x: t[4] ?? 0, y: (t[5] ?? 0) - (view[1] ?? 0), width: raw.width, size });
  }
  let tables: PdfTable[] = [];
  if (mayHoldTable(items)) {
    const ops = await page.getOperatorList();
    const rulings = pageRulings(ops.fnArray, ops.argsArray, lib.OPS, view as number[]);
    tables = findTables(rulings, items);
  }
  const lines = pageLines(items, n, height);
  page.cleanup();
  return { lines, tables, height };
}

async function info(doc: { getMetadata(): Promise<{ info: unknown }> }): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  try {
    const meta = (await doc.getMetadata()).info as Record<string, unknown>;
    const keys: Record<string, string> = {
      Title: 'title',
      Author: 'author',
      Subject: 'subject',
      Creator: 'creator',
      Producer: 'producer',
      CreationDate: 'created',
      ModDate: 'modified',
    };
    for (const [from, to] of Object.entries(keys)) {
      const v = meta[from];
      if (typeof v === 'string' && v.trim()) out[to] = from.endsWith('Date') ? pdfDate(v.trim()) : v.trim();
    }
  } catch {
    // metadata is optional
  }
  return out;
}

/** `D:20240315093000+08'00'` → `2024-03-15T09:30:00+08:00` (as much as the string gives). */
function pdfDate(v: string): string {
  const m = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?([Zz]|[+-]\d{2}'?\d{2}'?)?/.exec(v);
  if (!m) return v;
  const [, y, mo = '01', d = '01', h, mi = '00', s = '00', tz] = m;
  const date = `${y}-${mo}-${d}`;
  if (!h) return date;
  const zone = tz ? (/^[Zz]$/.test(tz) ? 'Z' : `${tz.slice(0, 3)}:${tz.replace(/'/g, '').slice(3, 5)}`) : '';
  return `${date}T${h}:${mi}:${s}${zone}`;
}

/** Puts pages together: paragraphs joined across wraps and page breaks, tables continued across pages. */
function assemble(pages: PageContent[]): ReturnType<TextBuilder['finish']> & { format: 'pdf' } {
  dropRunningLines(
    pages.map((p) => p.lines),
    pages.map((p) => p.height),
  );
  const column = textColumn(pages.flatMap((p) => p.lines));
  type Block = { kind: 'line'; line: PdfLine } | { kind: 'table'; table: PdfTable; page: number };
  const blocks: Block[] = [];
  pages.forEach((p, i) => {
    const page: Block[] = [
      ...p.lines.map((line) => ({ kind: 'line' as const, line, y: line.y })),
      ...p.tables.map((table) => ({ kind: 'table' as const, table, page: i + 1, y: table.top })),
    ].sort((a, b) => b.y - a.y);
    blocks.push(...page);
  });
  const out = new TextBuilder();
  let open: PdfLine | undefined; // the line whose paragraph is still open
  let pending: Pending | undefined;
  const closeParagraph = () => {
    if (open) out.append('\n', { page: open.page });
    open = undefined;
  };
  const flushTable = () => {
    if (!pending) return;
    out.table(
      resolveMerges(pending.grid),
      {},
      pending.rowPages.map((page) => ({ page })),
    );
    pending = undefined;
  };
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i] as Block;
    if (block.kind === 'table') {
      closeParagraph();
      if (pending && continuesTable(pending, block, blocks, i)) {
        appendRows(pending, block.table, block.page);
        continue;
      }
      flushTable();
      pending = {
        grid: block.table.grid.map((r) => [...r]),
        rowPages: block.table.grid.map(() => block.page),
        xs: block.table.xs,
        last: block.table,
        page: block.page,
      };
      continue;
    }
    const line = block.line;
    if (pending && line.page === pending.page) flushTable();
    else if (pending && line.page > pending.page) flushTable();
    if (open && continues(open, line, column)) {
      out.append(wrapJoiner(open.text, line.text) + line.text, { page: line.page });
    } else {
      closeParagraph();
      out.append(line.text, { page: line.page });
    }
    open = line;
  }
  closeParagraph();
  flushTable();
  return out.finish('pdf');
}

/**
 * A table at the top of a page continues the previous page's table when nothing came between them and
 * both have the same outer edges (inner columns may differ: a merged cell on one page hides rulings the
 * other page shows).
 */
function continuesTable(
  pending: { last: PdfTable; page: number },
  block: { table: PdfTable; page: number },
  blocks: { kind: string }[],
  i: number,
): boolean {
  if (block.page !== pending.page + 1) return false;
  if (blocks[i - 1]?.kind !== 'table') return false;
  return (
    Math.abs(pending.last.left - block.table.left) < 3 && Math.abs(pending.last.right - block.table.right) < 3
  );
}

interface Pending {
  grid: GridCell[][];
  rowPages: number[];
  xs: number[];
  last: PdfTable;
  page: number;
}

/** Column boundaries of both tables together. */
function unionXs(a: number[], b: number[]): number[] {
  const out: number[] = [];
  for (const x of [...a, ...b].sort((p, q) => p - q))
    if (!out.length || x - (out.at(-1) as number) > 3) out.push(x);
  return out;
}

/** Re-expresses a grid on finer column boundaries: a cell spanning several new columns becomes merged. */
function regrid(grid: GridCell[][], xs: number[], union: number[]): GridCell[][] {
  if (xs.length === union.length) return grid;
  const colOf = union.slice(0, -1).map((x) => {
    const k = xs.findIndex(
      (start, j) => j < xs.length - 1 && x >= start - 3 && x < (xs[j + 1] as number) - 3,
    );
    return Math.max(0, k);
  });
  const first = (k: number) => colOf.indexOf(k);
  return grid.map((row, r) =>
    colOf.map((k, u): GridCell => {
      const cell = row[k] ?? { text: '' };
      if (cell.mergedFrom) return { mergedFrom: [cell.mergedFrom[0], first(cell.mergedFrom[1])] };
      return first(k) === u ? cell : { mergedFrom: [r, first(k)] };
    }),
  );
}

/** Appends a continuation's rows, skipping a repeated header and joining a row split by the page break. */
function appendRows(pending: Pending, table: PdfTable, page: number): void {
  const union = unionXs(pending.xs, table.xs);
  pending.grid = regrid(pending.grid, pending.xs, union);
  pending.xs = union;
  const next = regrid(table.grid, table.xs, union);
  const rowText = (grid: GridCell[][], r: number) =>
    (grid[r] ?? []).map((c) => c.text ?? '\u0000').join('\t');
  let skip = 0;
  while (
    skip < next.length &&
    skip < pending.grid.length - 1 &&
    rowText(next, skip) === rowText(pending.grid, skip)
  ) {
    skip++;
  }
  let firstKept = skip;
  const first = next[skip];
  const prevIndex = pending.grid.length - 1;
  const prev = pending.grid[prevIndex];
  if (first && prev && splitRow(first, prev, (c) => ownerOf(pending.grid, prevIndex, c)?.text)) {
    first.forEach((more, c) => {
      const owner = ownerOf(pending.grid, prevIndex, c);
      if (owner && more.text) owner.text = owner.text ? `${owner.text}\n${more.text}` : more.text;
    });
    firstKept++;
  }
  // A cell merged down across the page break comes back blank under its owner: it is the same cell.
  const above = pending.grid[pending.grid.length - 1];
  const fromAbove = new Map<number, [number, number]>();
  const head = next[firstKept] ?? [];
  for (let c = 0; c < head.length; c++) {
    const up = above?.[c];
    if (head[c]?.text !== '' || !up) break; // only the label columns at the left continue downwards
    if (up.mergedFrom && up.mergedFrom[1] === c) fromAbove.set(c, up.mergedFrom);
    else if (up.text && !NUMERIC.test(up.text)) fromAbove.set(c, [pending.grid.length - 1, c]);
    else break;
  }
  const base = pending.grid.length;
  const moveRow = (fr: number): number => {
    if (fr >= firstKept) return base + fr - firstKept;
    if (fr >= skip) return prevIndex; // the split row, joined into the previous page's last row
    return fr; // a repeated header row: the same row at the top of the table
  };
  for (let k = firstKept; k < next.length; k++) {
    const row = next[k] as GridCell[];
    pending.grid.push(
      row.map((cell, c): GridCell => {
        const up = k === firstKept ? fromAbove.get(c) : undefined;
        if (up) return { mergedFrom: up };
        return cell.mergedFrom
          ? { mergedFrom: [moveRow(cell.mergedFrom[0]), cell.mergedFrom[1]] }
          : { ...cell };
      }),
    );
    pending.rowPages.push(page);
  }
  pending.last = table;
  pending.page = page;
}

/** Points every merged cell at the cell that owns the text (pages joined leave chains of references). */
function resolveMerges(grid: GridCell[][]): GridCell[][] {
  return grid.map((row) =>
    row.map((cell): GridCell => {
      let at = cell.mergedFrom;
      for (let hops = 0; at && hops < 1000; hops++) {
        const next = grid[at[0]]?.[at[1]]?.mergedFrom;
        if (!next) break;
        at = next;
      }
      return at ? { mergedFrom: at } : cell;
    }),
  );
}

function ownerOf(grid: GridCell[][], r: number, c: number): { text: string } | undefined {
  const cell = grid[r]?.[c];
  if (!cell) return undefined;
  if (cell.mergedFrom) return ownerOf(grid, cell.mergedFrom[0], cell.mergedFrom[1]);
  return cell as { text: string };
}

const NUMERIC = /^[-+]?\d[\d,.]*%?$/;

/**
 * Whether the first row on the new page is the rest of the previous page's last row (a row broken by
 * the page break): it holds no figure, and each of its texts continues a cell the previous row began.
 */
function splitRow(
  first: GridCell[],
  prev: GridCell[],
  ownerText: (c: number) => string | undefined,
): boolean {
  const texts = (row: GridCell[]) => row.map((c) => c.text ?? '').filter(Boolean);
  if (texts(first).some((t) => NUMERIC.test(t))) return false;
  // After a row of figures, only a row whose label cell is blank (not merged, not a new label) continues it.
  if (texts(prev).some((t) => NUMERIC.test(t)) && (first[0]?.mergedFrom || first[0]?.text)) return false;
  // Every piece of text must continue a cell the previous row itself began.
  const continued = first.filter((cell) => cell.text);
  // A cell merged down from above in the same column counts as begun (a tall header wrapping over the break).
  const begun = (c: number) =>
    Boolean(prev[c]?.text) || (prev[c]?.mergedFrom?.[1] === c && Boolean(ownerText(c)));
  return continued.length > 0 && first.every((cell, c) => !cell.text || begun(c));
}
