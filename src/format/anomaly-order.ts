import type { Anomaly } from '../model/index.js';

/** Where an anomaly sits in the report text: its place, else its first evidence; -1 for the whole report. */
function positionOf(anomaly: Anomaly): number {
  return anomaly.place?.[0] ?? anomaly.evidence.find((e) => e.file === undefined)?.span[0] ?? -1;
}

/**
 * Sorts a report's anomalies by position in the text (in place, stable): whole-report anomalies such as
 * `load-failed` first, then in reading order, so output follows the document as a reader goes through it.
 *
 * @example
 * sortAnomalies(report.anomalies);
 */
export function sortAnomalies(anomalies: Anomaly[]): Anomaly[] {
  return anomalies.sort((a, b) => positionOf(a) - positionOf(b));
}
