import {
  type AgencyResolver,
  agencyKeyOfName,
  createAgencyIdentifier,
  keyAgencyNames,
  normalizeAgencyName,
} from '../../agency/index.js';
import type { Evidence } from '../../model/index.js';
import type { DigestFigure, ReportDigest } from '../digest.js';

/** Reads only the name variants (管理委员会/管委会, 人民政府/政府, spaces): no division codes. */
const noDivisions = createAgencyIdentifier([]);

/**
 * Sets every digest's agency key (a key the caller already set is kept): each stated name through
 * `resolve`, then the name-only keys linked to the batch's division keys (see `linkAgencyKeys`).
 *
 * @example
 * keyDigests(digests, defaultAgencyResolver()).map((d) => d.agencyKey); // ['320813', '320813', …]
 */
export function keyDigests(digests: ReportDigest[], resolve?: AgencyResolver): ReportDigest[] {
  const open = digests.filter((d) => d.agencyKey === undefined && d.agency);
  const keys = keyAgencyNames(
    open.map((d) => d.agency as string),
    resolve ?? noDivisions,
  );
  return digests.map((d) => {
    // A stated agency that is no name (向社会公开) gets no key and so is nobody's other year.
    const k = d.agencyKey === undefined && d.agency ? keys.get(d.agency) : undefined;
    if (k) return { ...d, agencyKey: k.key, agencyBasis: k.basis };
    return d.agencyKey !== undefined && !d.agencyBasis ? { ...d, agencyBasis: 'given' } : d;
  });
}

/**
 * The agency key a digest is compared by: its own (see {@link keyDigests}), else the one its name alone gives.
 *
 * @example
 * agencyKeyOf({ file: 'a.txt', agency: '平潭综合实验区党工委管委会', figures: {} }); // '平潭综合实验区'
 */
export function agencyKeyOf(d: Pick<ReportDigest, 'agency' | 'agencyKey'>): string | undefined {
  if (d.agencyKey !== undefined) return d.agencyKey;
  return d.agency ? agencyKeyOfName(d.agency) : undefined;
}

/**
 * How two reports were judged to be one agency, for an anomaly's `data.sameAgency`: `same-name` (stated
 * alike), `name-variant` (alike once normalised: 管理委员会/管委会, spaces, 党工委), `division` (same division
 * code and department, names differ), `linked` (one name lacks the leading division names), `given`
 * (the caller's keys), or `name-key` (alike without the governing word: 平潭综合实验区 / …管委会).
 *
 * @example
 * sameAgency({ agency: '淮安市洪泽区人民政府', agencyBasis: 'division' }, { agency: '洪泽区人民政府', agencyBasis: 'division' }); // 'division'
 */
export function sameAgency(
  a: Pick<ReportDigest, 'agency' | 'agencyBasis'>,
  b: Pick<ReportDigest, 'agency' | 'agencyBasis'>,
): string {
  if (a.agency === b.agency) return 'same-name';
  if (normalizeAgencyName(a.agency ?? '') === normalizeAgencyName(b.agency ?? '')) return 'name-variant';
  if (a.agencyBasis === 'given' || b.agencyBasis === 'given') return 'given';
  if (a.agencyBasis === 'linked' || b.agencyBasis === 'linked') return 'linked';
  if (a.agencyBasis === 'division' && b.agencyBasis === 'division') return 'division';
  return 'name-key';
}

/**
 * A pair of reports of one agency in consecutive years, and how they were judged one agency.
 *
 * @example
 * const { current, previous, sameAgency } = pairs[0];
 */
export interface YearPair {
  current: ReportDigest;
  previous: ReportDigest;
  /** See {@link sameAgency}. */
  sameAgency: string;
}

/** Whether two digests state different values for a figure both have. */
function disagree(a: ReportDigest, b: ReportDigest): boolean {
  for (const [key, f] of Object.entries(a.figures)) {
    const other = b.figures[key];
    if (other && other.value !== f.value) return true;
  }
  return false;
}

/**
 * For every digest with an agency and a year, the digest of the same agency (same agency key, see
 * {@link keyDigests}) for the previous year (the first in input order that has the wanted key, when
 * several files report the same year). When those files disagree on a figure they both state, the key
 * stands for more than one report of that year (two 城关镇 under one name, or a report and its corrected
 * re-issue): no previous year is taken, rather than a guess. Copies of one report (the same report in
 * several formats) agree and are one.
 *
 * @example
 * for (const { current, previous } of yearPairs(digests, (d) => 'requests.carriedForward.total' in d.figures)) …
 */
export function yearPairs(digests: ReportDigest[], hasPrevious: (d: ReportDigest) => boolean): YearPair[] {
  const byAgencyYear = new Map<string, ReportDigest[]>();
  for (const d of digests) {
    const key = agencyKeyOf(d);
    if (key === undefined || d.reportYear === undefined) continue;
    const at = `${key}|${d.reportYear}`;
    byAgencyYear.set(at, [...(byAgencyYear.get(at) ?? []), d]);
  }
  const out: YearPair[] = [];
  for (const d of digests) {
    const key = agencyKeyOf(d);
    if (key === undefined || d.reportYear === undefined) continue;
    const candidates = byAgencyYear.get(`${key}|${d.reportYear - 1}`)?.filter(hasPrevious) ?? [];
    const previous = candidates[0];
    if (!previous || candidates.some((c) => disagree(c, previous))) continue;
    out.push({ current: d, previous, sameAgency: sameAgency(d, previous) });
  }
  return out;
}

/**
 * Evidence for a digest figure; `file` is set when the figure belongs to another report.
 *
 * @example
 * digestEvidence('previous-year', 'requests.carriedForward.total', f, '2021.txt');
 */
export function digestEvidence(role: string, key: string, f: DigestFigure, file?: string): Evidence {
  return { role, label: key, span: f.span, text: f.stated, value: f.value, ...(file ? { file } : {}) };
}
