import type { Formatter } from './formatter.js';
import { renderHtmlReport } from './html/page.js';

export { renderHtmlReport, SIZE_NOTE_BYTES } from './html/page.js';

/**
 * A self-contained HTML page for auditors: batch overview, per-report tables and highlighted evidence.
 *
 * @example
 * writeFileSync('report.html', html(reports, { rules, color: false }));
 */
export const html: Formatter = (reports, ctx) => renderHtmlReport(reports, ctx);
