import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseText } from '../src/core/pipeline.js';
import { renderFieldsDoc } from '../src/extract/fields-doc.js';
import { keyDef } from '../src/extract/keys.js';
import { activeBlocks } from '../src/format/html/template-layout.js';
import { csvColumns, formatters } from '../src/format/index.js';
import type { Report } from '../src/model/index.js';
import { registerTemplate } from '../src/templates/index.js';
import { ROOT } from './helpers/corpus.js';
import { ERA_C_2026 } from './templates/era-c2026.js';

// Adding a template revision is one data file (test/templates/era-c2026.ts) plus a report in its format:
// nothing else in the code names the revision, and every part (era detection, table reading, identity
// checks, docs, HTML layout) picks it up from the registry.
const FILE = 'test/fixtures/invented-2026-revision.txt';
const text = readFileSync(join(ROOT, FILE), 'utf8');
const value = (r: Report, key: string) => r.figures[key]?.value;

describe('an invented 2026 revision of the 2021 template', () => {
  let without: Report;
  let report: Report;
  let remove: () => void;
  beforeAll(async () => {
    without = await parseText(text, { file: FILE });
    remove = registerTemplate(ERA_C_2026);
    report = await parseText(text, { file: FILE });
  });
  afterAll(() => remove());

  it('is detected by its own column and reported as era C', () => {
    expect(report.meta.era).toBe('C');
    expect(report.meta.eraEvidence.map((e) => e.token)).toContain('本年修订件数');
  });

  it('reads the extra column and the renamed row of table 二', () => {
    expect(value(report, 'active.regulations.issued')).toBe(1);
    expect(value(report, 'active.regulations.amended')).toBe(2);
    expect(value(report, 'active.regulations.inForce')).toBe(5);
    expect(value(report, 'active.normativeDocs.repealed')).toBe(3);
    expect(value(report, 'active.normativeDocs.amended')).toBe(4);
    expect(value(report, 'active.normativeDocs.inForce')).toBe(60);
    expect(value(report, 'active.coercion.decisions')).toBe(3);
    expect(value(report, 'active.fees.amount')).toBe(16.36);
  });

  it('without the data file the same report misreads table 二 (the data file is what makes it work)', () => {
    expect(value(without, 'active.regulations.amended')).toBeUndefined();
    expect(value(without, 'active.regulations.inForce')).not.toBe(5);
  });

  it('keeps the rest of era C: table 三 and 四 and their identities, sections', () => {
    expect(value(report, 'requests.newReceived.total')).toBe(12);
    expect(value(report, 'requests.otherHandling.other.total')).toBe(1);
    expect(value(report, 'requests.resultTotal.total')).toBe(13);
    expect(value(report, 'review.total')).toBe(2);
    expect(value(report, 'litigation.direct.total')).toBe(1);
    const flagged = report.anomalies.filter((a) => a.severity === 'error').map((a) => a.ruleId);
    expect(flagged).toEqual([]);
    expect(report.anomalies.filter((a) => a.ruleId === 'missing-section')).toEqual([]);
  });

  it('appears in docs/fields.md and the HTML layout while registered', () => {
    expect(renderFieldsDoc()).toContain('`active.regulations.amended`');
    const first = activeBlocks('C', text)[0];
    expect(first?.columns.map((c) => c.label)).toContain('本年修订件数');
  });

  it('gets its own CSV columns and key definitions while registered, and not after', () => {
    expect(csvColumns()).toContain('active.regulations.amended');
    expect(keyDef('active.regulations.amended')?.eras).toContain('C');
    const [header, row] = formatters.csv([report], { rules: [], color: false }).split(/\r?\n/);
    const columns = (header ?? '').split(',');
    const at = columns.indexOf('active.regulations.amended');
    expect(at).toBeGreaterThan(0);
    expect((row ?? '').split(',')[at]).toBe('2');
    remove();
    try {
      expect(csvColumns()).not.toContain('active.regulations.amended');
    } finally {
      remove = registerTemplate(ERA_C_2026);
    }
  });
});
