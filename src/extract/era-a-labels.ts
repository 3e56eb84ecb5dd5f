import { INDICATORS, PARENT_OF } from '../templates/era-a.js';
import type { Indicator } from '../templates/index.js';

export { PARENT_OF };

/**
 * How an era A indicator is printed (src/templates/era-a.ts).
 *
 * @example
 * const label: IndicatorLabel = { key: 'org.staff.total', texts: ['从事政府信息公开工作人员数'], unit: '人' };
 */
export type IndicatorLabel = Pick<Indicator, 'key' | 'texts' | 'unit' | 'byParent'>;

/** A label found in the text. */
export interface LabelHit {
  key: string;
  unit: string;
  start: number;
  end: number;
  label: string;
}

const COMPILED = (INDICATORS as readonly IndicatorLabel[]).flatMap((l) =>
  l.texts.map((t) => ({ label: l, re: new RegExp([...t].map(escapeChar).join('[ \\t]*'), 'g') })),
);

function escapeChar(c: string): string {
  return /[.*+?^${}()|[\]\\]/.test(c) ? `\\${c}` : c;
}

/**
 * Finds indicator labels in the text (spaces inside a label tolerated), longest first where they
 * overlap, with context labels resolved against the nearest preceding 行政复议/行政诉讼 total.
 *
 * @example
 * findIndicatorLabels('(一)收到申请数。\n无')[0].key; // 'applications.received.total'
 */
export function findIndicatorLabels(text: string): LabelHit[] {
  const raw: { label: IndicatorLabel; start: number; end: number }[] = [];
  for (const { label, re } of COMPILED) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      raw.push({ label, start: m.index, end: m.index + m[0].length });
    }
  }
  raw.sort((a, b) => a.start - b.start || b.end - a.end);
  const hits: LabelHit[] = [];
  let lastEnd = -1;
  let parent: string | undefined;
  for (const r of raw) {
    if (r.start < lastEnd) continue;
    lastEnd = r.end;
    let key = r.label.key;
    if (r.label.byParent) key = (parent && r.label.byParent[parent]) || key;
    if (key === 'review.total' || key === 'litigation.total') parent = key;
    hits.push({ key, unit: r.label.unit, start: r.start, end: r.end, label: text.slice(r.start, r.end) });
  }
  return hits;
}
