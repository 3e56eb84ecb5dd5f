import type { Era } from '../../model/index.js';

/**
 * The seven applicant columns of table 三, in template order: key segment and printed header.
 *
 * @example
 * REQUEST_COLUMNS.map((c) => c.col); // ['natural', 'commercial', …, 'total']
 */
export const REQUEST_COLUMNS: ReadonlyArray<{ col: string; label: string }> = [
  { col: 'natural', label: '自然人' },
  { col: 'commercial', label: '商业企业' },
  { col: 'research', label: '科研机构' },
  { col: 'publicInterest', label: '社会公益组织' },
  { col: 'legalService', label: '法律服务机构' },
  { col: 'otherOrg', label: '其他' },
  { col: 'total', label: '总计' },
];

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

const top = (row: string, label: string): RequestRow => ({ row, label, kind: 'top' });
const outcome = (row: string, label: string): RequestRow => ({ row, label, kind: 'outcome' });
const items = (group: string, prefix: string, labels: string[][]): RequestRow[] => [
  ...labels.map(([row = '', label = '']) => ({
    row: `${prefix}.${row}`,
    label,
    kind: 'item' as const,
    group,
  })),
  { row: `${prefix}.subtotal`, label: '小计', kind: 'item', group, optional: true },
];

const DENIED = items('（三）不予公开', 'denied', [
  ['stateSecret', '1.属于国家秘密'],
  ['prohibitedByLaw', '2.其他法律行政法规禁止公开'],
  ['securityStability', '3.危及“三安全一稳定”'],
  ['thirdParty', '4.保护第三方合法权益'],
  ['internalAffairs', '5.属于三类内部事务信息'],
  ['processInfo', '6.属于四类过程性信息'],
  ['enforcementFiles', '7.属于行政执法案卷'],
  ['queryMatters', '8.属于行政查询事项'],
]);
const UNAVAILABLE = items('（四）无法提供', 'unavailable', [
  ['notHeld', '1.本机关不掌握相关政府信息'],
  ['needsCreation', '2.没有现成信息需要另行制作'],
  ['stillUnclear', '3.补正后申请内容仍不明确'],
]);
const NOT_PROCESSED = items('（五）不予处理', 'notProcessed', [
  ['petition', '1.信访举报投诉类申请'],
  ['repeated', '2.重复申请'],
  ['publication', '3.要求提供公开出版物'],
  ['massRepeated', '4.无正当理由大量反复申请'],
  ['confirmation', '5.要求行政机关确认或重新出具已获取信息'],
]);
const OTHER_C = items('（六）其他处理', 'otherHandling', [
  ['noCorrection', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'],
  ['unpaidFee', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'],
  ['other', '3.其他'],
]);

/**
 * The rows of table 三 (收到和处理政府信息公开申请情况) for an era: B has one （六）其他处理 row, C three.
 *
 * @example
 * requestRows('C').filter((r) => !r.optional).length; // 25
 */
export function requestRows(era: 'B' | 'C'): RequestRow[] {
  return [
    top('newReceived', '一、本年新收政府信息公开申请数量'),
    top('carriedOver', '二、上年结转政府信息公开申请数量'),
    outcome('granted', '（一）予以公开'),
    outcome('partial', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）'),
    ...DENIED,
    ...UNAVAILABLE,
    ...NOT_PROCESSED,
    ...(era === 'B' ? [outcome('otherHandling.all', '（六）其他处理')] : OTHER_C),
    outcome('resultTotal', '（七）总计'),
    top('carriedForward', '四、结转下年度继续办理'),
  ];
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
 * The three blocks of table 四 (key prefixes and printed headers).
 *
 * @example
 * REVIEW_BLOCKS.map((b) => b.prefix); // ['review', 'litigation.direct', 'litigation.afterReview']
 */
export const REVIEW_BLOCKS: ReadonlyArray<{ prefix: string; label: string }> = [
  { prefix: 'review', label: '行政复议' },
  { prefix: 'litigation.direct', label: '未经复议直接起诉' },
  { prefix: 'litigation.afterReview', label: '复议后起诉' },
];
/**
 * The five result columns of each table 四 block.
 *
 * @example
 * REVIEW_COLUMNS.map((c) => c.field); // ['upheld', 'corrected', 'other', 'pending', 'total']
 */
export const REVIEW_COLUMNS: ReadonlyArray<{ field: string; label: string }> = [
  { field: 'upheld', label: '结果维持' },
  { field: 'corrected', label: '结果纠正' },
  { field: 'other', label: '其他结果' },
  { field: 'pending', label: '尚未审结' },
  { field: 'total', label: '总计' },
];

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
