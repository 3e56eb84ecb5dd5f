import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFailedReport, parseText } from '../src/core/pipeline.js';
import { type Report, ReportSchema } from '../src/model/index.js';
import { checkReport, REPORT_RULES, RULES } from '../src/rules/index.js';
import { spanInBounds } from '../src/rules/util/locate.js';
import { anomalyLine, fixtureReports, listRuleFixtures, onlyRule, runRule } from './helpers/rule-fixtures.js';

const fixtures = listRuleFixtures();
const UPDATE = process.env.UPDATE_FIXTURES === '1';

describe('rule registry', () => {
  it('has one fixture folder per rule and no folder without a rule', () => {
    expect(fixtures.map((f) => f.id).sort()).toEqual(RULES.map((r) => r.id).sort());
  });

  it('has one source file per rule, named after its id', () => {
    const files = readdirSync(join(import.meta.dirname, '../src/rules'))
      .filter((f) => f.endsWith('.ts'))
      .map((f) => f.slice(0, -3));
    for (const r of RULES) expect(files).toContain(r.id);
  });

  it('gives every rule complete metadata', () => {
    for (const r of RULES) {
      expect(r.meta.id).toBe(r.id);
      expect(r.id).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
      expect(r.meta.url).toBe(`docs/rules.md#${r.id}`);
      expect(
        r.meta.description.zh && r.meta.description.en && r.meta.why && r.meta.falsePositives,
      ).toBeTruthy();
      expect(Object.keys(r.messages).length).toBeGreaterThan(0);
    }
  });
});

for (const fixture of fixtures) {
  describe(`rule ${fixture.id}`, () => {
    it('has ok and not-ok fixtures', () => {
      expect(fixture.ok, 'ok fixture').toBeDefined();
      expect(fixture.notOk, 'not-ok fixture').toBeDefined();
    });

    it('reports nothing on the ok fixture', () => {
      if (!fixture.ok) return;
      expect(runRule(fixture.id, fixtureReports(fixture.ok)).map((r) => r.anomaly.reason)).toEqual([]);
    });

    it('reports the expected anomalies on the not-ok fixture', () => {
      if (!fixture.notOk) return;
      const reports = fixtureReports(fixture.notOk);
      const found = runRule(fixture.id, reports);
      expect(found.length).toBeGreaterThan(0);
      for (const { report, anomaly } of found) {
        expect(anomaly.ruleId).toBe(fixture.id);
        expect(anomaly.source).toBe('xxgk-report');
        expect(anomaly.url).toBe(`docs/rules.md#${fixture.id}`);
        const text = report.text ?? '';
        if (anomaly.place) expect(spanInBounds(anomaly.place, text)).toBe(true);
        for (const e of anomaly.evidence) {
          const source = e.file ? (reports.find((r) => r.file === e.file)?.text ?? '') : text;
          expect(spanInBounds(e.span, source), `${e.role} in bounds`).toBe(true);
          expect(source.slice(e.span[0], e.span[1]), `${e.role} slices to its text`).toBe(e.text);
        }
      }
      const lines = `${found.map(({ report, anomaly }) => anomalyLine(report, anomaly, reports.length > 1)).join('\n')}\n`;
      if (UPDATE) writeFileSync(fixture.expectedPath, lines);
      else expect(lines).toBe(fixture.expected);
    });
  });
}

const ODD: [string, () => Report][] = [
  ['an empty report', () => parseText('', { rules: false })],
  [
    'a report without sections or figures',
    () => parseText('民政局2018年政府信息公开工作年度报告\n无', { rules: false }),
  ],
  ['a load-failed record', () => loadFailedReport('x.pdf', new Error('broken'))],
  [
    'a record written without text',
    () => {
      const r = parseText('截至2019年12月31日，公开信息84条。其中网站64条，微博30条。', { rules: false });
      delete r.text;
      return r;
    },
  ],
];

describe('every rule survives odd reports', () => {
  for (const [name, make] of ODD) {
    it(name, () => {
      const report = make();
      ReportSchema.parse(report);
      for (const rule of REPORT_RULES) {
        const anomalies = checkReport(report, onlyRule(rule.id));
        expect(anomalies.filter((a) => a.severity === 'info' && a.data?.messageId === 'crashed')).toEqual([]);
      }
    });
  }
});
