/**
 * Whether an offset sits inside a title in 《》 (a cited document: its dates are not the report's).
 *
 * @example
 * insideBookTitle('《2018年工作要点》', 3); // true
 */
export function insideBookTitle(text: string, offset: number): boolean {
  const open = text.lastIndexOf('《', offset);
  if (open === -1) return false;
  const close = text.lastIndexOf('》', offset);
  if (close > open) return false;
  const next = text.indexOf('》', offset);
  return next !== -1 && next - open < 120 && !text.slice(open, next).includes('\n');
}

/**
 * Whether an offset sits inside a document number (`〔2018〕57号`, `[2018]`).
 *
 * @example
 * insideDocNumber('吉市办函〔2018〕57号', 5); // true
 */
export function insideDocNumber(text: string, offset: number): boolean {
  const before = text.slice(Math.max(0, offset - 1), offset);
  return /[〔［[【（(﹝]/.test(before);
}

/**
 * Whether an offset sits inside round brackets of the same sentence (an aside: 含…, 占…).
 *
 * @example
 * insideParens('共10条（含政策解读2条）', 9); // true
 */
export function insideParens(text: string, offset: number, from = 0): boolean {
  let depth = 0;
  for (let i = from; i < offset; i++) {
    const c = text[i];
    if (c === '（' || c === '(') depth++;
    else if ((c === '）' || c === ')') && depth > 0) depth--;
  }
  return depth > 0;
}
