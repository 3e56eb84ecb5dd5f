/**
 * A figure as a digest keeps it: value, where it was stated, and its line for display.
 *
 * @example
 * const f: DigestFigure = { value: 1, span: [900, 901], stated: '1', line: 40 };
 */
export interface DigestFigure {
  value: number;
  span: [number, number];
  stated: string;
  line?: number;
  unit?: string;
}

/**
 * A fingerprint of one long clause of the prose: its hash, where it stands and its first characters
 * (enough to show a reader where the copied passage starts).
 *
 * @example
 * const fp: Fingerprint = { h: 123456789, s: 1200, e: 1262, line: 30, head: '进一步加强政府信息公开' };
 */
export interface Fingerprint {
  h: number;
  s: number;
  e: number;
  line: number;
  head: string;
}

/**
 * The small, serializable part of a report that cross-report rules need (agency, year, chained figures,
 * text fingerprints), so a bulk run can keep thousands of them without keeping the reports.
 *
 * @example
 * const d: ReportDigest = { file: 'a.txt', agency: '平潭综合实验区管委会', reportYear: 2021, figures: {}, fingerprints: [] };
 */
export interface ReportDigest {
  file: string;
  hash?: string;
  agency?: string;
  reportYear?: number;
  figures: Record<string, DigestFigure>;
  /** Fingerprints of the long clauses of the prose (see copied-text). */
  fingerprints?: Fingerprint[];
}
