import * as z from 'zod';
import { OriginSchema, SpanSchema } from './span.js';

/**
 * A place where extraction could not decide, recorded instead of guessing: most often a run-together
 * number in a flattened table row (`21710000218`) that more than one split explains.
 *
 * @example
 * // { kind: 'digit-run', label: '行政许可', text: '3960181', span: [900, 907], candidates: [[3960, 18, 1], [396, 0, 181]] }
 */
export const AmbiguitySchema = z.object({
  kind: z.enum(['digit-run', 'table-shape', 'other']),
  /** Row label or subject the text belongs to. */
  label: z.string().optional(),
  /** The canonical keys the text should have filled. */
  keys: z.array(z.string()).optional(),
  text: z.string(),
  span: SpanSchema,
  origin: OriginSchema.optional(),
  /** The readings that all fit (for digit runs: one array of cell values per reading). */
  candidates: z.array(z.array(z.number())),
  note: z.string().optional(),
});
export type Ambiguity = z.infer<typeof AmbiguitySchema>;
