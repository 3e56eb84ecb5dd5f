import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultAgencyResolver } from '../../src/agency/node.js';
import { extractClaims, linkRestatements } from '../../src/claims/index.js';
import { parseText } from '../../src/core/pipeline.js';
import { type Anomaly, type Figure, type Report, ReportSchema } from '../../src/model/index.js';
import { loadDomainDictionary } from '../../src/node/dictionary.js';
import {
  checkAcross,
  checkReport,
  digestReport,
  RULES,
  type RuleFixtureDoc,
  type RulesConfig,
} from '../../src/rules/index.js';
import { lineLocator } from '../../src/rules/util/locate.js';
import { ROOT } from './corpus.js';

/** Where the rule fixtures live: one folder per rule id. */
export const RULE_FIXTURES = join(ROOT, 'test', 'fixtures', 'rules');

/** One fixture file. */
export interface FixtureFile {
  name: string;
  content: string;
}

/** The fixtures of one rule. */
export interface RuleFixture {
  id: string;
  dir: string;
  ok?: FixtureFile;
  notOk?: FixtureFile;
  expectedPath: string;
  expected?: string;
}

function pick(dir: string, base: string): FixtureFile | undefined {
  for (const ext of ['txt', 'json']) {
    const name = `${base}.${ext}`;
    if (existsSync(join(dir, name))) return { name, content: readFileSync(join(dir, name), 'utf8') };
  }
  return undefined;
}

/**
 * Every fixture folder under test/fixtures/rules.
 *
 * @example
 * listRuleFixtures().map((f) => f.id);
 */
export function listRuleFixtures(): RuleFixture[] {
  if (!existsSync(RULE_FIXTURES)) return [];
  return readdirSync(RULE_FIXTURES, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => {
      const dir = join(RULE_FIXTURES, d.name);
      const expectedPath = join(dir, 'not-ok.expected.txt');
      return {
        id: d.name,
        dir,
        ok: pick(dir, 'ok'),
        notOk: pick(dir, 'not-ok'),
        expectedPath,
        expected: existsSync(expectedPath) ? readFileSync(expectedPath, 'utf8') : undefined,
      };
    })
    .sort((a, b) => a.id.localeCompare(b.id));
}

/** `[[key=value]]` or `[[key=value unit]]` in a JSON fixture's text: a table figure at that place. */
const MARKER = /\[\[([\w.@]+)=(-?[\d.]+)(?: ([^\]]+))?\]\]/g;

/**
 * Builds reports from a fixture file: `.txt` is parsed as a report (rules not run); `.json` is one partial
 * Report or an array of them, completed with empty defaults and validated by ReportSchema. In JSON text,
 * `[[key=value]]` markers become the number `value` in the text and a figure `key` pointing at it; the
 * prose claims are read from the text unless the fixture gives `claims`.
 *
 * @example
 * fixtureReports({ name: 'not-ok.txt', content: '…' })[0].text;
 */
export function fixtureReports(file: FixtureFile): Report[] {
  if (file.name.endsWith('.txt')) return [parseText(file.content, { file: file.name, rules: false })];
  const data = JSON.parse(file.content) as Record<string, unknown> | Record<string, unknown>[];
  const list = Array.isArray(data) ? data : [data];
  return list.map((partial, i) =>
    completeReport(partial, list.length > 1 ? `${file.name}#${i + 1}` : file.name),
  );
}

function completeReport(partial: Record<string, unknown>, name: string): Report {
  const raw = String(partial.text ?? '');
  const figures: Record<string, Figure> = {};
  let text = '';
  let last = 0;
  for (const m of raw.matchAll(MARKER)) {
    text += raw.slice(last, m.index);
    const stated = m[2] ?? '';
    figures[m[1] ?? ''] = {
      value: Number(stated),
      unit: m[3] ?? '件',
      qualifier: 'exact',
      stated,
      span: [text.length, text.length + stated.length],
      source: 'table',
    };
    text += stated;
    last = m.index + m[0].length;
  }
  text += raw.slice(last);
  const meta = (partial.meta ?? {}) as Record<string, unknown>;
  const report = ReportSchema.parse({
    format: 'txt',
    hash: '',
    sections: [],
    numbering: [],
    tables: [],
    channels: [],
    ambiguities: [],
    anomalies: [],
    anchors: [],
    stats: { bytes: 0, chars: text.length, ms: 0 },
    ...partial,
    file: String(partial.file ?? name),
    text,
    figures: { ...((partial.figures as Record<string, Figure>) ?? {}), ...figures },
    meta: { eraEvidence: [], contact: {}, spans: {}, ...meta },
  });
  // The prose claims are read from the text as the pipeline reads them, unless the fixture gives its own.
  if (partial.claims === undefined) {
    const doc = { ...report, text, properties: {}, warnings: [] };
    report.claims = linkRestatements(extractClaims(doc, loadDomainDictionary()), report.figures);
  }
  return report;
}

/** A configuration with only one rule on, at its recommended severity (warning when that is 'off'). */
export function onlyRule(id: string): RulesConfig {
  const config: RulesConfig = {};
  for (const r of RULES) config[r.id] = 'off';
  const meta = RULES.find((r) => r.id === id)?.meta;
  config[id] = meta && meta.severity !== 'off' ? meta.severity : 'warning';
  return config;
}

/**
 * Runs one rule over fixture reports: report rules on each report, cross rules over their digests.
 *
 * @example
 * runRule('flow-balance-mismatch', reports).map((r) => r.anomaly.ruleId);
 */
export function runRule(id: string, reports: Report[]): { report: Report; anomaly: Anomaly }[] {
  const rule = RULES.find((r) => r.id === id);
  if (!rule) throw new Error(`no rule ${id}`);
  const config = onlyRule(id);
  if (rule.meta.scope === 'corpus') {
    const byFile = new Map(reports.map((r) => [r.file, r]));
    return checkAcross(reports.map(digestReport), config, defaultAgencyResolver()).map(
      ({ file, anomaly }) => ({
        report: byFile.get(file) as Report,
        anomaly,
      }),
    );
  }
  return reports.flatMap((report) => checkReport(report, config).map((anomaly) => ({ report, anomaly })));
}

/**
 * One golden line per anomaly: `L:C-L:C severity reason ruleId [role L:C-L:C “text” …]`, with the file
 * first when a fixture holds several reports, and `@file` on evidence from another report.
 *
 * @example
 * anomalyLine(report, anomaly); // '25:29-25:31 error 分项之和 94 超过总数 84（64 + 20 + 10） breakdown-sum-mismatch [total 25:29-25:31 “84” …]'
 */
export function anomalyLine(report: Report, anomaly: Anomaly, withFile = false): string {
  const at = lineLocator(report.text ?? '');
  const range = (span: [number, number]) => {
    const a = at(span[0]);
    const b = at(span[1]);
    return `${a.line}:${a.column}-${b.line}:${b.column}`;
  };
  const place = anomaly.place ? range(anomaly.place) : '-';
  const evidence = anomaly.evidence
    .map((e) => `${e.role} ${e.file ? `@${e.file} ${e.span[0]}-${e.span[1]}` : range(e.span)} “${e.text}”`)
    .join(' · ');
  return `${withFile ? `${report.file} ` : ''}${place} ${anomaly.severity} ${anomaly.reason} ${anomaly.ruleId} [${evidence}]`;
}

/**
 * The fixtures as docs/rules.md shows them (the same reading as scripts/gen-rules-doc.mjs).
 *
 * @example
 * renderRulesDoc(fixtureDocs());
 */
export function fixtureDocs(): Record<string, RuleFixtureDoc> {
  const out: Record<string, RuleFixtureDoc> = {};
  for (const f of listRuleFixtures()) {
    const doc: RuleFixtureDoc = {};
    if (f.ok) Object.assign(doc, { ok: f.ok.content, okName: f.ok.name });
    if (f.notOk) Object.assign(doc, { notOk: f.notOk.content, notOkName: f.notOk.name });
    if (f.expected !== undefined) doc.expected = f.expected;
    out[f.id] = doc;
  }
  return out;
}
