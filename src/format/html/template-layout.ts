import type { Era } from '../../model/index.js';
import { type RequestRowDef, resolveTemplate, type Template, templates } from '../../templates/index.js';
import { REVIEW_BLOCKS as REVIEW_BLOCK_DEFS } from '../../templates/template-bc.js';

export { REQUEST_COLUMNS, REVIEW_COLUMNS } from '../../templates/template-bc.js';

/**
 * A row of table 三: its `<row>` key segment, the label as the template prints it, and where it sits.
 *
 * @example
 * const row: RequestRow = { row: 'denied.stateSecret', label: '1.属于国家秘密', kind: 'item', group: '（三）不予公开' };
 */
export interface RequestRow {
  row: string;
  label: string;
  /** 'top' rows span all label columns; 'outcome' rows sit under 三、本年度办理结果; 'item' rows under a group. */
  kind: 'top' | 'outcome' | 'item';
  /** The group caption for items, e.g. （三）不予公开. */
  group?: string;
  /** Printed only by some producers (group subtotals). */
  optional?: boolean;
}

/** Labels the template prints in full where the key registry keeps them short. */
const PRINTED_LABELS: Record<string, string> = {
  partial: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
};
const TOP_ROWS = new Set(['newReceived', 'carriedOver', 'carriedForward']);

/** A registry row as the layout draws it: group captions apart from item labels, subtotals last. */
function layoutRow(def: RequestRowDef): RequestRow {
  const [group, item] = def.label.split(' ');
  if (item !== undefined) return { row: def.row, label: item, kind: 'item', group };
  if (def.optional) return { row: def.row, label: '小计', kind: 'item', group: def.label, optional: true };
  const label = PRINTED_LABELS[def.row] ?? def.label;
  return { row: def.row, label, kind: TOP_ROWS.has(def.row) ? 'top' : 'outcome' };
}

/**
 * The rows of table 三 (收到和处理政府信息公开申请情况) for an era: B has one （六）其他处理 row, C three.
 *
 * @example
 * requestRows('C').filter((r) => !r.optional).length; // 25
 */
export function requestRows(era: 'B' | 'C', text = ''): RequestRow[] {
  const rows = (resolveTemplate(era, text).requests?.rows ?? []).map(layoutRow);
  // A producer prints a group's subtotal after its items; the registry lists it first.
  return rows.sort((x, y) => groupRank(rows, x) - groupRank(rows, y));
}

function groupRank(rows: RequestRow[], row: RequestRow): number {
  const first = rows.findIndex((r) => (row.group ? r.group === row.group : r === row));
  return first * 100 + (row.optional ? 99 : rows.indexOf(row) - first);
}

/**
 * The top-left cell of table 三 as the template prints it.
 *
 * @example
 * `<th colspan="3" rowspan="3">${REQUESTS_NOTE}</th>`;
 */
export const REQUESTS_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
/**
 * The caption over the outcome rows of table 三.
 *
 * @example
 * RESULTS_CAPTION; // '三、本年度办理结果'
 */
export const RESULTS_CAPTION = '三、本年度办理结果';

/**
 * One block of table 二: the 第二十条 caption, the column headers and the rows with their key prefixes.
 *
 * @example
 * const b: ActiveBlock = { caption: '第二十条第（八）项', columns: [{ field: 'amount', label: '本年收费金额（单位：万元）' }], rows: [{ prefix: 'fees', label: '行政事业性收费' }] };
 */
export interface ActiveBlock {
  caption: string;
  columns: ReadonlyArray<{ field: string; label: string }>;
  rows: ReadonlyArray<{ prefix: string; label: string }>;
}

/**
 * The blocks of table 二 (主动公开政府信息情况) for an era, each `active.<prefix>.<field>`, as the era's
 * template prints them (the revision the report's text names, else the era's base template).
 *
 * @example
 * activeBlocks('C')[0].columns.map((c) => c.label); // ['本年制发件数', '本年废止件数', '现行有效件数']
 */
export function activeBlocks(era: 'B' | 'C', text = ''): ActiveBlock[] {
  const table = resolveTemplate(era, text).active;
  if (!table) return [];
  const parts = (key: string) => key.split('.') as [string, string, string];
  return table.blocks.map((block) => {
    const cells = table.cells.filter((c) => block.rows.includes(c.row));
    const columns = new Map<string, string>();
    for (const c of cells) columns.set(parts(c.key)[2], block.headers?.[c.col] ?? c.col);
    const rows = block.rows.map((row) => {
      const cell = cells.find((c) => c.row === row);
      return { prefix: cell ? parts(cell.key)[1] : row, label: row };
    });
    return {
      caption: block.caption,
      columns: [...columns].map(([field, label]) => ({ field, label })),
      rows,
    };
  });
}

/**
 * The three blocks of table 四 (key prefixes and the headers printed under 行政诉讼).
 *
 * @example
 * REVIEW_BLOCKS.map((b) => b.prefix); // ['review', 'litigation.direct', 'litigation.afterReview']
 */
export const REVIEW_BLOCKS: ReadonlyArray<{ prefix: string; label: string }> = REVIEW_BLOCK_DEFS.map((b) => ({
  prefix: b.prefix,
  label: b.label.replace(/^行政诉讼\s*/, ''),
}));

/**
 * Which template the tables of a report follow: the detected era when it is B or C, else what the keys
 * present imply (three （六） rows or the 2021 table 二 columns mean C), else undefined (era A).
 *
 * @example
 * templateEra(undefined, ['requests.otherHandling.all.total']); // 'B'
 */
export function templateEra(era: Era | undefined, keys: readonly string[]): 'B' | 'C' | undefined {
  if (era === 'B' || era === 'C') return era;
  const revisions = templates().filter((t) => t.era === 'B' || t.era === 'C');
  const own = revisions.map((t) => ({ t, keys: tableKeys(t) }));
  // Keys only one layout has decide it (three （六） rows or the 2021 table 二 columns mean C).
  for (const { t, keys: mine } of own) {
    const others = new Set(own.filter((o) => o.t.era !== t.era).flatMap((o) => [...o.keys]));
    if (keys.some((k) => mine.has(k) && !others.has(k))) return t.era as 'B' | 'C';
  }
  if (keys.some((k) => /^(requests\.|litigation\.(direct|afterReview)\.)/.test(k)))
    return revisions[0]?.era as 'C';
  return undefined;
}

/** The keys of a template's tables 二 and 三 (table 四 is the same in every revision). */
function tableKeys(t: Template): Set<string> {
  const out = new Set<string>(t.active?.cells.map((c) => c.key) ?? []);
  for (const r of t.requests?.rows ?? []) {
    if (r.optional) continue;
    for (const c of t.requests?.columns ?? []) out.add(`requests.${r.row}.${c.col}`);
  }
  return out;
}
