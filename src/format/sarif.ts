import { readFileSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Anomaly, Evidence, Origin, Report, Span } from '../model/index.js';
import type { RuleMeta } from '../rules/meta.js';
import type { FormatContext, Formatter } from './formatter.js';
import { createLocator, type LineColumn } from './locate.js';

const VERSION: string = (() => {
  try {
    return (
      JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version ?? '0.0.0'
    );
  } catch {
    return '0.0.0';
  }
})();

const LEVEL = { error: 'error', warning: 'warning', info: 'note', off: 'none' } as const;

/** The URI of a report's file as SARIF wants it: relative to `cwd` with forward slashes, or a file URL. */
function artifactUri(file: string, cwd: string | undefined): string {
  let rel = cwd && isAbsolute(file) ? relative(cwd, file) : file;
  // A path outside the base folder is clearer as an absolute file URL than as ../../…
  if (cwd && rel.startsWith('..')) rel = resolve(cwd, file);
  if (isAbsolute(rel)) return pathToFileURL(rel).href;
  return encodeURI(rel.split(sep).join('/'));
}

function originText(origin: Origin | undefined): string {
  if (!origin) return '';
  const parts: string[] = [];
  if (origin.page !== undefined) parts.push(`page ${origin.page}`);
  if (origin.table !== undefined) parts.push(`table ${origin.table + 1}`);
  if (origin.row !== undefined) parts.push(`row ${origin.row + 1}`);
  if (origin.col !== undefined) parts.push(`column ${origin.col + 1}`);
  return parts.join(', ');
}

interface Region {
  startLine: number;
  startColumn: number;
  endLine?: number;
  endColumn?: number;
  snippet?: { text: string };
}

function regionOf(
  span: Span | undefined,
  text: string | undefined,
  locate: ((o: number) => LineColumn) | undefined,
  fallback?: { line?: number; column?: number },
): Region | undefined {
  if (span && locate && text !== undefined && span[1] <= text.length) {
    const start = locate(span[0]);
    const end = locate(span[1]);
    return {
      startLine: start.line,
      startColumn: start.column,
      endLine: end.line,
      endColumn: end.column,
      snippet: { text: text.slice(span[0], span[1]) },
    };
  }
  if (fallback?.line !== undefined) return { startLine: fallback.line, startColumn: fallback.column ?? 1 };
  return undefined;
}

function physical(uri: string, region: Region | undefined) {
  return { artifactLocation: { uri, uriBaseId: uri.startsWith('file:') ? undefined : '%SRCROOT%' }, region };
}

function ruleDescriptor(meta: RuleMeta) {
  return {
    id: meta.id,
    name: meta.id,
    shortDescription: { text: meta.description.en },
    fullDescription: { text: `${meta.description.zh} / ${meta.description.en}` },
    help: {
      text: [meta.why, meta.falsePositives && `Known false positives: ${meta.falsePositives}`]
        .filter(Boolean)
        .join('\n'),
    },
    helpUri: meta.url,
    defaultConfiguration: { level: LEVEL[meta.severity], enabled: meta.severity !== 'off' },
    properties: { scope: meta.scope },
  };
}

function relatedLocation(
  e: Evidence,
  index: number,
  report: Report,
  uri: string,
  locate: ((o: number) => LineColumn) | undefined,
  cwd: string | undefined,
) {
  const foreign = e.file !== undefined && e.file !== report.file;
  const where = originText(e.origin);
  const label = [e.role, e.label, `「${e.text}」`, where && `(${where})`].filter(Boolean).join(' ');
  const region = foreign
    ? { startLine: 1, startColumn: 1, snippet: { text: e.text } }
    : (regionOf(e.span, report.text, locate) ?? { startLine: 1, startColumn: 1, snippet: { text: e.text } });
  return {
    id: index,
    message: { text: label },
    physicalLocation: physical(foreign ? artifactUri(e.file ?? '', cwd) : uri, region),
    properties: { role: e.role, span: e.span, value: e.value, origin: e.origin, file: e.file },
  };
}

function result(
  a: Anomaly,
  report: Report,
  ruleIndex: number,
  locate: ((o: number) => LineColumn) | undefined,
  cwd: string | undefined,
) {
  const uri = artifactUri(report.file, cwd);
  const where = originText(a.origin);
  const region = regionOf(a.place, report.text, locate, a) ?? { startLine: 1, startColumn: 1 };
  return {
    ruleId: a.ruleId,
    ruleIndex,
    level: LEVEL[a.severity],
    message: { text: `${a.reason} / ${a.reasonEn}${where ? ` (${where})` : ''}` },
    locations: [{ physicalLocation: physical(uri, region) }],
    relatedLocations: a.evidence.map((e, i) => relatedLocation(e, i, report, uri, locate, cwd)),
    properties: {
      reportHash: report.hash,
      textKind: 'normalized report text',
      origin: a.origin,
      section: a.section,
      expected: a.expected,
      actual: a.actual,
      data: a.data,
    },
  };
}

/**
 * Builds the SARIF 2.1.0 log object for a batch: `tool.driver.rules` from the rules' metadata, one result per
 * anomaly located in the report text (line/column, with page or table cell in the message and properties),
 * evidence as `relatedLocations`.
 *
 * @example
 * const log = sarifLog(reports, { rules: RULES.map((r) => r.meta), color: false });
 * log.runs[0].results.length;
 */
export function sarifLog(reports: Report[], ctx: FormatContext) {
  const rules = ctx.rules.map(ruleDescriptor);
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const results: ReturnType<typeof result>[] = [];
  for (const report of reports) {
    if (report.anomalies.length === 0) continue;
    const locate = report.text ? createLocator(report.text) : undefined;
    for (const a of report.anomalies) {
      let i = index.get(a.ruleId);
      if (i === undefined) {
        i = rules.length;
        index.set(a.ruleId, i);
        rules.push({
          id: a.ruleId,
          name: a.ruleId,
          shortDescription: { text: `Anomaly rule ${a.ruleId}` },
          fullDescription: { text: `Anomalies reported by ${a.source} under the rule ${a.ruleId}` },
          help: { text: `See the rule documentation of ${a.ruleId}` },
          helpUri: a.url ?? '',
          defaultConfiguration: { level: LEVEL[a.severity], enabled: true },
          properties: { scope: 'report' },
        });
      }
      results.push(result(a, report, i, locate, ctx.cwd));
    }
  }
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0' as const,
    runs: [
      {
        tool: {
          driver: {
            name: 'xxgk-report',
            version: VERSION,
            informationUri: 'https://github.com/xxgk-report/xxgk-report',
            rules,
          },
        },
        originalUriBaseIds: ctx.cwd
          ? { '%SRCROOT%': { uri: pathToFileURL(`${ctx.cwd}${sep}`).href } }
          : undefined,
        artifacts: reports.map((r) => ({
          location: physical(artifactUri(r.file, ctx.cwd), undefined).artifactLocation,
          length: r.stats.bytes,
          hashes: r.hash ? { 'sha-256': r.hash } : undefined,
        })),
        columnKind: 'utf16CodeUnits' as const,
        results,
      },
    ],
  };
}

/**
 * SARIF 2.1.0 for code-scanning and audit tools (see {@link sarifLog}).
 *
 * @example
 * writeFileSync('out.sarif', sarif(reports, { rules, color: false }));
 */
export const sarif: Formatter = (reports, ctx) => `${JSON.stringify(sarifLog(reports, ctx), null, 2)}\n`;
