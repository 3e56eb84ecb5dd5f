import {
  REQUEST_ROWS,
  REVIEW_BLOCKS as REVIEW_BLOCK_DEFS,
  type RequestRowDef,
} from '../../extract/template/keys.js';
import type { Era } from '../../model/index.js';

export { REQUEST_COLUMNS } from '../../extract/template/keys.js';

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
export function requestRows(era: 'B' | 'C'): RequestRow[] {
  const rows = REQUEST_ROWS.filter((def) => def.eras.includes(era)).map(layoutRow);
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

const B_COUNTS = [
  { field: 'newlyMade', label: '本年新制作数量' },
  { field: 'newlyPublished', label: '本年新公开数量' },
  { field: 'totalPublished', label: '对外公开总数量' },
];
const B_ITEMS = [
  { field: 'previousCount', label: '上一年项目数量' },
  { field: 'change', label: '本年增/减' },
  { field: 'decisions', label: '处理决定数量' },
];

/**
 * The blocks of table 二 (主动公开政府信息情况) for an era, each `active.<prefix>.<field>`.
 *
 * @example
 * activeBlocks('C')[0].columns.map((c) => c.label); // ['本年制发件数', '本年废止件数', '现行有效件数']
 */
export function activeBlocks(era: 'B' | 'C'): ActiveBlock[] {
  if (era === 'B') {
    return [
      {
        caption: '第二十条第（一）项',
        columns: B_COUNTS,
        rows: [
          { prefix: 'regulations', label: '规章' },
          { prefix: 'normativeDocs', label: '规范性文件' },
        ],
      },
      {
        caption: '第二十条第（五）项',
        columns: B_ITEMS,
        rows: [
          { prefix: 'licensing', label: '行政许可' },
          { prefix: 'otherServices', label: '其他对外管理服务事项' },
        ],
      },
      {
        caption: '第二十条第（六）项',
        columns: B_ITEMS,
        rows: [
          { prefix: 'penalty', label: '行政处罚' },
          { prefix: 'coercion', label: '行政强制' },
        ],
      },
      {
        caption: '第二十条第（八）项',
        columns: B_ITEMS.slice(0, 2),
        rows: [{ prefix: 'fees', label: '行政事业性收费' }],
      },
      {
        caption: '第二十条第（九）项',
        columns: [
          { field: 'projects', label: '采购项目数量' },
          { field: 'amount', label: '采购总金额' },
        ],
        rows: [{ prefix: 'procurement', label: '政府集中采购' }],
      },
    ];
  }
  const decisions = [{ field: 'decisions', label: '本年处理决定数量' }];
  return [
    {
      caption: '第二十条第（一）项',
      columns: [
        { field: 'issued', label: '本年制发件数' },
        { field: 'repealed', label: '本年废止件数' },
        { field: 'inForce', label: '现行有效件数' },
      ],
      rows: [
        { prefix: 'regulations', label: '规章' },
        { prefix: 'normativeDocs', label: '行政规范性文件' },
      ],
    },
    { caption: '第二十条第（五）项', columns: decisions, rows: [{ prefix: 'licensing', label: '行政许可' }] },
    {
      caption: '第二十条第（六）项',
      columns: decisions,
      rows: [
        { prefix: 'penalty', label: '行政处罚' },
        { prefix: 'coercion', label: '行政强制' },
      ],
    },
    {
      caption: '第二十条第（八）项',
      columns: [{ field: 'amount', label: '本年收费金额（单位：万元）' }],
      rows: [{ prefix: 'fees', label: '行政事业性收费' }],
    },
  ];
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
export { REVIEW_COLUMNS } from '../../extract/template/keys.js';

/**
 * Which template the tables of a report follow: the detected era when it is B or C, else what the keys
 * present imply (three （六） rows or the 2021 table 二 columns mean C), else undefined (era A).
 *
 * @example
 * templateEra(undefined, ['requests.otherHandling.all.total']); // 'B'
 */
export function templateEra(era: Era | undefined, keys: readonly string[]): 'B' | 'C' | undefined {
  if (era === 'B' || era === 'C') return era;
  const has = (re: RegExp) => keys.some((k) => re.test(k));
  if (has(/^requests\.otherHandling\.(noCorrection|unpaidFee|other)\./)) return 'C';
  if (has(/^active\.(regulations|normativeDocs)\.(issued|repealed|inForce)$|^active\.fees\.amount$/))
    return 'C';
  if (has(/^requests\.otherHandling\.all\./)) return 'B';
  if (
    has(
      /^active\.\w+\.(newlyMade|newlyPublished|totalPublished|previousCount|change)$|^active\.procurement\./,
    )
  )
    return 'B';
  if (has(/^(requests\.|litigation\.(direct|afterReview)\.)/)) return 'C';
  return undefined;
}
