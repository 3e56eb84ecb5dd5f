/**
 * table-header-duplicated — a column header of template table 二 is printed twice, hiding the column the
 * template puts there.
 *
 * What: in table 二 (主动公开), two neighbouring header cells carry the same template header
 * (`本年新制作数量 本年新制作数量` where the 2019 template prints 本年新制作数量 / 本年新公开数量). Expected is
 * the template's pair of headers (src/templates/), actual the pair as printed.
 *
 * Why it matters to auditors: a reader and a program take the second column's numbers by its header; with
 * the header duplicated the values of 本年新公开数量 stand under the wrong name, and the table was not
 * proof-read.
 *
 * Known false positives: a converter that repeats the text of a merged header cell in every column it
 * spans (the template's column headers are not merged, so this has not been seen).
 */
import type { Report } from '../model/index.js';
import { resolveTemplate } from '../templates/index.js';
import { defineRule } from './rule.js';

/** Between two header cells: spaces, line breaks, table rules and tabs only. */
const CELL_GAP = '[\\s|\\u00a0\\u3000]+';

/**
 * The printed column headers of each table 二 block of the report's template, in order.
 *
 * @example
 * activeHeaders(report); // [['本年新制作数量', '本年新公开数量', '对外公开总数量'], …]
 */
function activeHeaders(report: Report, text: string): string[][] {
  const era = report.meta.era;
  if (!era) return [];
  const active = resolveTemplate(era, text).active;
  if (!active) return [];
  return active.blocks.map((block) => {
    const cols: string[] = [];
    for (const cell of active.cells) {
      if (!block.rows.includes(cell.row)) continue;
      const header = block.headers?.[cell.col] ?? cell.col;
      if (!cols.includes(header)) cols.push(header);
    }
    return cols;
  });
}

/**
 * The `table-header-duplicated` rule (described in the header of this file), registered in registry.ts.
 *
 * @example
 * checkReport(report).filter((a) => a.ruleId === 'table-header-duplicated'); // expected '本年新制作数量 / 本年新公开数量'
 */
export const tableHeaderDuplicated = defineRule({
  id: 'table-header-duplicated',
  meta: {
    severity: 'warning',
    category: 'table',
    description: {
      zh: '模板表格的列标题重复',
      en: 'A template table names the same column twice',
    },
    why: 'Readers and programs take a column’s numbers by its header; a duplicated header puts the next column’s values under the wrong name, and shows the table was not proof-read.',
    falsePositives: 'A converter that repeats a merged header cell in every column it spans.',
  },
  messages: {
    duplicated: {
      zh: '表格列标题“{header}”重复，按模板第二列应为“{next}”',
      en: 'Column header "{header}" is printed twice; the template’s next column is "{next}"',
    },
  },
  check(report, ctx) {
    const text = ctx.text;
    if (!text) return;
    const seen = new Set<number>();
    for (const headers of activeHeaders(report, text)) {
      headers.forEach((header, i) => {
        const next = headers[i + 1];
        if (!next) return;
        const escaped = header.replace(/[/\\^$*+?.()|[\]{}]/g, '\\$&');
        const twice = new RegExp(`${escaped}${CELL_GAP}${escaped}(?!${CELL_GAP}${escaped})`, 'g');
        for (const m of text.matchAll(twice)) {
          if (seen.has(m.index)) continue;
          seen.add(m.index);
          const secondAt = m.index + m[0].length - header.length;
          ctx.report({
            messageId: 'duplicated',
            data: { header, next },
            place: [m.index, m.index + m[0].length],
            evidence: [
              ctx.evidence('header', [m.index, m.index + header.length]),
              ctx.evidence('duplicate-header', [secondAt, secondAt + header.length], { label: next }),
            ],
            actual: `${header} / ${header}`,
            expected: `${header} / ${next}`,
          });
        }
      });
    }
  },
});
