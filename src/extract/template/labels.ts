import type { LabelPattern } from '../../templates/index.js';
import { loose, regex } from './text-scan.js';

export type { LabelPattern } from '../../templates/index.js';
export { REQUEST_LABELS } from '../../templates/template-bc.js';

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
