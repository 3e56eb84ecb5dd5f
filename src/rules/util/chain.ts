import type { Evidence } from '../../model/index.js';
import type { DigestFigure, ReportDigest } from '../digest.js';

/**
 * A stable key for an agency name: spaces and the 管委会/管理委员会 variants do not make two agencies.
 *
 * @example
 * agencyKey('平潭综合实验区 管理委员会'); // '平潭综合实验区'
 */
export function agencyKey(agency: string): string {
  return agency
    .replace(/\s+/g, '')
    .replace(/管理委员会/g, '管委会')
    .replace(/管委会$/, '');
}

/**
 * For every digest with an agency and a year, the digest of the same agency for the previous year
 * (the first in input order that has the wanted key, when several files report the same year).
 *
 * @example
 * for (const { current, previous } of yearPairs(digests, (d) => 'requests.carriedForward.total' in d.figures)) …
 */
export function yearPairs(
  digests: ReportDigest[],
  hasPrevious: (d: ReportDigest) => boolean,
): { current: ReportDigest; previous: ReportDigest }[] {
  const byAgencyYear = new Map<string, ReportDigest[]>();
  for (const d of digests) {
    if (!d.agency || d.reportYear === undefined) continue;
    const key = `${agencyKey(d.agency)}|${d.reportYear}`;
    byAgencyYear.set(key, [...(byAgencyYear.get(key) ?? []), d]);
  }
  const out: { current: ReportDigest; previous: ReportDigest }[] = [];
  for (const d of digests) {
    if (!d.agency || d.reportYear === undefined) continue;
    const previous = byAgencyYear.get(`${agencyKey(d.agency)}|${d.reportYear - 1}`)?.find(hasPrevious);
    if (previous) out.push({ current: d, previous });
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
