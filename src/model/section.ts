import * as z from 'zod';
import { SpanSchema } from './span.js';

/** The numbering style of a heading marker. */
export const MarkerKindSchema = z.enum([
  'part', // 第一部分
  'cn', // 一、 一.
  'cn-paren', // （一） (一)
  'num', // 1. 1、 1．
  'num-paren', // （1） (1)
  'circled', // ①
]);
export type MarkerKind = z.infer<typeof MarkerKindSchema>;

/**
 * A heading and everything under it, up to the next heading of the same or a higher level.
 *
 * @example
 * // 二、主动公开政府信息情况 → { id: '2', level: 1, marker: '二、', ordinal: 2, title: '主动公开政府信息情况', … }
 */
export interface Section {
  /**
   * Dotted path of 1-based positions in the tree, e.g. `3.2`: the printed numbers where the numbering is
   * clean, and still unique where it restarts or has gaps.
   */
  id: string;
  /** 1 for top-level headings. */
  level: number;
  marker: string;
  markerKind: MarkerKind;
  /** The number the marker states (二 → 2, ③ → 3). */
  ordinal: number;
  title: string;
  /** The heading itself (marker and title). */
  span: [number, number];
  /** The heading plus its body and children. */
  extent: [number, number];
  children: Section[];
}

export const SectionSchema: z.ZodType<Section> = z.lazy(() =>
  z.object({
    id: z.string(),
    level: z.number().int().positive(),
    marker: z.string(),
    markerKind: MarkerKindSchema,
    ordinal: z.number().int().nonnegative(),
    title: z.string(),
    span: SpanSchema,
    extent: SpanSchema,
    children: z.array(SectionSchema),
  }),
);

/**
 * A problem in a heading sequence: a gap (一、三、), a repeat (三、三、) or a restart (back to 一 inside a run).
 *
 * @example
 * const issue: NumberingIssue = { kind: 'gap', parentId: '', markerKind: 'cn', expected: 3, actual: 4, span: [900, 903] };
 */
export const NumberingIssueSchema = z.object({
  kind: z.enum(['gap', 'repeat', 'restart']),
  /** Id of the section whose children hold the sequence ('' for the top level). */
  parentId: z.string(),
  markerKind: z.union([MarkerKindSchema, z.literal('enumeration')]),
  expected: z.number().int(),
  actual: z.number().int(),
  span: SpanSchema,
});
export type NumberingIssue = z.infer<typeof NumberingIssueSchema>;
