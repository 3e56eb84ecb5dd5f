import * as z from 'zod';
import type { Anomaly, Report } from '../model/index.js';
import { ConfigError } from './config.js';

/**
 * One accepted anomaly. It is matched by rule and by the stated text it points at (`text`, the slice of
 * its place or its first evidence), in the file with this `hash` or this `file` path, never by offsets
 * alone, so edits elsewhere in a report do not revive or hide it. `reason` says why it was accepted.
 *
 * @example
 * const e: BaselineEntry = { ruleId: 'period-year-mismatch', file: 'a.txt', text: '截至2019年12月31日', reason: '已向发布机关核实：笔误' };
 */
export const BaselineEntrySchema = z
  .object({
    ruleId: z.string().min(1),
    file: z.string().min(1).optional(),
    hash: z.string().min(1).optional(),
    text: z.string().optional(),
    reason: z.string().trim().min(1, 'every accepted anomaly needs a reason'),
  })
  .refine((e) => e.file !== undefined || e.hash !== undefined, 'an entry needs a file or a hash');
/** An accepted anomaly (see {@link BaselineEntrySchema}).
 *
 * @example
 * const e: BaselineEntry = { ruleId: 'numbering-gap', file: 'a.txt', reason: '附件重新编号' };
 */
export type BaselineEntry = z.infer<typeof BaselineEntrySchema>;

/**
 * A baseline file: anomalies an auditor has accepted, suppressed in later runs.
 *
 * @example
 * const b: Baseline = { version: 1, entries: [] };
 */
export const BaselineSchema = z.object({
  version: z.literal(1).default(1),
  entries: z.array(BaselineEntrySchema),
});
/** A baseline file (see {@link BaselineSchema}).
 *
 * @example
 * const b: Baseline = loadBaseline('{"version":1,"entries":[]}');
 */
export type Baseline = z.infer<typeof BaselineSchema>;

/**
 * Reads and validates a baseline (JSON text or an already parsed object). Throws {@link ConfigError}
 * when it is malformed or an entry lacks a reason.
 *
 * @example
 * const baseline = loadBaseline(readFileSync('xxgk-baseline.json', 'utf8'));
 */
export function loadBaseline(json: string | unknown): Baseline {
  let data: unknown = json;
  if (typeof json === 'string') {
    try {
      data = JSON.parse(json);
    } catch (error) {
      throw new ConfigError(
        `baseline is not JSON: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
  const parsed = BaselineSchema.safeParse(data);
  if (!parsed.success)
    throw new ConfigError(`invalid baseline: ${z.prettifyError(parsed.error).replace(/\n/g, '; ')}`);
  return parsed.data;
}

/** The text an anomaly points at: its place in the report text, else its first evidence. */
function statedText(anomaly: Anomaly, report: Report): string | undefined {
  if (anomaly.place && report.text) return report.text.slice(anomaly.place[0], anomaly.place[1]);
  return anomaly.evidence[0]?.text;
}

function sameFile(entry: string, file: string): boolean {
  const a = entry.replace(/\\/g, '/');
  const b = file.replace(/\\/g, '/');
  return a === b || b.endsWith(`/${a}`) || a.endsWith(`/${b}`);
}

function matches(entry: BaselineEntry, anomaly: Anomaly, report: Report): boolean {
  if (entry.ruleId !== anomaly.ruleId) return false;
  const inFile =
    (entry.hash !== undefined && entry.hash === report.hash) ||
    (entry.file !== undefined && sameFile(entry.file, report.file));
  if (!inFile) return false;
  return entry.text === undefined || entry.text === statedText(anomaly, report);
}

/**
 * Removes the anomalies a baseline accepts. Returns new report records (the inputs are not changed), the
 * suppressed anomalies with the entry that matched, and the entries that matched nothing (stale).
 *
 * @example
 * const { reports: open, suppressed, unused } = applyBaseline(reports, loadBaseline(json));
 */
export function applyBaseline(
  reports: Report[],
  baseline: Baseline,
): {
  reports: Report[];
  suppressed: { file: string; anomaly: Anomaly; entry: BaselineEntry }[];
  unused: BaselineEntry[];
} {
  const used = new Set<BaselineEntry>();
  const suppressed: { file: string; anomaly: Anomaly; entry: BaselineEntry }[] = [];
  const out = reports.map((report) => {
    const anomalies = report.anomalies.filter((anomaly) => {
      const entry = baseline.entries.find((e) => matches(e, anomaly, report));
      if (!entry) return true;
      used.add(entry);
      suppressed.push({ file: report.file, anomaly, entry });
      return false;
    });
    return { ...report, anomalies };
  });
  return { reports: out, suppressed, unused: baseline.entries.filter((e) => !used.has(e)) };
}

/**
 * A baseline that accepts every current anomaly of some reports with one reason (to start auditing a
 * large archive from today's state); edit the reasons per entry afterwards.
 *
 * @example
 * writeFileSync('xxgk-baseline.json', JSON.stringify(createBaseline(reports, '已核实'), null, 2));
 */
export function createBaseline(reports: Report[], reason: string): Baseline {
  const entries: BaselineEntry[] = [];
  for (const report of reports) {
    for (const anomaly of report.anomalies) {
      const text = statedText(anomaly, report);
      entries.push({
        ruleId: anomaly.ruleId,
        file: report.file,
        ...(report.hash ? { hash: report.hash } : {}),
        ...(text !== undefined ? { text } : {}),
        reason,
      });
    }
  }
  return { version: 1, entries };
}
