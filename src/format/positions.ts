import type { Origin, Report } from '../model/index.js';
import type { FormatContext } from './formatter.js';
import { createLocator, type LineColumn } from './locate.js';

/**
 * Formats whose file is the text a user opens in an editor, so a line and column mean something there.
 * PDF, DOCX, DOC and HTML files are located by page, paragraph and table cell instead.
 */
const TEXT_FORMATS = new Set<Report['format']>(['txt', 'md']);

/**
 * Whether a report's file is plain text that line and column numbers can point into.
 *
 * @example
 * isTextFile({ format: 'pdf' }); // false
 */
export function isTextFile(report: Pick<Report, 'format'>): boolean {
  return TEXT_FORMATS.has(report.format);
}

/** Maps offsets of `Report.text` to line and column in the file the user has (start and exclusive end). */
export interface SourceLocator {
  start(offset: number): LineColumn;
  end(offset: number): LineColumn;
}

/**
 * The line/column locator of a text report: the one the context supplies for the original file (crawler
 * header lines and removed characters included, see `sourceLocators` in the Node layer), else one over the
 * normalized text. `undefined` for PDF, DOCX, DOC and HTML reports, which are located by {@link originLabel}.
 *
 * @example
 * const at = textLocator(report, ctx); at?.start(anomaly.place[0]); // { line: 14, column: 3 }
 */
export function textLocator(report: Report, ctx: FormatContext): SourceLocator | undefined {
  if (!isTextFile(report)) return undefined;
  const given = ctx.sourceLocator?.(report);
  if (given) return given;
  if (report.text === undefined) return undefined;
  const at = createLocator(report.text);
  return { start: at, end: at };
}

/**
 * A short Chinese label of a place in a PDF, DOCX or HTML file: page, paragraph and table cell
 * (`第3页 表2 4行5列`), one-based as a reader counts them; empty when nothing is known.
 *
 * @example
 * originLabel({ page: 3, table: 1, row: 3, col: 4 }); // '第3页 表2 4行5列'
 */
export function originLabel(origin: Origin | undefined): string {
  if (!origin) return '';
  const parts: string[] = [];
  if (origin.page !== undefined) parts.push(`第${origin.page}页`);
  if (origin.paragraph !== undefined && origin.table === undefined) parts.push(`第${origin.paragraph}段`);
  if (origin.table !== undefined) {
    const cell =
      origin.row !== undefined
        ? ` ${origin.row + 1}行${origin.col !== undefined ? `${origin.col + 1}列` : ''}`
        : '';
    parts.push(`表${origin.table + 1}${cell}`);
  }
  return parts.join(' ');
}
