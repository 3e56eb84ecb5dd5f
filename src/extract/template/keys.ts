import type { Era } from '../../model/index.js';
import type { KeyDef } from '../key-def.js';

/**
 * The six applicant columns and the total of table 三, in printed order.
 *
 * @example
 * REQUEST_COLUMNS.map((c) => c.col); // ['natural', 'commercial', 'research', 'publicInterest', 'legalService', 'otherOrg', 'total']
 */
export const REQUEST_COLUMNS = [
  { col: 'natural', label: '自然人' },
  { col: 'commercial', label: '商业企业' },
  { col: 'research', label: '科研机构' },
  { col: 'publicInterest', label: '社会公益组织' },
  { col: 'legalService', label: '法律服务机构' },
  { col: 'otherOrg', label: '其他' },
  { col: 'total', label: '总计' },
] as const;

/**
 * One data row of table 三 as the template prints it.
 *
 * @example
 * const def: RequestRowDef = { row: 'granted', label: '（一）予以公开', eras: ['B', 'C'] };
 */
export interface RequestRowDef {
  /** The `<row>` segment of `requests.<row>.<col>`. */
  row: string;
  label: string;
  eras: Era[];
  /** Printed only by some producers (group subtotals). */
  optional?: boolean;
}

/**
 * Rows of table 三 in printed order, both templates merged (era B has `otherHandling.all`, era C the three
 * `otherHandling.*` items); subtotal rows sit where a producer prints them, right after the group heading.
 *
 * @example
 * REQUEST_ROWS.filter((r) => r.eras.includes('C') && !r.optional).length; // 25
 */
export const REQUEST_ROWS: RequestRowDef[] = [
  { row: 'newReceived', label: '一、本年新收政府信息公开申请数量', eras: ['B', 'C'] },
  { row: 'carriedOver', label: '二、上年结转政府信息公开申请数量', eras: ['B', 'C'] },
  { row: 'granted', label: '（一）予以公开', eras: ['B', 'C'] },
  { row: 'partial', label: '（二）部分公开', eras: ['B', 'C'] },
  { row: 'denied.subtotal', label: '（三）不予公开', eras: ['B', 'C'], optional: true },
  { row: 'denied.stateSecret', label: '（三）不予公开 1.属于国家秘密', eras: ['B', 'C'] },
  { row: 'denied.prohibitedByLaw', label: '（三）不予公开 2.其他法律行政法规禁止公开', eras: ['B', 'C'] },
  { row: 'denied.securityStability', label: '（三）不予公开 3.危及“三安全一稳定”', eras: ['B', 'C'] },
  { row: 'denied.thirdParty', label: '（三）不予公开 4.保护第三方合法权益', eras: ['B', 'C'] },
  { row: 'denied.internalAffairs', label: '（三）不予公开 5.属于三类内部事务信息', eras: ['B', 'C'] },
  { row: 'denied.processInfo', label: '（三）不予公开 6.属于四类过程性信息', eras: ['B', 'C'] },
  { row: 'denied.enforcementFiles', label: '（三）不予公开 7.属于行政执法案卷', eras: ['B', 'C'] },
  { row: 'denied.queryMatters', label: '（三）不予公开 8.属于行政查询事项', eras: ['B', 'C'] },
  { row: 'unavailable.subtotal', label: '（四）无法提供', eras: ['B', 'C'], optional: true },
  { row: 'unavailable.notHeld', label: '（四）无法提供 1.本机关不掌握相关政府信息', eras: ['B', 'C'] },
  { row: 'unavailable.needsCreation', label: '（四）无法提供 2.没有现成信息需要另行制作', eras: ['B', 'C'] },
  { row: 'unavailable.stillUnclear', label: '（四）无法提供 3.补正后申请内容仍不明确', eras: ['B', 'C'] },
  { row: 'notProcessed.subtotal', label: '（五）不予处理', eras: ['B', 'C'], optional: true },
  { row: 'notProcessed.petition', label: '（五）不予处理 1.信访举报投诉类申请', eras: ['B', 'C'] },
  { row: 'notProcessed.repeated', label: '（五）不予处理 2.重复申请', eras: ['B', 'C'] },
  { row: 'notProcessed.publication', label: '（五）不予处理 3.要求提供公开出版物', eras: ['B', 'C'] },
  { row: 'notProcessed.massRepeated', label: '（五）不予处理 4.无正当理由大量反复申请', eras: ['B', 'C'] },
  {
    row: 'notProcessed.confirmation',
    label: '（五）不予处理 5.要求行政机关确认或重新出具已获取信息',
    eras: ['B', 'C'],
  },
  { row: 'otherHandling.all', label: '（六）其他处理', eras: ['B'] },
  { row: 'otherHandling.subtotal', label: '（六）其他处理', eras: ['C'], optional: true },
  {
    row: 'otherHandling.noCorrection',
    label: '（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    eras: ['C'],
  },
  {
    row: 'otherHandling.unpaidFee',
    label: '（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    eras: ['C'],
  },
  { row: 'otherHandling.other', label: '（六）其他处理 3.其他', eras: ['C'] },
  { row: 'resultTotal', label: '（七）总计', eras: ['B', 'C'] },
  { row: 'carriedForward', label: '四、结转下年度继续办理', eras: ['B', 'C'] },
];

/**
 * The three blocks of table 四, in printed order; keys are `<prefix>.<col>`.
 *
 * @example
 * REVIEW_BLOCKS.map((b) => b.prefix); // ['review', 'litigation.direct', 'litigation.afterReview']
 */
export const REVIEW_BLOCKS = [
  { prefix: 'review', label: '行政复议' },
  { prefix: 'litigation.direct', label: '行政诉讼 未经复议直接起诉' },
  { prefix: 'litigation.afterReview', label: '行政诉讼 复议后起诉' },
] as const;
/**
 * The five columns of each table 四 block, in printed order.
 *
 * @example
 * REVIEW_COLUMNS.map((c) => c.col); // ['upheld', 'corrected', 'other', 'pending', 'total']
 */
export const REVIEW_COLUMNS = [
  { col: 'upheld', label: '结果维持' },
  { col: 'corrected', label: '结果纠正' },
  { col: 'other', label: '其他结果' },
  { col: 'pending', label: '尚未审结' },
  { col: 'total', label: '总计' },
] as const;

/**
 * One cell kind of table 二: which key, its printed row and column, unit and what the cell may hold.
 *
 * @example
 * const def: ActiveCellDef = { key: 'active.penalty.change', row: '行政处罚', col: '本年增/减', unit: '项', eras: ['B'], signed: true };
 */
export interface ActiveCellDef {
  key: string;
  row: string;
  col: string;
  unit: string;
  eras: Era[];
  /** 本年增/减 may be negative. */
  signed?: boolean;
  /** Money cells may carry decimals. */
  decimal?: boolean;
}

/**
 * Cells of table 二 in printed order, era C first (2021 template), then era B (2019 template).
 *
 * @example
 * ACTIVE_CELLS.filter((c) => c.row === '规章' && c.eras.includes('C')).map((c) => c.key);
 * // ['active.regulations.issued', 'active.regulations.repealed', 'active.regulations.inForce']
 */
export const ACTIVE_CELLS: ActiveCellDef[] = [
  { key: 'active.regulations.issued', row: '规章', col: '本年制发件数', unit: '件', eras: ['C'] },
  { key: 'active.regulations.repealed', row: '规章', col: '本年废止件数', unit: '件', eras: ['C'] },
  { key: 'active.regulations.inForce', row: '规章', col: '现行有效件数', unit: '件', eras: ['C'] },
  { key: 'active.normativeDocs.issued', row: '行政规范性文件', col: '本年制发件数', unit: '件', eras: ['C'] },
  {
    key: 'active.normativeDocs.repealed',
    row: '行政规范性文件',
    col: '本年废止件数',
    unit: '件',
    eras: ['C'],
  },
  {
    key: 'active.normativeDocs.inForce',
    row: '行政规范性文件',
    col: '现行有效件数',
    unit: '件',
    eras: ['C'],
  },
  { key: 'active.regulations.newlyMade', row: '规章', col: '本年新制作数量', unit: '件', eras: ['B'] },
  { key: 'active.regulations.newlyPublished', row: '规章', col: '本年新公开数量', unit: '件', eras: ['B'] },
  { key: 'active.regulations.totalPublished', row: '规章', col: '对外公开总数量', unit: '件', eras: ['B'] },
  {
    key: 'active.normativeDocs.newlyMade',
    row: '规范性文件',
    col: '本年新制作数量',
    unit: '件',
    eras: ['B'],
  },
  {
    key: 'active.normativeDocs.newlyPublished',
    row: '规范性文件',
    col: '本年新公开数量',
    unit: '件',
    eras: ['B'],
  },
  {
    key: 'active.normativeDocs.totalPublished',
    row: '规范性文件',
    col: '对外公开总数量',
    unit: '件',
    eras: ['B'],
  },
  { key: 'active.licensing.previousCount', row: '行政许可', col: '上一年项目数量', unit: '项', eras: ['B'] },
  {
    key: 'active.licensing.change',
    row: '行政许可',
    col: '本年增/减',
    unit: '项',
    eras: ['B'],
    signed: true,
  },
  { key: 'active.licensing.decisions', row: '行政许可', col: '处理决定数量', unit: '件', eras: ['B', 'C'] },
  {
    key: 'active.otherServices.previousCount',
    row: '其他对外管理服务事项',
    col: '上一年项目数量',
    unit: '项',
    eras: ['B'],
  },
  {
    key: 'active.otherServices.change',
    row: '其他对外管理服务事项',
    col: '本年增/减',
    unit: '项',
    eras: ['B'],
    signed: true,
  },
  {
    key: 'active.otherServices.decisions',
    row: '其他对外管理服务事项',
    col: '处理决定数量',
    unit: '件',
    eras: ['B'],
  },
  { key: 'active.penalty.previousCount', row: '行政处罚', col: '上一年项目数量', unit: '项', eras: ['B'] },
  { key: 'active.penalty.change', row: '行政处罚', col: '本年增/减', unit: '项', eras: ['B'], signed: true },
  { key: 'active.penalty.decisions', row: '行政处罚', col: '处理决定数量', unit: '件', eras: ['B', 'C'] },
  { key: 'active.coercion.previousCount', row: '行政强制', col: '上一年项目数量', unit: '项', eras: ['B'] },
  { key: 'active.coercion.change', row: '行政强制', col: '本年增/减', unit: '项', eras: ['B'], signed: true },
  { key: 'active.coercion.decisions', row: '行政强制', col: '处理决定数量', unit: '件', eras: ['B', 'C'] },
  { key: 'active.fees.previousCount', row: '行政事业性收费', col: '上一年项目数量', unit: '项', eras: ['B'] },
  {
    key: 'active.fees.change',
    row: '行政事业性收费',
    col: '本年增/减',
    unit: '项',
    eras: ['B'],
    signed: true,
  },
  {
    key: 'active.fees.amount',
    row: '行政事业性收费',
    col: '本年收费金额',
    unit: '万元',
    eras: ['C'],
    decimal: true,
  },
  { key: 'active.procurement.projects', row: '政府集中采购', col: '采购项目数量', unit: '项', eras: ['B'] },
  {
    key: 'active.procurement.amount',
    row: '政府集中采购',
    col: '采购总金额',
    unit: '万元',
    eras: ['B'],
    decimal: true,
  },
];

function requestKeys(): KeyDef[] {
  const keys: KeyDef[] = [];
  for (const r of REQUEST_ROWS) {
    for (const c of REQUEST_COLUMNS) {
      keys.push({
        key: `requests.${r.row}.${c.col}`,
        label: `${r.label} · ${c.label}`,
        unit: '件',
        eras: r.eras,
        group: 'requests',
      });
    }
  }
  return keys;
}

function reviewKeys(): KeyDef[] {
  return REVIEW_BLOCKS.flatMap((b) =>
    REVIEW_COLUMNS.map((c) => ({
      key: `${b.prefix}.${c.col}`,
      label: `${b.label} · ${c.label}`,
      unit: '件',
      eras: ['B', 'C'] as Era[],
      group: b.prefix === 'review' ? 'review' : 'litigation',
    })),
  );
}

/**
 * Keys of the era B and C template tables 二, 三 and 四, in table order.
 *
 * @example
 * TEMPLATE_KEYS.find((k) => k.key === 'requests.resultTotal.total');
 * // { key: 'requests.resultTotal.total', label: '（七）总计 · 总计', unit: '件', eras: ['B', 'C'], group: 'requests' }
 */
export const TEMPLATE_KEYS: KeyDef[] = [
  ...ACTIVE_CELLS.map((c) => ({
    key: c.key,
    label: `${c.row} · ${c.col}`,
    unit: c.unit,
    eras: c.eras,
    group: 'active',
  })),
  ...requestKeys(),
  ...reviewKeys(),
];
