/**
 * Counts the distinct page objects written in a PDF's bytes (objects whose dictionary says `/Type /Page`),
 * the way a reader would find them without the page tree. A damaged or edited `/Count` makes pdf.js
 * report fewer pages than the file holds, and those pages would otherwise vanish without a word.
 * Pages inside compressed object streams are not seen, so the count can only be low, never high, for a
 * file whose page tree is sound.
 *
 * @example
 * pageObjectCount(new TextEncoder().encode('3 0 obj << /Type /Page >> endobj')); // 1
 */
export function pageObjectCount(bytes: Uint8Array): number {
  const text = new TextDecoder('latin1').decode(bytes);
  const headers: { at: number; id: string }[] = [];
  for (const m of text.matchAll(/(\d+)\s+(\d+)\s+obj\b/g))
    headers.push({ at: m.index, id: `${m[1]} ${m[2]}` });
  const ids = new Set<string>();
  let h = -1;
  for (const m of text.matchAll(/\/Type\s*\/Page(?![A-Za-z])/g)) {
    while (h + 1 < headers.length && (headers[h + 1]?.at ?? Infinity) < m.index) h++;
    const owner = headers[h];
    if (owner) ids.add(owner.id);
  }
  return ids.size;
}
