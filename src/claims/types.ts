import type { DomainDictionary } from '../extract/segmenter.js';
import type { Claim, Era, Section } from '../model/index.js';

/**
 * What a parser sees: the normalized text, where its sentences and clauses lie, the spans to skip
 * (table grids, whose cells the table readers own) and the report year for telling this year from others.
 *
 * @example
 * const ctx = claimContext({ text: '全年主动公开政府信息84条。', sections: [], tables: [], meta }, dictionary);
 */
export interface ClaimContext {
  text: string;
  sections: Section[];
  /** Spans the parsers skip (table grids). */
  skip: [number, number][];
  /** The report year when known, for `2022年度…` statements. */
  reportYear?: number;
  /** The report's format era when known. */
  era?: Era;
  /** The word-segmentation dictionary, for telling channel names apart. */
  dictionary: DomainDictionary;
  /** Sentences: spans between `。！？` and line ends, trimmed, skipped spans left out. */
  sentences: [number, number][];
}

/**
 * A parser finds one family of claims, chrono-style: it stays naive about overlaps, which the refiners
 * resolve. `parse` walks the context's sentences.
 *
 * @example
 * const p: ClaimParser = { name: 'zero', parse: (ctx) => [] };
 */
export interface ClaimParser {
  name: string;
  parse(ctx: ClaimContext): Claim[];
}

/**
 * A refiner takes every claim, sorted by position, and returns the list to keep (merging, dropping or
 * adding claims built from others, such as breakdowns).
 *
 * @example
 * const r: ClaimRefiner = { name: 'overlap', refine: (ctx, claims) => claims };
 */
export interface ClaimRefiner {
  name: string;
  refine(ctx: ClaimContext, claims: Claim[]): Claim[];
}
