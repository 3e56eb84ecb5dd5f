import type { Span } from '../../model/index.js';

/** What may end a complete report: a sentence end, a closing bracket or quote, a table rule. */
const CLOSED_END = /[。！？!?；;.…）)」』”"》】|]$/;
/** A line ending on these is cut off however short it is: an open bracket, a comma, an enumeration mark. */
const OPEN_END = /[（(《「『“【，,、：:]$/;
/** A signature line: the issuing body's name. */
const SIGNATURE =
  /(?:局|政府|委员会|委|办公室|办|处|镇|乡|街道|中心|院|所|站|队|会|厅|部|公司|区|县|市|管委会)$/;
/** A date line (2019年1月20日, 二〇二〇年一月, 2020-01-20). */
const DATE_END = /(?:\d{1,2}|[〇○零一二三四五六七八九十]{1,3})\s*[日号月]$|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}$/;
/** Longest last line still read as a signature. */
const MAX_SIGNATURE = 40;
/** Things that end a complete report without punctuation: 特此报告, 附件 lists, an empty table cell. */
const CLOSING_WORDS = /(?:特此报告|以上|附件|附表|无)$/;

/**
 * Where the text stops mid-way, when it does: its last line ends inside a sentence or a word (no closing
 * punctuation, and it is no signature, date or table row), on an open bracket, a comma or a colon, or
 * inside an unclosed bracket. Page excerpts cut at a byte limit and partial downloads end like this; a complete
 * report ends with a sentence, a signature or a date.
 *
 * @example
 * cutOffAt('…确保办理质量，提'); // [last line start, text end]
 * cutOffAt('…\n某县民政局\n2019年1月20日'); // undefined
 */
export function cutOffAt(text: string): Span | undefined {
  const trimmed = text.trimEnd();
  if (!trimmed) return undefined;
  const lineStart = trimmed.lastIndexOf('\n') + 1;
  const line = trimmed.slice(lineStart).trim();
  const span: Span = [
    lineStart + (trimmed.slice(lineStart).length - trimmed.slice(lineStart).trimStart().length),
    trimmed.length,
  ];
  if (OPEN_END.test(line) || unclosed(line)) return span;
  if (CLOSED_END.test(line) || DATE_END.test(line) || CLOSING_WORDS.test(line)) return undefined;
  if (line.length <= MAX_SIGNATURE && SIGNATURE.test(line)) return undefined;
  // A number ends a table row, or a sentence cut after its count (…其中维持具体行政行为1).
  if (/\d$/.test(line)) return /[，,。；;]/.test(line) && /[\u4e00-\u9fff]\d+$/.test(line) ? span : undefined;
  return span;
}

/** A bracket opened on the line and not closed after it (`本年收费金额(单`). */
function unclosed(line: string): boolean {
  const open = Math.max(line.lastIndexOf('('), line.lastIndexOf('（'), line.lastIndexOf('《'));
  if (open < 0) return false;
  return !/[)）》]/.test(line.slice(open));
}
