import { relative } from 'node:path';
import stringWidth from 'string-width';
import type { Anomaly, Evidence, Severity } from '../model/index.js';
import { sortAnomalies } from './anomaly-order.js';
import type { Formatter } from './formatter.js';
import { originLabel, type SourceLocator, textLocator } from './positions.js';

const COLORS: Record<Severity | 'dim' | 'bold' | 'summary', [string, string]> = {
  error: ['\u001b[31m', '\u001b[39m'],
  warning: ['\u001b[33m', '\u001b[39m'],
  info: ['\u001b[34m', '\u001b[39m'],
  dim: ['\u001b[2m', '\u001b[22m'],
  bold: ['\u001b[1m', '\u001b[22m'],
  summary: ['\u001b[1m', '\u001b[22m'],
};

/** Longest evidence text shown before it is cut with an ellipsis. */
const EVIDENCE_CHARS = 24;

/** Pads to a display width, counting wide (CJK) characters as two columns. */
function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - stringWidth(s)));
}

function clip(s: string, max = EVIDENCE_CHARS): string {
  const flat = s.replace(/\s+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

/**
 * The terminal format of `xxgk check`: anomalies grouped by file, one line each with position, severity,
 * reason and rule id in columns that stay aligned with Chinese text (display width via string-width),
 * then one indented line naming the evidence (role, position, quoted text, other file). Files without
 * anomalies are left out; a summary line closes the output.
 *
 * @example
 * process.stdout.write(stylish(reports, { rules, color: process.stdout.isTTY }));
 */
export const stylish: Formatter = (reports, ctx) => {
  const paint = (kind: keyof typeof COLORS, s: string) =>
    ctx.color ? `${COLORS[kind][0]}${s}${COLORS[kind][1]}` : s;
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const blocks: string[] = [];
  for (const report of reports) {
    if (report.anomalies.length === 0) continue;
    const at = textLocator(report, ctx);
    // Text files by line:column in the file as the user has it; PDF, DOCX and HTML by page and table cell.
    const pos = (a: Anomaly) =>
      at
        ? a.place
          ? fmt(at.start(a.place[0]))
          : a.line
            ? `${a.line}:${a.column ?? 1}`
            : '-'
        : originLabel(a.origin) || '-';
    const rows = sortAnomalies([...report.anomalies]).map((a) => {
      counts[a.severity]++;
      return { a, where: pos(a), evidence: evidenceLine(a.evidence, at, ctx.cwd) };
    });
    const wPos = Math.max(...rows.map((r) => stringWidth(r.where)));
    const wSev = Math.max(...rows.map((r) => r.a.severity.length));
    const wReason = Math.min(80, Math.max(...rows.map((r) => stringWidth(r.a.reason))));
    const name = ctx.cwd ? relative(ctx.cwd, report.file) || report.file : report.file;
    const lines = [paint('bold', name)];
    for (const { a, where, evidence } of rows) {
      const sev = paint(a.severity, pad(a.severity, wSev));
      lines.push(`  ${pad(where, wPos)}  ${sev}  ${pad(a.reason, wReason)}  ${paint('dim', a.ruleId)}`);
      if (evidence) lines.push(`  ${' '.repeat(wPos)}  ${' '.repeat(wSev)}  ${paint('dim', evidence)}`);
    }
    blocks.push(lines.join('\n'));
  }
  const total = counts.error + counts.warning + counts.info;
  if (total === 0) return '';
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const summary = `${plural(total, 'problem')} (${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.info} info)`;
  return `${blocks.join('\n\n')}\n\n${paint(counts.error > 0 ? 'error' : 'warning', `✖ ${summary}`)}\n`;
};

function fmt(p: { line: number; column: number }): string {
  return `${p.line}:${p.column}`;
}

function evidenceLine(evidence: Evidence[], at: SourceLocator | undefined, cwd?: string): string {
  return evidence
    .map((e) => {
      const other = e.file && cwd ? relative(cwd, e.file) || e.file : e.file;
      const place = at ? fmt(at.start(e.span[0])) : originLabel(e.origin);
      const where = other ? [other, originLabel(e.origin)].filter(Boolean).join(' ') : place;
      const cell =
        at && e.origin?.table !== undefined ? ` [${originLabel({ ...e.origin, page: undefined })}]` : '';
      return `${e.role}${e.label && e.label !== e.role ? `(${e.label})` : ''} ${where} “${clip(e.text)}”${cell}`;
    })
    .join(' · ');
}
