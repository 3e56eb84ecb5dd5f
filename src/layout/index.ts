import { assemblePages, type PageLayout } from './assemble.js';
import { pageLines } from './lines.js';
import { findTables } from './ruled-tables.js';
import { findTextTables } from './text-tables.js';
import type { LayoutBlock, LayoutPage, TextRun } from './types.js';

export { assemblePages, type PageLayout } from './assemble.js';
export { groupLines, lineText } from './lines.js';
export { findTables, MAX_RULINGS, mergeCollinear } from './ruled-tables.js';
export { findTextTables } from './text-tables.js';
export type {
  LayoutBlock,
  LayoutCell,
  LayoutLine,
  LayoutPage,
  LayoutTable,
  PageRulings,
  Ruling,
  TextRun,
} from './types.js';

/**
 * Lays out one page: ruled tables from its rulings, then tables whose columns only the positions of their
 * text show (no rulings, or rulings that leave columns apart), then the remaining runs as lines of running
 * text without page numbers in the margins.
 *
 * @example
 * const { lines, tables } = layoutPage({ page: 1, height: 842, runs, rulings });
 */
export function layoutPage(page: LayoutPage): PageLayout {
  const runs = page.runs.filter((r) => r.text);
  const tables = page.rulings ? findTables(page.rulings, runs) : [];
  tables.push(...findTextTables(runs, page.rulings));
  tables.sort((a, b) => b.top - a.top);
  const lines = pageLines(runs, page.page, page.height);
  return { page: page.page, height: page.height, lines, tables };
}

/**
 * Lays out a document page by page and puts the pages together (see {@link assemblePages}).
 *
 * @example
 * for (const block of layoutDocument(pages)) console.log(block.kind);
 */
export function layoutDocument(pages: LayoutPage[]): LayoutBlock[] {
  return assemblePages(pages.map(layoutPage));
}

/**
 * Whether a page's runs look tabular enough to be worth reading its rulings (which can cost a source
 * much more than its text): two rows of three separate pieces, or one row of four or more.
 *
 * @example
 * if (mayHoldTable(runs)) rulings = await readRulings(page);
 */
export function mayHoldTable(runs: TextRun[]): boolean {
  const rows = new Map<number, TextRun[]>();
  for (const it of runs) {
    if (!it.text.trim()) continue;
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
      const a = row[i - 1] as TextRun;
      const b = row[i] as TextRun;
      if (b.x - (a.x + a.w) > b.size * 1.2) chunks++;
    }
    // Two rows of three cells, or one row of four or more (a table starting at the foot of a page).
    if (chunks >= 3) tabular += chunks >= 4 ? 2 : 1;
    if (tabular >= 2) return true;
  }
  return false;
}
