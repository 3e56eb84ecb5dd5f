import { ALL_KEYS } from '../../extract/keys.js';
import type { Figure, Report, Severity, Table } from '../../model/index.js';
import { ids } from './anomaly-index.js';
import { escapeHtml as h } from './escape.js';
import {
  activeBlocks,
  REQUEST_COLUMNS,
  REQUESTS_NOTE,
  RESULTS_CAPTION,
  REVIEW_BLOCKS,
  REVIEW_COLUMNS,
  requestRows,
  templateEra,
} from './template-layout.js';

/**
 * What cell rendering needs to know about one report.
 *
 * @example
 * const ctx: CellContext = { r: 0, report, hits: index.cellHits[0], severity: index.severity, placed: new Set() };
 */
export interface CellContext {
  /** Index of the report in the batch. */
  r: number;
  report: Report;
  /** Cell id → keys of the anomalies involving it. */
  hits: Map<string, Set<string>>;
  severity: Map<string, Severity>;
  /** Figure keys already shown in a template table (filled while rendering). */
  placed: Set<string>;
  /** Canonical key → index of the ambiguity that left it unread. */
  ambiguous?: Map<string, number>;
}

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };
const QUALIFIER: Record<Figure['qualifier'], string> = {
  exact: '',
  over: '以上',
  under: '不足',
  about: '约',
};

/** Class and data attributes that mark a cell as taking part in anomalies. */
function hitAttrs(ctx: CellContext, id: string): { cls: string; attrs: string } {
  const keys = ctx.hits.get(id);
  if (!keys || keys.size === 0) return { cls: '', attrs: '' };
  let worst: Severity = 'info';
  for (const k of keys) {
    const s = ctx.severity.get(k) ?? 'info';
    if (RANK[s] > RANK[worst]) worst = s;
  }
  return { cls: ` hit sev-${worst}`, attrs: ` data-a="${h([...keys].join(' '))}"` };
}

/**
 * One table cell showing a figure as stated, linked to its place in the text and highlighted when an
 * anomaly's evidence meets its span. A missing figure gives an empty cell marked as not read.
 *
 * @example
 * figureCell(ctx, 'requests.newReceived.total'); // '<td id="c-0-requests.newReceived.total" class="num src">74</td>'
 */
export function figureCell(ctx: CellContext, key: string, colspan = 1): string {
  const span = colspan > 1 ? ` colspan="${colspan}"` : '';
  const fig = ctx.report.figures[key];
  if (!fig) {
    const amb = ctx.ambiguous?.get(key);
    const a = amb === undefined ? undefined : ctx.report.ambiguities[amb];
    if (amb === undefined || !a) return `<td class="num na"${span} title="${h(`${key}：未读出`)}"></td>`;
    const readings = a.candidates.map((c) => c.join(' / ')).join(' 或 ');
    return `<td class="num amb"${span} data-go="${ids.ambiguity(ctx.r, amb)}" title="${h(`“${a.text}”有多种读法：${readings}`)}">?</td>`;
  }
  ctx.placed.add(key);
  const id = ids.cell(ctx.r, key);
  const hit = hitAttrs(ctx, id);
  // A stated figure links to its digits in the text: the page script maps `c-…` to `f-…`.
  const linked = !fig.derived && fig.span[1] > fig.span[0];
  const note = [
    fig.qualifier !== 'exact' ? `${fig.value} ${fig.unit}（${QUALIFIER[fig.qualifier]}）` : '',
    fig.derived ? `由 ${(fig.from ?? []).join(' + ') || '其他数值'} 推算` : '',
  ]
    .filter(Boolean)
    .join('，');
  const cls = `num${linked ? ' src' : ''}${fig.derived ? ' derived' : ''}${hit.cls}`;
  const title = note ? ` title="${h(note)}"` : '';
  return `<td id="${id}" class="${cls}"${span}${hit.attrs}${title}>${h(fig.stated)}</td>`;
}

/**
 * The era B/C template tables 二, 三 and 四 of a report, each in the template's printed layout and only
 * when the report has at least one of its figures.
 *
 * @example
 * templateTables(ctx); // '<table class="tpl t2">…</table><table class="tpl t3">…</table>…'
 */
export function templateTables(ctx: CellContext): string {
  const keys = Object.keys(ctx.report.figures);
  const era = templateEra(ctx.report.meta.era ?? undefined, keys);
  if (!era) return '';
  return [activeTable(ctx, era), requestsTable(ctx, era), reviewTable(ctx)].join('');
}

function activeTable(ctx: CellContext, era: 'B' | 'C'): string {
  const blocks = activeBlocks(era, ctx.report.text);
  const present = blocks.some((b) =>
    b.rows.some((row) => b.columns.some((c) => ctx.report.figures[`active.${row.prefix}.${c.field}`])),
  );
  if (!present) return '';
  const width = 3;
  const body = blocks.map((b) => {
    const rest = width - b.columns.length + 1;
    const head = b.columns
      .map(
        (c, i) =>
          `<th${i === b.columns.length - 1 && rest > 1 ? ` colspan="${rest}"` : ''}>${h(c.label)}</th>`,
      )
      .join('');
    const rows = b.rows.map(
      (row) =>
        `<tr><th scope="row">${h(row.label)}</th>${b.columns
          .map((c, i) =>
            figureCell(ctx, `active.${row.prefix}.${c.field}`, i === b.columns.length - 1 ? rest : 1),
          )
          .join('')}</tr>`,
    );
    return `<tr><th colspan="${width + 1}" class="block">${h(b.caption)}</th></tr><tr><th>信息内容</th>${head}</tr>${rows.join('')}`;
  });
  return `<table class="tpl t2"><caption>表二 主动公开政府信息情况</caption><tbody>${body.join('')}</tbody></table>`;
}

function requestsTable(ctx: CellContext, era: 'B' | 'C'): string {
  const figures = ctx.report.figures;
  const hasRow = (row: string) => REQUEST_COLUMNS.some((c) => figures[`requests.${row}.${c.col}`]);
  const printed = (row: string) =>
    REQUEST_COLUMNS.some((c) => {
      const f = figures[`requests.${row}.${c.col}`];
      return f && !f.derived;
    });
  if (!Object.keys(figures).some((k) => k.startsWith('requests.'))) return '';
  const rows = requestRows(era, ctx.report.text).filter((row) => !row.optional || printed(row.row));
  const resultRows = rows.filter((row) => row.kind !== 'top').length;
  const groupSize = new Map<string, number>();
  for (const row of rows) if (row.group) groupSize.set(row.group, (groupSize.get(row.group) ?? 0) + 1);
  let resultsOpen = false;
  let group = '';
  const body = rows.map((row) => {
    let label = '';
    if (row.kind === 'top') label = `<th colspan="3" scope="row">${h(row.label)}</th>`;
    else {
      if (!resultsOpen) {
        label += `<th rowspan="${resultRows}" class="group">${h(RESULTS_CAPTION)}</th>`;
        resultsOpen = true;
      }
      if (row.kind === 'outcome') label += `<th colspan="2" scope="row">${h(row.label)}</th>`;
      else {
        if (row.group !== group) {
          group = row.group ?? '';
          label += `<th rowspan="${groupSize.get(group) ?? 1}" class="group">${h(group)}</th>`;
        }
        label += `<th scope="row" class="${row.optional ? 'subtotal' : 'item'}">${h(row.label)}</th>`;
      }
    }
    const cells = REQUEST_COLUMNS.map((c) => figureCell(ctx, `requests.${row.row}.${c.col}`)).join('');
    return `<tr class="${hasRow(row.row) ? '' : 'empty'}">${label}${cells}</tr>`;
  });
  const head =
    `<tr><th colspan="3" rowspan="3" class="note">${h(REQUESTS_NOTE)}</th><th colspan="7">申请人情况</th></tr>` +
    `<tr><th rowspan="2">${h(REQUEST_COLUMNS[0]?.label)}</th><th colspan="5">法人或其他组织</th><th rowspan="2">${h(REQUEST_COLUMNS[6]?.label)}</th></tr>` +
    `<tr>${REQUEST_COLUMNS.slice(1, 6)
      .map((c) => `<th>${h(c.label)}</th>`)
      .join('')}</tr>`;
  return `<table class="tpl t3" data-era="${era}"><caption>表三 收到和处理政府信息公开申请情况</caption><thead>${head}</thead><tbody>${body.join('')}</tbody></table>`;
}

function reviewTable(ctx: CellContext): string {
  const keys = REVIEW_BLOCKS.flatMap((b) => REVIEW_COLUMNS.map((c) => `${b.prefix}.${c.col}`));
  if (!keys.some((k) => ctx.report.figures[k])) return '';
  const cols = REVIEW_COLUMNS.map((c) => `<th>${h(c.label)}</th>`).join('');
  const head =
    `<tr><th colspan="5">${h(REVIEW_BLOCKS[0]?.label)}</th><th colspan="10">行政诉讼</th></tr>` +
    `<tr>${REVIEW_COLUMNS.map((c) => `<th rowspan="2">${h(c.label)}</th>`).join('')}` +
    `<th colspan="5">${h(REVIEW_BLOCKS[1]?.label)}</th><th colspan="5">${h(REVIEW_BLOCKS[2]?.label)}</th></tr>` +
    `<tr>${cols}${cols}</tr>`;
  const cells = keys.map((k) => figureCell(ctx, k)).join('');
  return `<table class="tpl t4"><caption>表四 政府信息公开行政复议、行政诉讼情况</caption><thead>${head}</thead><tbody><tr>${cells}</tr></tbody></table>`;
}

const KEY_ORDER = new Map(ALL_KEYS.map((k, i) => [k.key, i]));
const KEY_DEF = new Map(ALL_KEYS.map((k) => [k.key, k]));

/**
 * The figures not shown in a template table (era A indicators, prose figures, derived series) as a
 * key / label / stated / value list.
 *
 * @example
 * figureList(ctx); // '<table class="figures">…<td id="c-0-active.total" …>84</td>…</table>'
 */
export function figureList(ctx: CellContext): string {
  const rest = Object.keys(ctx.report.figures)
    .filter((k) => !ctx.placed.has(k))
    .sort((a, b) => (KEY_ORDER.get(a) ?? 1e9) - (KEY_ORDER.get(b) ?? 1e9) || (a < b ? -1 : a > b ? 1 : 0));
  if (rest.length === 0) return '';
  const rows = rest.map((key) => {
    const fig = ctx.report.figures[key] as Figure;
    const def = KEY_DEF.get(key);
    const era = ctx.report.meta.era;
    const label = def && (!era || def.eras.includes(era)) ? def.label : (fig.label ?? def?.label ?? '');
    return `<tr><td><code>${h(key)}</code></td><td>${h(label)}</td>${figureCell(ctx, key)}<td class="num">${h(fig.value)}</td><td>${h(fig.unit)}</td><td>${h(QUALIFIER[fig.qualifier])}</td><td>${h(fig.derived ? '推算' : fig.source === 'table' ? '表格' : fig.source === 'prose' ? '正文' : '')}</td></tr>`;
  });
  return `<table class="figures sortable"><thead><tr>${[
    '键 key',
    '标签 label',
    '原文 stated',
    '数值 value',
    '单位',
    '限定',
    '来源',
  ]
    .map((t) => `<th data-sort><button type="button">${h(t)}</button></th>`)
    .join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/**
 * A table recovered from the source file, drawn as a real HTML table: merged positions become
 * rowspan/colspan, cells met by evidence are highlighted.
 *
 * @example
 * sourceTable(ctx, report.tables[0]); // '<table class="grid">…</table>'
 */
export function sourceTable(ctx: CellContext, table: Table): string {
  const rows = table.rows.map((row, ri) => {
    const cells: string[] = [];
    row.forEach((cell, ci) => {
      if (cell.mergedFrom && (cell.mergedFrom[0] !== ri || cell.mergedFrom[1] !== ci)) return;
      const owns = (r: number, c: number) => {
        const m = table.rows[r]?.[c]?.mergedFrom;
        return m !== undefined && m[0] === ri && m[1] === ci;
      };
      let colspan = 1;
      while (owns(ri, ci + colspan)) colspan++;
      let rowspan = 1;
      while (owns(ri + rowspan, ci)) rowspan++;
      const id = ids.grid(ctx.r, table.index, ri, ci);
      const hit = hitAttrs(ctx, id);
      const span = `${colspan > 1 ? ` colspan="${colspan}"` : ''}${rowspan > 1 ? ` rowspan="${rowspan}"` : ''}`;
      const num = /^\s*[-+]?\d[\d,.]*\s*$/.test(cell.text) ? 'num' : '';
      const cls = `${num}${hit.cls}`.trim();
      cells.push(`<td id="${id}"${cls ? ` class="${cls}"` : ''}${span}${hit.attrs}>${h(cell.text)}</td>`);
    });
    return `<tr>${cells.join('')}</tr>`;
  });
  const page = table.page ? `，第 ${table.page} 页` : '';
  return `<table class="grid"><caption>原始表格 ${table.index + 1}${h(page)}</caption><tbody>${rows.join('')}</tbody></table>`;
}
