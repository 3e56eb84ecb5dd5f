import type { LayoutTable, PageRulings, TextRun } from './types.js';

export function findTextTables(_runs: TextRun[], _rulings?: PageRulings): LayoutTable[] {
  return [];
}
