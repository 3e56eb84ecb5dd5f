import type { AgencyKeyBasis } from '../agency/index.js';

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
 * Fingerprints of the long clauses of a report's prose, column-wise so that a digest stays a few
 * kilobytes: clause k has hash `hashes[k]` (53 bits), spans `[starts[k], ends[k])` on line `lines[k]`,
 * and its first {@link FINGERPRINT_HEAD} characters are `heads.slice(k * FINGERPRINT_HEAD, (k + 1) * FINGERPRINT_HEAD)`.
 *
 * @example
 * const fp: Fingerprints = { hashes: [123456789], starts: [1200], ends: [1262], lines: [30], heads: '进一步加强政府信息公开' };
 */
export interface Fingerprints {
  hashes: number[];
  starts: number[];
  ends: number[];
  lines: number[];
  heads: string;
}

/**
 * How many characters of each clause a digest keeps, to show where a copied passage starts.
 *
 * @example
 * fingerprintAt(fp, 0).head.length === FINGERPRINT_HEAD; // true
 */
export const FINGERPRINT_HEAD = 12;

/**
 * One clause of {@link Fingerprints}, unpacked.
 *
 * @example
 * const f: Fingerprint = fingerprintAt(d.fingerprints, 0);
 */
export interface Fingerprint {
  h: number;
  s: number;
  e: number;
  line: number;
  head: string;
}

/**
 * Unpacks clause `k` of a digest's fingerprints.
 *
 * @example
 * fingerprintAt(digest.fingerprints, 3).head;
 */
export function fingerprintAt(fp: Fingerprints, k: number): Fingerprint {
  return {
    h: fp.hashes[k] as number,
    s: fp.starts[k] as number,
    e: fp.ends[k] as number,
    line: fp.lines[k] as number,
    head: fp.heads.slice(k * FINGERPRINT_HEAD, (k + 1) * FINGERPRINT_HEAD),
  };
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
  /**
   * The agency key chains compare (see `agencyKey` in src/agency); `checkAcross` sets it from its resolver
   * when absent, so a caller may also set it from their own register of bodies.
   */
  agencyKey?: string;
  /** How `agencyKey` was made: `division`, `name`, `linked` (see `AgencyKeyBasis`), or `given` by the caller. */
  agencyBasis?: AgencyKeyBasis | 'given';
  reportYear?: number;
  figures: Record<string, DigestFigure>;
  /** Fingerprints of the long clauses of the prose (see copied-text). */
  fingerprints?: Fingerprints;
}
