import { escapeHtml } from './escape.js';

/**
 * A range of the report text to wrap in an element: an anomaly's evidence (`mark`), a heading, a figure.
 * Attribute values are escaped when written.
 *
 * @example
 * const r: TextRange = { start: 5, end: 7, tag: 'mark', id: 'e-0-0-3-0', className: 'ev sev-error', attrs: { 'data-a': '0-3' } };
 */
export interface TextRange {
  /** Half-open UTF-16 offsets into the text. */
  start: number;
  end: number;
  tag: 'mark' | 'span';
  /** Id of the range; only the first element of a range that had to be split carries it. */
  id?: string;
  className: string;
  attrs?: Record<string, string>;
}

interface OpenRange {
  range: TextRange;
  end: number;
  order: number;
}

/**
 * Writes `text` as escaped HTML with every range wrapped in its element. Ranges may overlap and nest:
 * where one crosses another's boundary it is closed and reopened (the continuation has no id), so the
 * output is always well nested and the text between tags is exactly `text`. Offsets that fall inside a
 * surrogate pair are widened to the whole character; ranges outside the text are clipped or dropped.
 *
 * @example
 * markupText('总数84条', [{ start: 2, end: 4, tag: 'mark', id: 'e1', className: 'ev' }]);
 * // '总数<mark id="e1" class="ev">84</mark>条'
 */
export function markupText(text: string, ranges: readonly TextRange[]): string {
  const items = ranges
    .map((range, order) => ({ range, order, ...clip(text, range.start, range.end) }))
    .filter((r): r is { range: TextRange; order: number; start: number; end: number } => r.start >= 0)
    // Outer ranges open first: by start, then longest, then input order.
    .sort((a, b) => a.start - b.start || b.end - a.end || a.order - b.order);
  const points = [...new Set([0, text.length, ...items.flatMap((r) => [r.start, r.end])])].sort(
    (a, b) => a - b,
  );
  const out: string[] = [];
  const stack: OpenRange[] = [];
  let next = 0;
  for (let p = 0; p < points.length; p++) {
    const at = points[p] ?? 0;
    closeEndedAt(at, stack, out);
    while (next < items.length && items[next]?.start === at) {
      const item = items[next++];
      if (!item) break;
      out.push(openTag(item.range, true));
      if (item.end === at) out.push(`</${item.range.tag}>`);
      else stack.push({ range: item.range, end: item.end, order: item.order });
    }
    const to = points[p + 1];
    if (to !== undefined) out.push(escapeHtml(text.slice(at, to)));
  }
  closeEndedAt(Number.POSITIVE_INFINITY, stack, out);
  return out.join('');
}

/** Closes every open range that ends at or before `at`, reopening the ones above it that go on. */
function closeEndedAt(at: number, stack: OpenRange[], out: string[]): void {
  const lowest = stack.findIndex((o) => o.end <= at);
  if (lowest < 0) return;
  const above = stack.splice(lowest);
  for (let i = above.length - 1; i >= 0; i--) out.push(`</${above[i]?.range.tag}>`);
  for (const o of above) {
    if (o.end <= at) continue;
    out.push(openTag(o.range, false));
    stack.push(o);
  }
}

function openTag(range: TextRange, first: boolean): string {
  let tag = `<${range.tag}`;
  if (first && range.id) tag += ` id="${escapeHtml(range.id)}"`;
  tag += ` class="${escapeHtml(first ? range.className : `${range.className} cont`)}"`;
  for (const [name, value] of Object.entries(range.attrs ?? {})) {
    if (/^[a-z][a-z0-9-]*$/.test(name) && !name.startsWith('on')) tag += ` ${name}="${escapeHtml(value)}"`;
  }
  return `${tag}>`;
}

/** Clips a span to the text and widens it over split surrogate pairs; start -1 when nothing is left. */
function clip(text: string, start: number, end: number): { start: number; end: number } {
  if (!Number.isFinite(start) || !Number.isFinite(end) || end < start || start > text.length) {
    return { start: -1, end: -1 };
  }
  let s = Math.max(0, Math.floor(start));
  let e = Math.min(text.length, Math.floor(end));
  if (isLowSurrogateAt(text, s) && isHighSurrogateAt(text, s - 1)) s--;
  if (isLowSurrogateAt(text, e) && isHighSurrogateAt(text, e - 1)) e++;
  return { start: s, end: e };
}

function isHighSurrogateAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff;
}

function isLowSurrogateAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff;
}
