import * as z from 'zod';
import { AmbiguitySchema } from './ambiguity.js';
import { AnomalySchema } from './anomaly.js';
import { ClaimSchema } from './claim.js';
import { ChannelSchema, FigureSchema } from './figure.js';
import { MetaSchema } from './meta.js';
import { NumberingIssueSchema, SectionSchema } from './section.js';
import { AnchorSchema } from './span.js';
import { TableSchema } from './table.js';

/** The source format a report was loaded from. */
export const FormatSchema = z.enum(['txt', 'md', 'html', 'docx', 'doc', 'pdf', 'unknown']);
export type Format = z.infer<typeof FormatSchema>;

/**
 * One record per input file: the same shape from the API and the CLI. Every span indexes `text`.
 * A file that cannot be read yields a record with empty content and one `load-failed` anomaly.
 *
 * @example
 * const report = await parseFile('fixtures/seed-2018-shulan-minzheng.txt');
 * report.meta.agency;                 // '舒兰市民政局'
 * report.sections.map((s) => s.marker); // ['一、', '二、', …]
 */
export const ReportSchema = z.object({
  file: z.string(),
  format: FormatSchema,
  /** sha256 of the file's bytes, hex. */
  hash: z.string(),
  /** The normalized document text that every span indexes; absent with `--no-text`. */
  text: z.string().optional(),
  meta: MetaSchema,
  sections: z.array(SectionSchema),
  numbering: z.array(NumberingIssueSchema),
  tables: z.array(TableSchema),
  /** Canonical key → figure (see docs/fields.md). */
  figures: z.record(z.string(), FigureSchema),
  channels: z.array(ChannelSchema),
  /** Statements read from the prose (counts, stated zeros, breakdowns, shares, dates, restatements). */
  claims: z.array(ClaimSchema).default([]),
  /** Places extraction could not decide (e.g. a digit run with several splits); rules flag them. */
  ambiguities: z.array(AmbiguitySchema),
  anomalies: z.array(AnomalySchema),
  /** Offset → page / paragraph / line / table cell. */
  anchors: z.array(AnchorSchema),
  stats: z.object({
    bytes: z.number().int().nonnegative(),
    chars: z.number().int().nonnegative(),
    pages: z.number().int().nonnegative().optional(),
    ms: z.number().nonnegative(),
  }),
});
export type Report = z.infer<typeof ReportSchema>;
