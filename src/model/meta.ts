import * as z from 'zod';
import { SpanSchema } from './span.js';

/** Format era: A = 2008–2018 statistical format, B = 2019 template, C = 2021 template. */
export const EraSchema = z.enum(['A', 'B', 'C']);
export type Era = z.infer<typeof EraSchema>;

/** A token that helped decide the era, with where it stood. */
export const EraEvidenceSchema = z.object({ token: z.string(), era: EraSchema, span: SpanSchema });
export type EraEvidence = z.infer<typeof EraEvidenceSchema>;

export const ContactSchema = z.object({
  phone: z.string().optional(),
  fax: z.string().optional(),
  email: z.string().optional(),
  address: z.string().optional(),
  postcode: z.string().optional(),
});
export type Contact = z.infer<typeof ContactSchema>;

/**
 * Report metadata. Dates are ISO `YYYY-MM-DD`. `spans` locates each stated value in the text so rules
 * can cite it.
 *
 * @example
 * report.meta; // { title: '舒兰市民政局 2018 年政府信息公开工作年度报告', agency: '舒兰市民政局', reportYear: 2018, era: 'A', signedOn: '2019-01-14', … }
 */
export const MetaSchema = z.object({
  title: z.string().optional(),
  agency: z.string().optional(),
  reportYear: z.number().int().optional(),
  /** `null`: the document is not a disclosure report at all (see the `not-a-report` rule). */
  era: EraSchema.nullable().optional(),
  /** 0–1: how strongly the vocabulary supports the era. */
  eraConfidence: z.number().min(0).max(1).optional(),
  eraEvidence: z.array(EraEvidenceSchema),
  periodStart: z.string().optional(),
  periodEnd: z.string().optional(),
  signedOn: z.string().optional(),
  contact: ContactSchema,
  spans: z.object({
    title: SpanSchema.optional(),
    agency: SpanSchema.optional(),
    reportYear: SpanSchema.optional(),
    period: SpanSchema.optional(),
    signedOn: SpanSchema.optional(),
  }),
});
export type Meta = z.infer<typeof MetaSchema>;
