import * as z from 'zod';
import { SpanSchema } from './span.js';

/**
 * One grid position of a table. Merged cells are expanded: every position covered by a merge repeats the
 * text and span of the cell that owns it, and `mergedFrom` names that cell's `[row, col]`.
 *
 * @example
 * const cell: TableCell = { text: '自然人', span: [40, 43] };
 */
export const TableCellSchema = z.object({
  text: z.string(),
  span: SpanSchema,
  mergedFrom: z.tuple([z.number().int(), z.number().int()]).optional(),
});
export type TableCell = z.infer<typeof TableCellSchema>;

/**
 * A table recovered from the source as a full grid (every row has the same number of cells).
 *
 * @example
 * const t: Table = { index: 0, span: [10, 90], page: 2, rows: [[{ text: '规章', span: [10, 12] }]] };
 */
export const TableSchema = z.object({
  index: z.number().int().nonnegative(),
  span: SpanSchema,
  page: z.number().int().positive().optional(),
  rows: z.array(z.array(TableCellSchema)),
});
export type Table = z.infer<typeof TableSchema>;
