import type { Anomaly, Evidence, Report, Severity, Span } from '../../model/index.js';
import { idPart } from './escape.js';
import type { TextRange } from './span-markup.js';

/**
 * Where one piece of evidence shows up in the page.
 *
 * @example
 * // { evidence, host: 0, markId: 'e-0-0-3-0', cellIds: ['c-0-active.total'] }
 */
export interface EvidenceRef {
  evidence: Evidence;
  /** Index of the report whose text the span indexes (another report for cross-report evidence). */
  host?: number;
  /** Id of the `<mark>` around the evidence in the host's text, when the span fits the text. */
  markId?: string;
  /** Ids of table cells (figure cells and source-table cells) whose span meets the evidence. */
  cellIds: string[];
}

/**
 * An anomaly with its page ids.
 *
 * @example
 * // { anomaly, report: 0, index: 3, key: '0-3', evidence: […], targets: ['e-0-0-3-0', 'c-0-active.total'] }
 */
export interface AnomalyRef {
  anomaly: Anomaly;
  /** Index of the report the anomaly belongs to. */
  report: number;
  /** Index in that report's `anomalies`. */
  index: number;
  /** `report-index`, the value of the `data-a` attribute on every highlight of this anomaly. */
  key: string;
  evidence: EvidenceRef[];
  /** Element ids to land on, best first (a cell for table evidence, else the sentence). */
  targets: string[];
}

/**
 * The anomalies of a batch and the highlights they put into each report.
 *
 * @example
 * const index: BatchIndex = indexAnomalies(reports);
 * index.marks[0].length; // number of evidence ranges to mark in the first report's text
 */
export interface BatchIndex {
  anomalies: AnomalyRef[];
  byReport: AnomalyRef[][];
  /** Per report: the evidence and place ranges to mark in its text. */
  marks: TextRange[][];
  /** Per report: element id of a cell → keys of the anomalies that involve it. */
  cellHits: Map<string, Set<string>>[];
  /** Anomaly key → severity, for colouring cells. */
  severity: Map<string, Severity>;
}

/**
 * Id helpers. Every id of a report body starts with a letter, a dash and the index of the report whose
 * body holds it, so the page script knows which body to render before it looks the id up.
 *
 * @example
 * ids.cell(0, 'requests.newReceived.total'); // 'c-0-requests.newReceived.total'
 */
export const ids = {
  report: (r: number) => `r-${r}`,
  anomaly: (r: number, a: number) => `a-${r}-${a}`,
  evidence: (host: number, r: number, a: number, e: number) => `e-${host}-${r}-${a}-${e}`,
  place: (r: number, a: number) => `p-${r}-${a}`,
  cell: (r: number, key: string) => `c-${r}-${idPart(key)}`,
  figure: (r: number, key: string) => `f-${r}-${idPart(key)}`,
  grid: (r: number, table: number, row: number, col: number) => `g-${r}-${table}-${row}-${col}`,
  heading: (r: number, section: string) => `h-${r}-${idPart(section)}`,
  meta: (r: number, field: string) => `m-${r}-${idPart(field)}`,
  ambiguity: (r: number, i: number) => `y-${r}-${i}`,
  numbering: (r: number, i: number) => `n-${r}-${i}`,
};

/**
 * Links every anomaly of a batch to the places it shows: evidence marks in the text of the report the
 * evidence comes from, and the table cells whose spans meet the evidence spans.
 *
 * @example
 * const index = indexAnomalies(reports);
 * index.anomalies[0].targets; // ['e-0-0-0-0', 'c-0-active.total']
 */
export function indexAnomalies(reports: readonly Report[]): BatchIndex {
  const byFile = new Map<string, number>();
  reports.forEach((r, i) => {
    if (!byFile.has(r.file)) byFile.set(r.file, i);
  });
  const index: BatchIndex = {
    anomalies: [],
    byReport: reports.map(() => []),
    marks: reports.map(() => []),
    cellHits: reports.map(() => new Map()),
    severity: new Map(),
  };
  reports.forEach((report, r) => {
    report.anomalies.forEach((anomaly, a) => {
      const key = `${r}-${a}`;
      index.severity.set(key, anomaly.severity);
      const ref: AnomalyRef = { anomaly, report: r, index: a, key, evidence: [], targets: [] };
      anomaly.evidence.forEach((evidence, e) => {
        const host = evidence.file && evidence.file !== report.file ? byFile.get(evidence.file) : r;
        const evRef: EvidenceRef = { evidence, host, cellIds: [] };
        ref.evidence.push(evRef);
        if (host === undefined) return;
        const hostReport = reports[host];
        if (!hostReport) return;
        const text = hostReport.text ?? '';
        const [start, end] = evidence.span;
        let tableFirst = false;
        if (text && start <= end && end <= text.length) {
          evRef.markId = ids.evidence(host, r, a, e);
          index.marks[host]?.push({
            start,
            end,
            tag: 'mark',
            id: evRef.markId,
            className: `ev sev-${anomaly.severity}`,
            attrs: {
              'data-a': key,
              'data-go': ids.anomaly(r, a),
              title: `${anomaly.ruleId}: ${evidence.role}`,
            },
          });
        }
        for (const [figKey, fig] of Object.entries(hostReport.figures)) {
          if (fig.derived || !overlaps(fig.span, evidence.span)) continue;
          evRef.cellIds.push(ids.cell(host, figKey));
          if (fig.source === 'table') tableFirst = true;
        }
        evRef.cellIds.push(...gridCellsFor(hostReport, host, evidence));
        const hits = index.cellHits[host];
        for (const id of evRef.cellIds) {
          const set = hits?.get(id) ?? new Set<string>();
          set.add(key);
          hits?.set(id, set);
        }
        const mark = evRef.markId ? [evRef.markId] : [];
        ref.targets.push(...(tableFirst ? [...evRef.cellIds, ...mark] : [...mark, ...evRef.cellIds]));
      });
      const text = report.text ?? '';
      const place = anomaly.place;
      const placeIsEvidence = anomaly.evidence.some(
        (e) => !e.file && place && e.span[0] === place[0] && e.span[1] === place[1],
      );
      if (place && !placeIsEvidence && text && place[1] <= text.length && place[0] <= place[1]) {
        const id = ids.place(r, a);
        index.marks[r]?.push({
          start: place[0],
          end: place[1],
          tag: 'mark',
          id,
          className: `place sev-${anomaly.severity}`,
          attrs: { 'data-a': key, 'data-go': ids.anomaly(r, a), title: anomaly.ruleId },
        });
        ref.targets.push(id);
      }
      ref.targets = [...new Set(ref.targets)];
      index.anomalies.push(ref);
      index.byReport[r]?.push(ref);
    });
  });
  return index;
}

/** Source-table cells that the evidence names by origin or meets by span (merged copies skipped). */
function gridCellsFor(report: Report, host: number, evidence: Evidence): string[] {
  const out: string[] = [];
  const o = evidence.origin;
  for (const table of report.tables) {
    const origin = o?.table === table.index && o.row !== undefined && o.col !== undefined ? o : undefined;
    const owner = origin ? table.rows[origin.row ?? 0]?.[origin.col ?? 0]?.mergedFrom : undefined;
    const [nr, nc] = owner ?? [origin?.row, origin?.col];
    for (const [ri, row] of table.rows.entries()) {
      for (const [ci, cell] of row.entries()) {
        if (cell.mergedFrom && (cell.mergedFrom[0] !== ri || cell.mergedFrom[1] !== ci)) continue;
        const named = origin !== undefined && nr === ri && nc === ci;
        if (named || overlaps(cell.span, evidence.span)) out.push(ids.grid(host, table.index, ri, ci));
      }
    }
  }
  return out;
}

/**
 * True when two half-open spans share at least one character.
 *
 * @example
 * overlaps([2, 4], [3, 9]); // true
 * overlaps([2, 4], [4, 9]); // false
 */
export function overlaps(a: Span, b: Span): boolean {
  return a[0] < b[1] && b[0] < a[1];
}
