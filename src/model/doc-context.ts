import type { OcrRun } from '../ocr/run.js';
import type {
  Ambiguity,
  Anchor,
  Channel,
  Claim,
  Figure,
  Meta,
  NumberingIssue,
  Section,
  Table,
} from './index.js';
import type { Format } from './report.js';

/*
 * What each analysis stage hands to the next (see src/kernel/). Each type holds exactly what the stages
 * before it produced, so a stage cannot read a field that is not filled in yet, and nothing is pre-filled
 * with empty defaults.
 */

/**
 * A loaded document after normalization: its text, tables and anchors, and the properties its loader or
 * crawler header gave (`标题`, `发布时间`, PDF Title …).
 *
 * @example
 * const doc: Normalized = normalize(loaded, { file: 'a.txt' });
 */
export interface Normalized {
  readonly file: string;
  readonly format: Format;
  readonly text: string;
  readonly tables: Table[];
  readonly anchors: Anchor[];
  readonly properties: Readonly<Record<string, string>>;
  /** Pages the loader read (PDF). */
  readonly pages?: number;
  /** Non-fatal notes from the loader, carried to the report as `load-partial` anomalies. */
  readonly warnings: readonly string[];
  /** Text the loader read by OCR, with page, box and confidence, for the figures' provenance. */
  readonly ocr?: readonly OcrRun[];
}

/**
 * A normalized document with its sections and numbering problems.
 *
 * @example
 * const doc: Segmented = segmentStage(normalized);
 */
export interface Segmented extends Normalized {
  readonly sections: Section[];
  readonly numbering: NumberingIssue[];
}

/**
 * A segmented document with its metadata (title, agency, year, era …).
 *
 * @example
 * withMeta.meta.era; // 'C'
 */
export interface WithMeta extends Segmented {
  readonly meta: Meta;
}

/**
 * A document with the claims read from its prose (counts, stated zeros, shares, dates, breakdowns).
 *
 * @example
 * withClaims.claims.filter((c) => c.kind === 'zero').length;
 */
export interface WithClaims extends WithMeta {
  readonly claims: Claim[];
}

/**
 * The document as the figure readers see it: everything up to and including the claims.
 *
 * @example
 * extractFigures(doc).figures['active.total']?.value; // 84
 */
export type DocContext = WithClaims;

/**
 * A document with its figures, publication channels and undecided readings, its claims linked to the
 * table figures they restate: all the rules need.
 *
 * @example
 * withFigures.figures['requests.newReceived.total']?.value; // 3
 */
export interface WithFigures extends WithClaims {
  readonly figures: Record<string, Figure>;
  readonly channels: Channel[];
  readonly ambiguities: Ambiguity[];
}

/**
 * An empty {@link Meta}, for the record of a file that could not be analysed.
 *
 * @example
 * emptyMeta().eraEvidence; // []
 */
export function emptyMeta(): Meta {
  return { eraEvidence: [], contact: {}, spans: {} };
}
