import type { Era } from '../model/index.js';

/**
 * One part of a template's section list and the title words that identify it, paraphrases included.
 *
 * @example
 * const s: TemplateSection = { name: '主动公开政府信息情况', match: /主动公开/, overviewAspect: true };
 */
export interface TemplateSection {
  name: string;
  match: RegExp;
  /** Also a usual sub-heading of 总体情况/概述 (主动公开, 依申请公开), so only a top heading proves the part. */
  overviewAspect?: true;
}

/**
 * One column of a template table: the `<col>` segment of its keys and the printed header.
 *
 * @example
 * const c: TemplateColumn = { col: 'natural', label: '自然人' };
 */
export interface TemplateColumn {
  col: string;
  label: string;
}

/**
 * A row label of a template table as the text prints it: an optional ordinal marker, then a distinctive
 * core phrase.
 *
 * @example
 * const l: LabelPattern = { id: 'unavailable.notHeld', marker: '1.', core: '本机关不掌握' };
 */
export interface LabelPattern {
  /** Row id (`granted`, `denied.stateSecret`) or a group heading (`group.result`, `otherHandling.group`). */
  id: string;
  /** The ordinal marker as printed (`（一）`, `1.`, `一、`). */
  marker?: string;
  /** Distinctive words of the label; the rest of a long label is skipped as text before the numbers. */
  core: string;
  /** Other wordings seen for the same row (paraphrases, OCR or typing variants). */
  alt?: string[];
  /** The marker must be present (the core alone is too common, e.g. `其他`, `总计`). */
  markerRequired?: boolean;
}

/**
 * One data row of table 三 as the template prints it.
 *
 * @example
 * const def: RequestRowDef = { row: 'granted', label: '（一）予以公开', eras: ['B', 'C'] };
 */
export interface RequestRowDef<R extends string = string> {
  /** The `<row>` segment of `requests.<row>.<col>`. */
  row: R;
  label: string;
  /** The template revisions that print the row. */
  eras: readonly Era[];
  /** Printed only by some producers (group subtotals). */
  optional?: boolean;
}

/**
 * An outcome group of table 三 (三、本年度办理结果): a heading whose item rows add up to its subtotal row.
 *
 * @example
 * const g: OutcomeGroup = { group: 'granted', name: '（一）予以公开', items: ['granted'] };
 */
export interface OutcomeGroup<R extends string = string> {
  group: string;
  name: string;
  items: R[];
  /** The row a producer may print with the group's sum (groups of one item have none). */
  subtotal?: R;
}

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
  /** The template revisions that print the cell. */
  eras: readonly Era[];
  /** 本年增/减 may be negative. */
  signed?: boolean;
  /** Money cells may carry decimals. */
  decimal?: boolean;
}

/**
 * A block of table 四 (or of the era A review counts): keys are `<prefix>.<col>`.
 *
 * @example
 * const b: ReviewBlock = { prefix: 'review', label: '行政复议', name: '行政复议' };
 */
export interface ReviewBlock {
  prefix: string;
  /** The label keys and docs carry. */
  label: string;
  /** The name messages use. */
  name: string;
}

/**
 * A family of statistics rows whose children add up to the parent (`open`: the children listed are
 * only some of them, so only an excess is certain).
 *
 * @example
 * const f: SumFamily = { parent: 'org.staff.total', children: ['org.staff.fullTime', 'org.staff.partTime'] };
 */
export interface SumFamily<K extends string = string> {
  parent: K;
  children: K[];
  open?: boolean;
}

/**
 * Words that tell the template apart, strongest first. `strong` alone decides; `weak` only when no word
 * of an older template is present; `shared` words belong to a group of revisions and decide by the year.
 *
 * @example
 * const t: EraTokens = { strong: /本年制发件数/g };
 */
export interface EraTokens {
  /** Words only this template prints; any of them decides (a non-global pattern counts its first match). */
  strong?: RegExp[];
  /** Words prose also uses: they decide only when no word of an older template is present. */
  weak?: RegExp[];
  /** Words a group of revisions shares (the same object in each); the report year picks the revision. */
  shared?: RegExp;
  /** A first section title that only this template's reports open with. */
  firstTitle?: RegExp;
}

/**
 * Table 二 (主动公开) of a template: its cells and the column words that name this revision's layout.
 *
 * @example
 * template.active?.cells.filter((c) => c.row === '规章').map((c) => c.key);
 */
export interface ActiveTable {
  cells: ActiveCellDef[];
  /** Column headers only this revision prints; finding one in table 二 picks the revision. */
  markers: string[];
  /** Row names this revision prints under another name (规范性文件 → 行政规范性文件). */
  rowNames?: Record<string, string>;
  /** How the table is printed: blocks under a 第二十条 caption, each with its rows and column headers. */
  blocks: ActiveBlockDef[];
}

/**
 * A printed block of table 二: its caption, its rows (as `ActiveCellDef.row`) and headers printed
 * differently from the cells' `col` (units, 本年 prefixes).
 *
 * @example
 * const b: ActiveBlockDef = { caption: '第二十条第（八）项', rows: ['行政事业性收费'], headers: { 本年收费金额: '本年收费金额（单位：万元）' } };
 */
export interface ActiveBlockDef {
  caption: string;
  rows: string[];
  headers?: Record<string, string>;
}

/**
 * Table 三 (依申请公开) of a template.
 *
 * @example
 * template.requests?.rows.map((r) => r.row);
 */
export interface RequestTable {
  columns: readonly TemplateColumn[];
  rows: RequestRowDef[];
  labels: LabelPattern[];
  groups: OutcomeGroup[];
  /** The flow identity: `inflow` rows add up to `outflow` rows; the first outflow row is the outcome total. */
  flow: RequestFlow;
}

/**
 * The identities of table 三 besides the row sums (applicant columns → 总计) and the group subtotals:
 * new + carried over = handled + carried forward, and the outcome items add up to the handled total.
 *
 * @example
 * const f: RequestFlow = { inflow: ['newReceived', 'carriedOver'], outflow: ['resultTotal', 'carriedForward'] };
 */
export interface RequestFlow {
  inflow: readonly string[];
  outflow: readonly [total: string, ...rest: string[]];
}

/**
 * Table 四 (复议诉讼) of a template.
 *
 * @example
 * template.review?.blocks.map((b) => b.prefix); // ['review', 'litigation.direct', 'litigation.afterReview']
 */
export interface ReviewTable {
  blocks: readonly ReviewBlock[];
  columns: readonly TemplateColumn[];
}

/**
 * One printed form of an era A statistics indicator. `byParent` replaces the key for labels the national
 * table repeats under 行政复议 and 行政诉讼 (维持具体行政行为数, 被依法纠错数, 其他情形数).
 *
 * @example
 * const i: Indicator = { key: 'org.staff.total', label: '从事政府信息公开工作人员数', texts: ['从事政府信息公开工作人员数'], unit: '人' };
 */
export interface Indicator {
  key: string;
  /** The label of the key in docs and outputs. */
  label: string;
  /** Every printed wording the reader matches. */
  texts: string[];
  unit: string;
  /** Printed with a 历年累计 column as well (`<key>@cumulative`). */
  cumulative?: boolean;
  byParent?: Record<string, string>;
  /** Only a regional family of the table prints it (Fujian two-column table). */
  region?: string;
}

/**
 * One format era or revision of the annual report: everything the reader, the rules, the docs and the
 * outputs know about it. Every part reads these objects; nothing restates a row, identity or section.
 *
 * @example
 * templateById('C')?.sections.length; // 6
 */
export interface Template {
  /** Unique id: the era for the national templates (`A`, `B`, `C`), else a revision name. */
  id: string;
  /** The era a report of this template records in `meta.era`. */
  era: Era;
  /** Which document defines it. */
  name: string;
  /** The report years it applies to, `[first]` while it is in force. */
  years: readonly [number, number?];
  sections: TemplateSection[];
  tokens: EraTokens;
  active?: ActiveTable;
  requests?: RequestTable;
  review?: ReviewTable;
}
