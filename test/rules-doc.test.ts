import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { explainRule, RULES, renderRulesDoc } from '../src/rules/index.js';
import { ROOT } from './helpers/corpus.js';
import { fixtureDocs } from './helpers/rule-fixtures.js';

describe('docs/rules.md', () => {
  it('is generated from the current rule metadata and fixtures (run npm run docs)', () => {
    const path = join(ROOT, 'docs', 'rules.md');
    expect(existsSync(path)).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe(renderRulesDoc(fixtureDocs()));
  });

  it('has a heading (the url anchor) for every rule', () => {
    const doc = renderRulesDoc(fixtureDocs());
    for (const r of RULES) expect(doc).toContain(`\n## ${r.id}\n`);
  });
});

describe('explainRule', () => {
  it('prints a rule’s description, reasons and options', () => {
    const text = explainRule('breakdown-sum-mismatch') ?? '';
    expect(text.split('\n')[0]).toBe('breakdown-sum-mismatch — “其中”所列分项之和与总数不符');
    expect(text).toContain('severity: error (recommended)');
    expect(text).toContain('exact (default false)');
    expect(text).toContain('Docs: docs/rules.md#breakdown-sum-mismatch');
  });

  it('returns undefined for an unknown rule', () => {
    expect(explainRule('no-such-rule')).toBeUndefined();
  });
});
