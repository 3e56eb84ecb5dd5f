import * as z from 'zod';
import { OriginSchema, SpanSchema } from './span.js';

export const SeveritySchema = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof SeveritySchema>;

/**
 * A labelled, located piece of text that takes part in an anomaly (the total here, the parts there).
 * `file` is set when the evidence comes from another report (cross-report rules).
 *
 * @example
 * const e: Evidence = { role: 'total', label: '主动公开政府信息', span: [1520, 1522], text: '84', value: 84 };
 */
export const EvidenceSchema = z.object({
  role: z.string(),
  label: z.string().optional(),
  span: SpanSchema,
  text: z.string(),
  value: z.number().optional(),
  origin: OriginSchema.optional(),
  file: z.string().optional(),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

/**
 * One finding, shaped like a lint message.
 *
 * @example
 * // { ruleId: 'breakdown-sum-mismatch', severity: 'error', reason: '分项之和 94 与总数 84 不一致', reasonEn: 'Parts add up to 94, expected the total 84', … }
 */
export const AnomalySchema = z.object({
  ruleId: z.string(),
  source: z.string(),
  severity: SeveritySchema,
  /** Chinese reason. */
  reason: z.string(),
  /** English reason. */
  reasonEn: z.string(),
  /** Offsets of the flagged text in the record's `text` (the normalized text, not the file's bytes). */
  place: SpanSchema.optional(),
  /**
   * 1-based line of `place` in the record's `text`. It matches the file's own lines only for plain text
   * without removed header lines; for a position in the original file use `origin` (page, paragraph,
   * table cell) or `sourceLocators` from `xxgk-report/node`, as the stylish and SARIF outputs do.
   */
  line: z
    .number()
    .int()
    .positive()
    .optional()
    .describe('1-based line in the record text (normalized); see origin for the place in the original file'),
  /** 1-based column of `place` in the record's `text`, in UTF-16 code units, like `line`. */
  column: z
    .number()
    .int()
    .positive()
    .optional()
    .describe('1-based column in the record text, in UTF-16 code units'),
  /** Where `place` is in the original document: page, paragraph or table cell. */
  origin: OriginSchema.optional(),
  section: z.string().optional(),
  expected: z.union([z.string(), z.number()]).optional(),
  actual: z.union([z.string(), z.number()]).optional(),
  evidence: z.array(EvidenceSchema),
  url: z.string().optional(),
  data: z.record(z.string(), z.unknown()).optional(),
});
export type Anomaly = z.infer<typeof AnomalySchema>;
