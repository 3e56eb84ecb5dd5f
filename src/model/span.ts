import * as z from 'zod';

/**
 * A half-open range `[start, end)` of UTF-16 offsets into `Report.text`.
 *
 * @example
 * const [start, end] = figure.span;
 * report.text.slice(start, end) === figure.stated; // true
 */
export const SpanSchema = z
  .tuple([z.number().int().nonnegative(), z.number().int().nonnegative()])
  .describe('Half-open [start, end) UTF-16 offsets into the report text');
export type Span = z.infer<typeof SpanSchema>;

/**
 * Where a piece of text sat in the source file: page (PDF), paragraph (DOCX/HTML), line (TXT) or table cell.
 * Table, row and col are zero-based indexes into `Report.tables`; page, paragraph and line are one-based.
 *
 * @example
 * const origin: Origin = { page: 3, table: 1, row: 4, col: 7 };
 */
export const OriginSchema = z.object({
  page: z.number().int().positive().optional(),
  paragraph: z.number().int().positive().optional(),
  line: z.number().int().positive().optional(),
  table: z.number().int().nonnegative().optional(),
  row: z.number().int().nonnegative().optional(),
  col: z.number().int().nonnegative().optional(),
});
export type Origin = z.infer<typeof OriginSchema>;

/**
 * Maps a range of the report text to its origin in the source file. Anchors are sorted by `span[0]`
 * and do not overlap, except that a table-cell anchor may sit inside a page anchor's range.
 *
 * @example
 * const anchor: Anchor = { span: [120, 180], origin: { page: 2 } };
 */
export const AnchorSchema = z.object({ span: SpanSchema, origin: OriginSchema });
export type Anchor = z.infer<typeof AnchorSchema>;
