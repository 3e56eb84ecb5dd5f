import type { AgencyResolver } from '../agency/index.js';
import type { Anomaly, Report } from '../model/index.js';
import { type PresetName, type ResolvedConfig, type RulesConfig, resolveConfig } from './config.js';
import type { DigestFigure, ReportDigest } from './digest.js';
import { DIVISION_TOTALS } from './division-total-exceeded.js';
import { MONEY_KEYS } from './money-magnitude.js';
import { CROSS_RULES } from './registry.js';
import { type CrossAnomalyDraft, stampAnomaly } from './rule.js';
import { keyDigests } from './util/chain.js';
import { clauseFingerprints } from './util/fingerprint.js';
import { lineLocator } from './util/locate.js';
import { reportYearOf } from './util/report-facts.js';

export type { DigestFigure, Fingerprint, Fingerprints, ReportDigest } from './digest.js';

/** Figure keys the cross-report rules compare: chained from year to year, or against a parent division. */
function chained(key: string): boolean {
  return (
    key.startsWith('requests.carriedOver.') ||
    key.startsWith('requests.carriedForward.') ||
    /^active\.(normativeDocs|regulations)\.(inForce|issued|repealed)$/.test(key) ||
    MONEY_KEYS.includes(key) ||
    DIVISION_TOTALS.includes(key)
  );
}

/**
 * Computes the digest of one report for {@link checkAcross}: agency, year, the figures that chain across
 * years (carry-overs, documents in force, cumulative columns and their yearly counts, money) and the
 * fingerprints of its long prose clauses. A few kilobytes per report.
 *
 * @example
 * const digests = reports.map((r) => digestReport(r));
 */
export function digestReport(report: Report): ReportDigest {
  const text = report.text ?? '';
  const locate = lineLocator(text);
  const figures: Record<string, DigestFigure> = {};
  const cumulativeBases = new Set(
    Object.keys(report.figures)
      .filter((k) => k.endsWith('@cumulative'))
      .map((k) => k.slice(0, -'@cumulative'.length)),
  );
  for (const [key, f] of Object.entries(report.figures)) {
    if (!chained(key) && !key.endsWith('@cumulative') && !cumulativeBases.has(key)) continue;
    figures[key] = {
      value: f.value,
      span: f.span,
      stated: f.stated,
      unit: f.unit,
      ...(text ? { line: locate(f.span[0]).line } : {}),
    };
  }
  return {
    file: report.file,
    hash: report.hash,
    agency: report.meta.agency,
    reportYear: report.meta.reportYear ?? reportYearOf(report)?.year,
    figures,
    fingerprints: clauseFingerprints(report),
  };
}

/**
 * Runs the cross-report rules (carry-over, in-force and cumulative chains, money magnitude, copied
 * text) over the digests of a batch and returns the anomalies found, each attached to the file it
 * belongs to. Evidence from another report carries that report's `file`.
 *
 * Reports are one agency when their agency keys are equal (see `agencyKey` in src/agency): `resolve`
 * names each stated agency. Without it only name variants are read (管理委员会/管委会, 人民政府/政府); pass
 * `defaultAgencyResolver()` from `xxgk-report/node` to read division codes too (淮安市洪泽区 = 洪泽区), or a
 * resolver over your own register of bodies. A digest whose `agencyKey` is already set keeps it.
 *
 * @example
 * for (const { file, anomaly } of checkAcross(digests, 'default', defaultAgencyResolver()))
 *   byFile.get(file)?.anomalies.push(anomaly);
 */
export function checkAcross(
  digests: ReportDigest[],
  config: RulesConfig | PresetName | ResolvedConfig = {},
  resolve?: AgencyResolver,
): { file: string; anomaly: Anomaly }[] {
  const resolved = resolveConfig(config);
  const keyed = keyDigests(digests, resolve);
  const out: { file: string; anomaly: Anomaly }[] = [];
  for (const rule of CROSS_RULES) {
    const setting = resolved.get(rule.id);
    if (!setting || setting.severity === 'off') continue;
    const severity = setting.severity;
    rule.check(keyed, {
      options: setting.options,
      report(draft: CrossAnomalyDraft) {
        const anomaly = stampAnomaly(rule, draft, severity);
        if (draft.place) anomaly.place = draft.place;
        if (draft.line) anomaly.line = draft.line;
        out.push({ file: draft.file, anomaly });
      },
    });
  }
  return out;
}
