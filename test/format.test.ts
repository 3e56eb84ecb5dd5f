import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultAgencyResolver } from '../src/agency/node.js';
import { parseText } from '../src/core/pipeline.js';
import { ALL_KEYS } from '../src/extract/keys.js';
import { CSV_LONG_COLUMNS, CSV_META_COLUMNS } from '../src/format/csv.js';
import { csv, csvColumns, json, jsonl, sarif } from '../src/format/index.js';
import { createLocator } from '../src/format/locate.js';
import type { Anomaly, Report } from '../src/model/index.js';
import { fixturePath } from './helpers/corpus.js';

const SEED = readFileSync(fixturePath('seed-2018-shulan-minzheng.txt'), 'utf8');
const ctx = { rules: [], color: false };

/** Minimal RFC 4180 reader for the assertions (quoted fields, doubled quotes, CRLF). */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

/** The seed report with an invented anomaly whose place and evidence point at real text. */
function seedWithAnomaly(): Report {
  const report = parseText(SEED, { file: 'fixtures/seed-2018-shulan-minzheng.txt', rules: false });
  const total = report.text?.indexOf('84') ?? -1;
  const part = report.text?.indexOf('64') ?? -1;
  expect(total).toBeGreaterThan(0);
  const anomaly: Anomaly = {
    ruleId: 'invented-sum',
    source: 'test',
    severity: 'error',
    reason: '分项之和与总数不一致',
    reasonEn: 'Parts do not add up',
    place: [total, total + 2],
    evidence: [
      { role: 'total', span: [total, total + 2], text: '84', value: 84 },
      {
        role: 'component',
        span: [part, part + 2],
        text: '64',
        value: 64,
        origin: { table: 0, row: 2, col: 1 },
      },
    ],
  };
  report.anomalies.push(anomaly);
  return report;
}

describe('csv', () => {
  it('starts with a BOM, has one column per meta field and canonical key, and keeps Chinese intact', () => {
    const report = parseText(SEED, { file: '舒兰/民政局,"2018".txt' });
    const text = csv([report], ctx);
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = readCsv(text.slice(1));
    expect(rows[0]).toEqual(csvColumns());
    // every canonical key, each cumulative one followed by its running-total column (docs/fields.md)
    expect(csvColumns().slice(CSV_META_COLUMNS.length)).toEqual(
      ALL_KEYS.flatMap((k) => (k.cumulative ? [k.key, `${k.key}@cumulative`] : [k.key])),
    );
    expect(rows).toHaveLength(2);
    expect(rows[1]).toHaveLength(rows[0]?.length ?? -1);
    const cell = (name: string) => rows[1]?.[rows[0]?.indexOf(name) ?? -1];
    expect(cell('file')).toBe('舒兰/民政局,"2018".txt');
    expect(cell('agency')).toBe(report.meta.agency ?? '');
    expect(cell('chars')).toBe(String(report.text?.length));
    for (const def of ALL_KEYS) expect(cell(def.key)).toBe(String(report.figures[def.key]?.value ?? ''));
  });

  it('adds the agency key last among the meta and long columns, with the division code when a resolver is given', () => {
    const report = parseText(SEED, { file: 'seed.txt' });
    expect(report.meta.agency).toBe('舒兰市民政局');
    expect(CSV_META_COLUMNS.indexOf('loadFailed')).toBe(23);
    expect(CSV_META_COLUMNS.at(-1)).toBe('agencyKey');
    expect(CSV_LONG_COLUMNS.indexOf('derived')).toBe(18);
    expect(CSV_LONG_COLUMNS.at(-1)).toBe('agencyKey');
    const keyCell = (text: string, column: number) => readCsv(text.slice(1))[1]?.[column];
    const wideAt = CSV_META_COLUMNS.indexOf('agencyKey');
    expect(keyCell(csv([report], ctx), wideAt)).toBe('舒兰市民政局');
    const withDivisions = { ...ctx, agencyResolver: defaultAgencyResolver() };
    expect(keyCell(csv([report], withDivisions), wideAt)).toBe('220283/民政局');
    expect(keyCell(csv([report], { ...withDivisions, long: true }), 19)).toBe('220283/民政局');
  });

  it('--long gives one row per figure', () => {
    const report = parseText(SEED, { file: 'seed.txt' });
    report.figures['invented.total'] = {
      value: 84,
      unit: '条',
      qualifier: 'exact',
      stated: '84',
      span: [0, 2],
      label: '主动公开，总数',
    };
    const rows = readCsv(csv([report], { ...ctx, long: true }).slice(1));
    expect(rows[0]).toEqual([...CSV_LONG_COLUMNS]);
    expect(rows).toHaveLength(1 + Object.keys(report.figures).length);
    const row = rows.find((r) => r[4] === 'invented.total');
    expect(row?.slice(4, 10)).toEqual(['invented.total', '主动公开，总数', '84', '条', 'exact', '84']);
  });
});

describe('json and jsonl', () => {
  it('round-trip the records', () => {
    const a = parseText(SEED, { file: 'a.txt' });
    const b = parseText('', { file: 'b.txt' });
    expect(JSON.parse(json([a, b], ctx))).toEqual([a, b]);
    expect(JSON.parse(json([], ctx))).toEqual([]);
    const lines = jsonl([a, b], ctx).split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    expect(JSON.parse(lines[1] ?? '')).toEqual(b);
  });
});

describe('sarif', () => {
  it('is a SARIF 2.1.0 log with rules from metadata, located results and evidence as related locations', () => {
    const report = seedWithAnomaly();
    const rules = [
      {
        id: 'invented-sum',
        severity: 'error' as const,
        description: { zh: '分项之和', en: 'Sum of parts' },
        why: 'Totals must add up.',
        falsePositives: 'none known',
        url: 'docs/rules.md#invented-sum',
        scope: 'report' as const,
      },
    ];
    const log = JSON.parse(sarif([report], { rules, color: false, cwd: '/work' }));
    expect(log.version).toBe('2.1.0');
    const run = log.runs[0];
    const ids = run.tool.driver.rules.map((r: { id: string }) => r.id);
    // the rules given first, then a descriptor for every other rule that reported
    expect(ids[0]).toBe('invented-sum');
    expect(new Set(ids)).toEqual(new Set(report.anomalies.map((a) => a.ruleId)));
    for (const r of run.results) expect(ids[r.ruleIndex]).toBe(r.ruleId);
    expect(run.results).toHaveLength(report.anomalies.length);
    const result = run.results.find((r: { ruleId: string }) => r.ruleId === 'invented-sum');
    expect(result.ruleIndex).toBe(0);
    expect(result.level).toBe('error');
    const place = report.anomalies.at(-1)?.place ?? [0, 0];
    const at = createLocator(report.text ?? '')(place[0]);
    const region = result.locations[0].physicalLocation.region;
    expect(region).toMatchObject({ startLine: at.line, startColumn: at.column, snippet: { text: '84' } });
    expect(result.locations[0].physicalLocation.artifactLocation.uri).toBe(
      'fixtures/seed-2018-shulan-minzheng.txt',
    );
    expect(
      result.relatedLocations.map(
        (l: { physicalLocation: { region: { snippet: { text: string } } } }) =>
          l.physicalLocation.region.snippet.text,
      ),
    ).toEqual(['84', '64']);
    expect(result.relatedLocations[1].message.text).toContain('table 1, row 3, column 2');
  });

  it('adds a descriptor for a rule without metadata (e.g. load-failed)', () => {
    const report = parseText('', { file: 'empty.txt' });
    report.anomalies.push({
      ruleId: 'load-failed',
      source: 'xxgk-report',
      severity: 'error',
      reason: '无法读取',
      reasonEn: 'Cannot read',
      evidence: [],
    });
    const log = JSON.parse(sarif([report], ctx));
    expect(log.runs[0].tool.driver.rules.map((r: { id: string }) => r.id)).toContain('load-failed');
    expect(log.runs[0].results.at(-1).locations[0].physicalLocation.region.startLine).toBe(1);
  });
});

describe('createLocator', () => {
  it('maps offsets to 1-based lines and UTF-16 columns', () => {
    const locate = createLocator('一二\n三𠀀四\n');
    expect(locate(0)).toEqual({ line: 1, column: 1 });
    expect(locate(3)).toEqual({ line: 2, column: 1 });
    expect(locate(6)).toEqual({ line: 2, column: 4 });
    expect(locate(8)).toEqual({ line: 3, column: 1 });
  });
});
