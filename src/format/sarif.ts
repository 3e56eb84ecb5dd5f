import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Anomaly, Evidence, Origin, Report, Span } from '../model/index.js';
import type { RuleMeta } from '../rules/meta.js';
import { NOT_ASSESSABLE } from '../rules/rule.js';
import { sortAnomalies } from './anomaly-order.js';
import type { FormatContext, Formatter } from './formatter.js';
import { type SourceLocator, textLocator } from './positions.js';
import { TOOL_VERSION } from './tool-version.js';

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
  if (origin.paragraph !== undefined && origin.table === undefined)
    parts.push(`paragraph ${origin.paragraph}`);
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

/** A region only for text files (line/column in the file as the user has it); none for binary files. */
function regionOf(span: Span | undefined, report: Report, at: SourceLocator | undefined): Region | undefined {
  if (!at || !span) return undefined;
  const start = at.start(span[0]);
  const end = at.end(span[1]);
  const text =
    report.text !== undefined && span[1] <= report.text.length
      ? report.text.slice(span[0], span[1])
      : undefined;
  return {
    startLine: start.line,
    startColumn: start.column,
    endLine: end.line,
    endColumn: end.column,
    ...(text !== undefined ? { snippet: { text } } : {}),
  };
}

/** A page or table cell of a PDF, DOCX or HTML file, as a SARIF logical location. */
function logicalOf(origin: Origin | undefined) {
  const where = originText(origin);
  return where ? [{ name: where, fullyQualifiedName: where, kind: 'element' }] : undefined;
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
  at: SourceLocator | undefined,
  cwd: string | undefined,
) {
  const foreign = e.file !== undefined && e.file !== report.file;
  const where = originText(e.origin);
  const label = [e.role, e.label, `「${e.text}」`, where && `(${where})`].filter(Boolean).join(' ');
  const region = foreign ? undefined : regionOf(e.span, report, at);
  return {
    id: index,
    message: { text: label },
    physicalLocation: physical(foreign ? artifactUri(e.file ?? '', cwd) : uri, region),
    logicalLocations: logicalOf(e.origin),
    properties: { role: e.role, span: e.span, value: e.value, origin: e.origin, file: e.file },
  };
}

function result(
  a: Anomaly,
  report: Report,
  ruleIndex: number,
  at: SourceLocator | undefined,
  cwd: string | undefined,
) {
  const uri = artifactUri(report.file, cwd);
  const where = originText(a.origin);
  // A binary file gets no line numbers: its location is the file, with page and cell as a logical location.
  const region = at
    ? (regionOf(a.place, report, at) ?? { startLine: a.line ?? 1, startColumn: a.column ?? 1 })
    : undefined;
  return {
    ruleId: a.ruleId,
    ruleIndex,
    level: LEVEL[a.severity],
    ...(a.data?.kind === NOT_ASSESSABLE ? { kind: 'open' } : {}),
    message: { text: `${a.reason} / ${a.reasonEn}${where ? ` (${where})` : ''}` },
    locations: [{ physicalLocation: physical(uri, region), logicalLocations: logicalOf(a.origin) }],
    relatedLocations: a.evidence.map((e, i) => relatedLocation(e, i, report, uri, at, cwd)),
    properties: {
      reportHash: report.hash,
      span: a.place,
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
 * anomaly, evidence as `relatedLocations`. A TXT or Markdown file is located by line and column in the file
 * (with `ctx.sourceLocator`, the original file); a PDF, DOCX, DOC or HTML file gets no region (its lines mean
 * nothing to a viewer) but a logical location naming the page and table cell, also in the message.
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
    const at = textLocator(report, ctx);
    for (const a of sortAnomalies([...report.anomalies])) {
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
      results.push(result(a, report, i, at, ctx.cwd));
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
            version: TOOL_VERSION,
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
