import * as z from 'zod';
import { OriginSchema, SpanSchema } from './span.js';

/** How the stated number bounds the real one: 余/多/以上 → over, 近/不足 → under, 约/左右 → about. */
export const QualifierSchema = z.enum(['exact', 'over', 'under', 'about']);
export type Qualifier = z.infer<typeof QualifierSchema>;

/**
 * How OCR read a figure: the recognizer's confidence (0–1) for the text piece (a table cell or a line) the
 * figure was read from, and that piece's box on its page (points from the page's top-left corner,
 * `[x0, top, x1, bottom]`, on the levelled page).
 *
 * @example
 * figure.ocr; // { page: 3, confidence: 0.998, box: [318.2, 402.5, 341.0, 411.9] }
 */
export const OcrReadingSchema = z.object({
  page: z.number().int().positive(),
  confidence: z.number().min(0).max(1),
  box: z.tuple([z.number(), z.number(), z.number(), z.number()]),
});
export type OcrReading = z.infer<typeof OcrReadingSchema>;

/**
 * One typed figure of the normalized model, keyed in `Report.figures` by its canonical key
 * (see docs/fields.md). Money is normalized to 万元 in `value`; `unit` keeps what the report wrote.
 *
 * @example
 * report.figures['active.total'];
 * // { value: 84, unit: '条', qualifier: 'exact', stated: '84', span: [1520, 1522], section: '2.1', source: 'prose' }
 */
export const FigureSchema = z.object({
  value: z.number(),
  unit: z.string(),
  qualifier: QualifierSchema,
  /** The source text of the number, exactly `text.slice(span)` ("84", "近万", "无"). */
  stated: z.string(),
  span: SpanSchema,
  origin: OriginSchema.optional(),
  /** Id of the section the number sat in. */
  section: z.string().optional(),
  /** 'table' when read from a table cell or row, 'prose' from running text. */
  source: z.enum(['table', 'prose']).optional(),
  /** The row label the figure was read against, as printed. */
  label: z.string().optional(),
  /** Present when the value was computed, not stated; `from` names the keys it came from. */
  derived: z.literal(true).optional(),
  from: z.array(z.string()).optional(),
  /** Present when the figure was read by OCR (a scanned page or an image), not from a text layer. */
  ocr: OcrReadingSchema.optional(),
});
export type Figure = z.infer<typeof FigureSchema>;

/** Publication channel families of `channels[].channel`. */
export const ChannelKindSchema = z.enum([
  'website',
  'gazette',
  'weibo',
  'wechat',
  'newMedia',
  'app',
  'video',
  'pressConference',
  'interview',
  'newspaper',
  'radioTv',
  'readingPoint',
  'serviceCenter',
  'bulletinBoard',
  'hotline',
  'imGroup',
  'other',
]);
export type ChannelKind = z.infer<typeof ChannelKindSchema>;

/**
 * A publication channel statement from the prose. Channels named together with one count share it
 * (`group` links them).
 *
 * @example
 * // 在市政府政务公开网公开信息64条 → { channel: 'website', name: '市政府政务公开网', value: 64, unit: '条', … }
 */
export const ChannelSchema = z.object({
  channel: ChannelKindSchema,
  name: z.string(),
  value: z.number(),
  unit: z.string(),
  qualifier: QualifierSchema,
  stated: z.string(),
  span: SpanSchema,
  /** Span of the channel name. */
  nameSpan: SpanSchema,
  /** Channels that share one stated count carry the same group number. */
  group: z.number().int().optional(),
  section: z.string().optional(),
});
export type Channel = z.infer<typeof ChannelSchema>;
