import type {
  ActiveCellDef,
  LabelPattern,
  OutcomeGroup,
  RequestFlow,
  RequestRowDef,
  ReviewBlock,
  TemplateColumn,
  TemplateSection,
} from './types.js';

// The 2019 template (国办公开办函〔2019〕60号) and its 2021 revision (〔2021〕30号) print the same sections
// and mostly the same tables, so their rows are written once here, each marked with the revisions that
// print it; era-b.ts and era-c.ts pick their own rows from these lists.

/** Words both revisions print (table-2 captions, table-3 rows): the report year picks the revision. */
export const SHARED_TOKENS_BC =
  /第二十条第\s*[（(][一五六八九][）)]\s*项|本年新收政府信息公开申请数量|结转下年度继续办理|勾稽关系/g;

/** The six sections of the 2019 and 2021 templates, in order. */
export const SECTIONS_BC: TemplateSection[] = [
  { name: '总体情况', match: /总体情况|概述|总体|基本情况|基本工作情况|工作概况/ },
  { name: '主动公开政府信息情况', match: /主动公开/, overviewAspect: true },
  { name: '收到和处理政府信息公开申请情况', match: /收到和处理|依申请|公开申请/, overviewAspect: true },
  { name: '政府信息公开行政复议、行政诉讼情况', match: /复议|诉讼/ },
  { name: '存在的主要问题及改进情况', match: /问题|改进/ },
  { name: '其他需要报告的事项', match: /其他需要|其他事项|需要报告|需要说明/ },
];

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
] as const satisfies readonly TemplateColumn[];

/**
 * Rows of table 三 in printed order, both templates merged (era B has `otherHandling.all`, era C the three
 * `otherHandling.*` items); subtotal rows sit where a producer prints them, right after the group heading.
 *
 * @example
 * REQUEST_ROWS.filter((r) => r.eras.includes('C') && !r.optional).length; // 25
 */
const REQUEST_ROW_LIST = [
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
] as const satisfies readonly RequestRowDef[];
export const REQUEST_ROWS: readonly RequestRowDef<RequestRow>[] = REQUEST_ROW_LIST;
/** The `<row>` segment of a table 三 key. */
export type RequestRow = (typeof REQUEST_ROW_LIST)[number]['row'];

const item = (id: string, n: number, core: string, alt?: string[]): LabelPattern =>
  alt ? { id, marker: `${n}.`, core, alt } : { id, marker: `${n}.`, core };

/**
 * Labels of table 三 in printed order: group headings, then their items; both templates' row (六).
 *
 * @example
 * REQUEST_LABELS.find((l) => l.id === 'unavailable.notHeld')?.core; // '本机关不掌握'
 */
export const REQUEST_LABELS: LabelPattern[] = [
  { id: 'newReceived', marker: '一、', core: '本年新收' },
  { id: 'carriedOver', marker: '二、', core: '上年结转', alt: ['上年度结转'] },
  { id: 'group.result', marker: '三、', core: '本年度办理结果' },
  { id: 'granted', marker: '（一）', core: '予以公开' },
  { id: 'partial', marker: '（二）', core: '部分公开' },
  { id: 'denied.subtotal', marker: '（三）', core: '不予公开' },
  item('denied.stateSecret', 1, '属于国家秘密'),
  item('denied.prohibitedByLaw', 2, '其他法律'),
  item('denied.securityStability', 3, '危及', ['三安全一稳定']),
  item('denied.thirdParty', 4, '保护第三方'),
  item('denied.internalAffairs', 5, '属于三类内部事务'),
  item('denied.processInfo', 6, '属于四类过程性'),
  item('denied.enforcementFiles', 7, '属于行政执法案卷'),
  item('denied.queryMatters', 8, '属于行政查询事项'),
  { id: 'unavailable.subtotal', marker: '（四）', core: '无法提供' },
  item('unavailable.notHeld', 1, '本机关不掌握', ['不掌握相关政府信息']),
  item('unavailable.needsCreation', 2, '没有现成信息', ['需要另行制作']),
  item('unavailable.stillUnclear', 3, '补正后申请内容', ['补正后仍不明确']),
  { id: 'notProcessed.subtotal', marker: '（五）', core: '不予处理' },
  item('notProcessed.petition', 1, '信访举报投诉', ['信访举报']),
  item('notProcessed.repeated', 2, '重复申请'),
  item('notProcessed.publication', 3, '要求提供公开出版物'),
  item('notProcessed.massRepeated', 4, '无正当理由大量反复'),
  item('notProcessed.confirmation', 5, '要求行政机关确认'),
  { id: 'otherHandling.group', marker: '（六）', core: '其他处理' },
  item('otherHandling.noCorrection', 1, '申请人无正当理由逾期不补正', ['逾期不补正']),
  item('otherHandling.unpaidFee', 2, '申请人逾期未按收费通知', ['逾期未按收费通知', '逾期未缴纳']),
  { id: 'otherHandling.other', marker: '3.', core: '其他', markerRequired: true },
  { id: 'resultTotal', marker: '（七）', core: '总计' },
  { id: 'carriedForward', marker: '四、', core: '结转下年度', alt: ['结转下一年度'] },
];

/** new + carried over = handled (（七）总计) + carried forward. */
export const REQUEST_FLOW: RequestFlow = {
  inflow: ['newReceived', 'carriedOver'],
  outflow: ['resultTotal', 'carriedForward'],
};

/**
 * The outcome groups of table 三 (三、本年度办理结果) and their item rows: each group's items add up to
 * its subtotal row, and every item adds up to （七）总计.
 *
 * @example
 * OUTCOME_GROUPS.find((g) => g.group === 'unavailable')?.items.length; // 3
 */
export const OUTCOME_GROUPS: OutcomeGroup<RequestRow>[] = [
  { group: 'granted', name: '（一）予以公开', items: ['granted'] },
  { group: 'partial', name: '（二）部分公开', items: ['partial'] },
  ...(['denied', 'unavailable', 'notProcessed', 'otherHandling'] as const).map((group) => ({
    group,
    name: REQUEST_ROWS.find((r) => r.row.startsWith(`${group}.`))?.label.split(' ')[0] ?? group,
    items: REQUEST_ROWS.filter((r) => r.row.startsWith(`${group}.`) && !r.optional).map((r) => r.row),
    subtotal: `${group}.subtotal` as const,
  })),
];

/**
 * The three blocks of table 四, in printed order; keys are `<prefix>.<col>`.
 *
 * @example
 * REVIEW_BLOCKS.map((b) => b.prefix); // ['review', 'litigation.direct', 'litigation.afterReview']
 */
export const REVIEW_BLOCKS = [
  { prefix: 'review', label: '行政复议', name: '行政复议' },
  { prefix: 'litigation.direct', label: '行政诉讼 未经复议直接起诉', name: '行政诉讼（未经复议直接起诉）' },
  { prefix: 'litigation.afterReview', label: '行政诉讼 复议后起诉', name: '行政诉讼（复议后起诉）' },
] as const satisfies readonly ReviewBlock[];

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
] as const satisfies readonly TemplateColumn[];

/**
 * Cells of table 二 in printed order, era C first (2021 template), then era B (2019 template).
 *
 * @example
 * ACTIVE_CELLS.filter((c) => c.row === '规章' && c.eras.includes('C')).map((c) => c.key);
 * // ['active.regulations.issued', 'active.regulations.repealed', 'active.regulations.inForce']
 */
const ACTIVE_CELL_LIST = [
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
] as const satisfies readonly ActiveCellDef[];
export const ACTIVE_CELLS: readonly ActiveCellDef[] = ACTIVE_CELL_LIST;
/** A table 二 key. */
export type ActiveKey = (typeof ACTIVE_CELL_LIST)[number]['key'];
