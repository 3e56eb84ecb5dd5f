import { type DateMention, findDates } from '../text/dates.js';
import { AGENCY_END, type Located } from './title.js';

/** The signature block: the signing organ and the date. */
export interface Signature {
  date?: DateMention;
  agency?: Located<string>;
}

/** Share of the text (from the end) where a closing signature may sit, before any 附件. */
const TAIL_SHARE = 0.3;
/** How far below the title a date under it may sit. */
const UNDER_TITLE = 120;
const AGENCY_BEFORE = new RegExp(`${AGENCY_END}\\s*$`);
const AGENCY_LINE = new RegExp(`([\\u4e00-\\u9fff（）()]{2,40}?${AGENCY_END})\\s*$`);

/**
 * Finds the signature: a full date standing on its own (a line of its own, between spaces, or in
 * parentheses) at the end of the report (before any 附件/附表) or right under the title, and the organ
 * named on the line before it. Dated statements in running text (`截至2019年12月31日，`) are not
 * signatures; neither are crawler or page metadata (`发布时间：`).
 *
 * @example
 * findSignature('…\n舒兰市民政局\n2019年1月14日', undefined).date?.iso; // '2019-01-14'
 */
export function findSignature(text: string, titleSpan: [number, number] | undefined): Signature {
  const dates = findDates(text).filter(
    (d) => d.day !== undefined && !d.yearInherited && standsAlone(text, d),
  );
  const annex = lastAnnex(text);
  const bodyEnd = annex ?? text.length;
  const tailFrom = Math.floor(bodyEnd * (1 - TAIL_SHARE));
  const closing = dates.filter((d) => d.span[0] >= tailFrom && d.span[1] <= bodyEnd).pop();
  const underTitle = titleSpan
    ? dates.find((d) => d.span[0] >= titleSpan[1] && d.span[0] - titleSpan[1] <= UNDER_TITLE)
    : undefined;
  const date = closing ?? underTitle;
  if (!date) return {};
  return { date, agency: agencyBefore(text, date.span[0]) ?? undefined };
}

function standsAlone(text: string, d: DateMention): boolean {
  const before = text.slice(Math.max(0, d.span[0] - 12), d.span[0]);
  const after = text.slice(d.span[1], d.span[1] + 3);
  if (/(?:时间|日期|发布|来源|印发|成文)[:：]?\s*$/.test(before)) return false;
  const open = /(?:^|[\n\s（(])$/.test(before) || d.span[0] === 0 || AGENCY_BEFORE.test(before);
  const close = /^(?:$|[\n\s）)]|附)/.test(after);
  return open && close;
}

/** Start of the last 附件/附表 block in the second half of the text, if any. */
function lastAnnex(text: string): number | undefined {
  const re = /(?:^|[\s。])(附件\s*\d*\s*[:：]?|附表)/g;
  let found: number | undefined;
  for (const m of text.matchAll(re)) if (m.index > text.length / 2) found = m.index;
  return found;
}

/** The organ named just before the date: on the previous line, or right before it on the same line. */
function agencyBefore(text: string, at: number): Located<string> | null {
  const from = Math.max(0, at - 60);
  const before = text.slice(from, at).replace(/[\s（(]+$/, '');
  const lastStop = Math.max(before.lastIndexOf('。'), before.lastIndexOf('；'), before.lastIndexOf('\n'));
  const chunk = lastStop >= 0 && lastStop < before.length - 1 ? before.slice(lastStop + 1) : before;
  const m = AGENCY_LINE.exec(chunk.trimEnd());
  if (!m) {
    // The organ on its own line above the date line.
    const lineStart = text.lastIndexOf('\n', at - 1);
    if (lineStart <= 0) return null;
    const prevStart = text.lastIndexOf('\n', lineStart - 1) + 1;
    const prev = text.slice(prevStart, lineStart);
    const pm = new RegExp(`^\\s*[#]*\\s*([\\u4e00-\\u9fff（）()]{2,40}?${AGENCY_END})\\s*$`).exec(prev);
    if (!pm) return null;
    const s = prevStart + prev.indexOf(pm[1] as string);
    return { value: pm[1] as string, span: [s, s + (pm[1] as string).length] };
  }
  const name = m[1] as string;
  const s = from + (lastStop >= 0 && lastStop < before.length - 1 ? lastStop + 1 : 0) + m.index;
  if (text.slice(s, s + name.length) !== name || /[。，]/.test(name)) return null;
  return { value: name, span: [s, s + name.length] };
}
