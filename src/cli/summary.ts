import type { Report } from '../model/index.js';

/** Counts gathered during a run for the closing summary. */
export class RunSummary {
  files = 0;
  skipped = 0;
  failures = new Map<string, number>();
  anomalies = new Map<string, number>();
  errors = 0;
  suppressed = 0;
  /** Files that are not reports (`meta.era === null`): counted apart, their anomalies left out. */
  notReports = 0;
  readonly started = performance.now();

  /**
   * Counts one finished report.
   *
   * @example
   * summary.add(report);
   */
  add(report: Report): void {
    this.files++;
    if (report.meta.era === null) {
      this.notReports++;
      return;
    }
    for (const a of report.anomalies) {
      if (a.severity === 'error') this.errors++;
      this.anomalies.set(a.ruleId, (this.anomalies.get(a.ruleId) ?? 0) + 1);
      if (a.ruleId === 'load-failed') {
        const code = typeof a.data?.['code'] === 'string' ? a.data['code'] : 'error';
        this.failures.set(code, (this.failures.get(code) ?? 0) + 1);
      }
    }
  }

  /** Load failures so far. */
  get failed(): number {
    let n = 0;
    for (const v of this.failures.values()) n += v;
    return n;
  }

  /**
   * The summary lines printed on stderr at the end of a run.
   *
   * @example
   * stderr(summary.format());
   */
  format(): string {
    const seconds = (performance.now() - this.started) / 1000;
    const list = (m: Map<string, number>) =>
      [...m.entries()]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .map(([k, v]) => `${k} ${v}`)
        .join(', ');
    const lines = [
      `xxgk: ${this.files} files in ${seconds.toFixed(1)} s (${(this.files / Math.max(seconds, 1e-9)).toFixed(1)} files/s)` +
        (this.skipped ? `, ${this.skipped} already done (resume)` : '') +
        (this.notReports ? `, ${this.notReports} not reports (left out below)` : ''),
      `  failed: ${this.failed}${this.failed ? ` (${list(this.failures)})` : ''}`,
      `  anomalies: ${[...this.anomalies.values()].reduce((a, b) => a + b, 0)}${this.anomalies.size ? ` (${list(this.anomalies)})` : ''}` +
        (this.suppressed ? `, ${this.suppressed} suppressed by the baseline` : ''),
    ];
    return `${lines.join('\n')}\n`;
  }
}
