import { describe, expect, it } from 'vitest';
import { RunSummary } from '../src/cli/summary.js';
import { parseFile } from '../src/index.js';
import { fixturePath, ROOT } from './helpers/corpus.js';

const NEWS = `${ROOT}/test/not-reports/news-ningbo-2009.txt`;

describe('documents that are not reports', () => {
  it.each([
    ['the project README', `${ROOT}/README.md`],
    ['a news article on a disclosure meeting', NEWS],
  ])('%s gets era null and one not-a-report info anomaly', async (_name, path) => {
    const report = await parseFile(path);
    expect(report.meta.era).toBeNull();
    expect(report.anomalies.map((a) => [a.ruleId, a.severity])).toEqual([['not-a-report', 'info']]);
  });

  it('leaves reports alone: the seed report keeps its era and gets no not-a-report', async () => {
    const report = await parseFile(fixturePath('seed-2018-shulan-minzheng.txt'));
    expect(report.meta.era).toBe('A');
    expect(report.anomalies.some((a) => a.ruleId === 'not-a-report')).toBe(false);
  });

  it('is counted apart in the batch summary, its anomalies left out', async () => {
    const summary = new RunSummary();
    summary.add(await parseFile(NEWS));
    summary.add(await parseFile(fixturePath('seed-2018-shulan-minzheng.txt')));
    expect(summary.files).toBe(2);
    expect(summary.notReports).toBe(1);
    expect(summary.anomalies.has('not-a-report')).toBe(false);
    expect(summary.format()).toContain('1 not reports');
  });
});
