import * as z from 'zod';
import { ChannelKindSchema, QualifierSchema } from './figure.js';
import { SpanSchema } from './span.js';

/**
 * What period a claim speaks of: the report year, a running total since records began (`到目前累计`,
 * `历年累计`), or another stated period (`上年`, `2022年度`, `上半年`), whose year is given when known.
 */
export const ClaimScopeSchema = z.enum(['year', 'cumulative', 'period']);
export type ClaimScope = z.infer<typeof ClaimScopeSchema>;

/** A publication channel a count is tied to (`在政务公开网公开64条`). */
export const ClaimChannelSchema = z.object({
  kind: ChannelKindSchema,
  name: z.string(),
  span: SpanSchema,
});
export type ClaimChannel = z.infer<typeof ClaimChannelSchema>;

const base = {
  /**
   * The canonical figure key the claim is about (`review.total`, `active.channels.website`); for a
   * channel family without a key of its own, `active.channels.<kind>`; `''` when no indicator is named.
   */
  indicator: z.string(),
  /** The words that name the indicator, as written (`行政复议`, `主动公开政府信息`). */
  subject: z.string().optional(),
  subjectSpan: SpanSchema.optional(),
  scope: ClaimScopeSchema,
  /** The year of a `period` scope when stated (`2022年度…收到26件` → 2022). */
  year: z.number().int().optional(),
  /** The words that carry the value, exactly `text.slice(...span)` (`84`, `80余`, `没有`). */
  stated: z.string(),
  span: SpanSchema,
  /** The clause the claim was read from (between `，；。` and line ends). */
  clause: SpanSchema,
  /** The sentence the claim was read from. */
  sentence: SpanSchema,
  /** The parser that emitted the claim (`count`, `zero`, `breakdown` …). */
  parser: z.string(),
  section: z.string().optional(),
};

/**
 * A count: a number with its unit for one indicator (`主动公开政府信息84条`, `由1人专门负责`).
 *
 * @example
 * // { kind: 'count', indicator: 'active.total', value: 84, unit: '条', qualifier: 'exact', scope: 'year', … }
 */
export const CountClaimSchema = z.object({
  kind: z.literal('count'),
  ...base,
  value: z.number(),
  unit: z.string(),
  qualifier: QualifierSchema,
  channels: z.array(ClaimChannelSchema).optional(),
  /**
   * The total this count is a share of by its own words: `active.total` for items published through a
   * channel (`通过网站主动公开政府信息192条`), so that a report naming one channel only states its total there.
   */
  partOf: z.string().optional(),
});
export type CountClaim = z.infer<typeof CountClaimSchema>;

/**
 * A stated zero written as a negative sentence (`未发生行政复议案`, `没有收费`, `依申请办理事项为零`).
 * `cue` is the negative word or phrase, whose span is the claim's span.
 *
 * @example
 * // 未发生…行政复议案、行政诉讼案 → two zero claims: review.total and litigation.total, cue '未发生'
 */
export const ZeroClaimSchema = z.object({
  kind: z.literal('zero'),
  ...base,
  value: z.literal(0),
  unit: z.string(),
  cue: z.string(),
});
export type ZeroClaim = z.infer<typeof ZeroClaimSchema>;

/** One part of a breakdown: a count, with the indicator (or channel) it names. */
export const BreakdownPartSchema = z.object({
  indicator: z.string(),
  label: z.string().optional(),
  value: z.number(),
  unit: z.string(),
  qualifier: QualifierSchema,
  stated: z.string(),
  span: SpanSchema,
  channels: z.array(ClaimChannelSchema).optional(),
  /** The share of the total stated with the part (`1397条，占73%`). */
  share: z.object({ value: z.number(), stated: z.string(), span: SpanSchema }).optional(),
});
export type BreakdownPart = z.infer<typeof BreakdownPartSchema>;

/**
 * A total and its parts stated together (`共…84条，其中…64条、…10条`; 包括/分别为/含 alike). Parts stop
 * at the end of the sentence or at a semicolon that opens another subject, so a rule may compare them
 * with the total as one subject and scope.
 *
 * @example
 * // { kind: 'breakdown', indicator: 'active.total', value: 84, parts: [{ indicator: 'active.channels.website', value: 64 }, …] }
 */
export const BreakdownClaimSchema = z.object({
  kind: z.literal('breakdown'),
  ...base,
  /** The total the parts belong to (absent when the parts are listed without one). */
  value: z.number().optional(),
  unit: z.string(),
  qualifier: QualifierSchema,
  /** The word that opens the parts (`其中`, `包括`, `分别为`, `含`, or `中` in `…的1913条政府信息中，`). */
  cue: z.string(),
  parts: z.array(BreakdownPartSchema),
  /** The number of categories the sentence announces for the parts (`共计十一大类`). */
  categories: z.object({ value: z.number(), stated: z.string(), span: SpanSchema }).optional(),
  /**
   * The parts claim to be the whole total by their own words: their shares add up to 100%, or the last
   * part is the rest (`其他…494条`). Parts of such a list that add up to less than the total contradict it.
   */
  exhaustive: z.literal(true).optional(),
});
export type BreakdownClaim = z.infer<typeof BreakdownClaimSchema>;

/**
 * A share (`占总数的30%`, `百分之五十`), with the indicator it is a share of when named.
 *
 * @example
 * // { kind: 'percentage', indicator: 'applications.answered.granted', value: 30, … }
 */
export const PercentageClaimSchema = z.object({
  kind: z.literal('percentage'),
  ...base,
  value: z.number(),
  qualifier: QualifierSchema,
});
export type PercentageClaim = z.infer<typeof PercentageClaimSchema>;

/**
 * A dated statement: a calendar date in running text with the clause it dates (`2019年3月印发…`).
 *
 * @example
 * // { kind: 'dated', date: '2019-03', indicator: '', stated: '2019年3月', … }
 */
export const DatedClaimSchema = z.object({
  kind: z.literal('dated'),
  ...base,
  /** ISO `YYYY-MM-DD` or `YYYY-MM`. */
  date: z.string(),
});
export type DatedClaim = z.infer<typeof DatedClaimSchema>;

/**
 * A prose count or stated zero of an indicator that a table of the report also gives: the prose value,
 * the table's key, value and span, and whether they agree.
 *
 * @example
 * // 全年共受理258件 vs table 275 → { kind: 'restatement', indicator: 'requests.newReceived.total', value: 258, table: { value: 275, … }, agrees: false }
 */
export const RestatementClaimSchema = z.object({
  kind: z.literal('restatement'),
  ...base,
  value: z.number(),
  unit: z.string(),
  qualifier: QualifierSchema,
  table: z.object({ key: z.string(), value: z.number(), span: SpanSchema }),
  agrees: z.boolean(),
});
export type RestatementClaim = z.infer<typeof RestatementClaimSchema>;

/**
 * One statement read from the prose, typed by `kind`. Every figure read from running text comes from a
 * claim, and the rules read the same claims, so a sentence is understood once.
 *
 * @example
 * report.claims.filter((c) => c.kind === 'zero').map((c) => c.indicator); // ['review.total', 'litigation.total']
 */
export const ClaimSchema = z.discriminatedUnion('kind', [
  CountClaimSchema,
  ZeroClaimSchema,
  BreakdownClaimSchema,
  PercentageClaimSchema,
  DatedClaimSchema,
  RestatementClaimSchema,
]);
export type Claim = z.infer<typeof ClaimSchema>;
export type ClaimKind = Claim['kind'];
