import { loose, regex } from './text-scan.js';

/**
 * A row label of a template table: an optional ordinal marker, then a distinctive core phrase.
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

/**
 * The regex source of a label: `(marker)?core`, the marker capturing where the label starts so that a
 * digit run before it (`00000002.其他法律`) keeps all its digits.
 *
 * @example
 * new RegExp(labelSource(REQUEST_LABELS[6])).exec('00000001.属于国家秘密')?.index; // 7
 */
export function labelSource(l: LabelPattern): string {
  let source = SOURCES.get(l);
  if (source === undefined) {
    source = buildLabelSource(l);
    SOURCES.set(l, source);
  }
  return source;
}

// Label patterns are module constants matched against every cell: build each source once.
const SOURCES = new WeakMap<LabelPattern, string>();

function buildLabelSource(l: LabelPattern): string {
  const core = l.alt ? `(?:${[l.core, ...l.alt].map(loose).join('|')})` : loose(l.core);
  if (!l.marker) return core;
  const marker = `${loose(l.marker)}\\s*`;
  if (l.markerRequired) return `${marker}${core}`;
  // An item label cut by wrapping (`5.要求行政机` / `关确认…`) is still known by its marker and first words.
  const short =
    /^\d/.test(l.marker) && [...l.core].length > 4
      ? `|${marker}${loose([...l.core].slice(0, 4).join(''))}`
      : '';
  return `(?:(?:${marker})?${core}${short})`;
}

/**
 * Every label a cell holds, in order (a cell that merged two rows holds two).
 *
 * @example
 * labelsIn('2.没有现成信息需要另行制作3.补正后申请内容仍不明确', REQUEST_LABELS);
 * // ['unavailable.needsCreation', 'unavailable.stillUnclear']
 */
export function labelsIn(cell: string, labels: LabelPattern[]): string[] {
  const hits: { id: string; at: number; end: number }[] = [];
  for (const l of labels) {
    for (const m of cell.matchAll(regex(labelSource(l), 'g'))) {
      hits.push({ id: l.id, at: m.index, end: m.index + m[0].length });
    }
  }
  hits.sort((a, b) => a.at - b.at || b.end - a.end);
  const out: string[] = [];
  let last = -1;
  for (const h of hits) {
    if (h.at < last || out[out.length - 1] === h.id) continue;
    out.push(h.id);
    last = h.end;
  }
  return out;
}

/**
 * Which label a table cell carries, if any: the pattern whose match starts last wins, so a cell holding
 * both a group heading and an item (`（三）不予公开 1.属于国家秘密`) is the item. `总计` counts only as a
 * whole cell.
 *
 * @example
 * cellLabel('1. 属于国家秘密', REQUEST_LABELS); // 'denied.stateSecret'
 */
export function cellLabel(cell: string, labels: LabelPattern[]): string | undefined {
  let best: { id: string; at: number } | undefined;
  for (const l of labels) {
    // A bare 总计 cell is the total row only when it is the whole label.
    const src = l.id === 'resultTotal' ? `^\\s*${labelSource(l)}\\s*$` : labelSource(l);
    const m = regex(src).exec(cell);
    if (m && (!best || m.index >= best.at)) best = { id: l.id, at: m.index };
  }
  return best?.id;
}
