import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../src/model/index.js';
import { createEngine, MissingInputError, runAll } from '../src/node/engine.js';
import { parseFile } from '../src/node/parse-file.js';
import { createInlineRunner, lazyRunner } from '../src/node/pool.js';
import { checkAcross, digestReport } from '../src/rules/index.js';
import { scratch } from './helpers/cli.js';
import { CORPUS, corpusPath, ROOT } from './helpers/corpus.js';

const ARCHIVE = ['2016', '2019', '2021', '2022'].map((y) => `pingtan-syq-${y}.txt`);

async function collect(iterable: AsyncIterable<Report>): Promise<Report[]> {
  const out: Report[] = [];
  for await (const report of iterable) out.push(report);
  return out;
}

describe('the batch engine', () => {
  it('yields one record per file in input order and adds the cross-report anomalies at the end', async () => {
    const reports = await runAll(ARCHIVE, { cwd: CORPUS, jobs: 2 });
    expect(reports.map((r) => r.file)).toEqual(ARCHIVE);
    // The same as parsing each file and running the cross-report rules over their digests by hand.
    const alone = await Promise.all(ARCHIVE.map((f) => parseFile(corpusPath(f), { file: f })));
    const across = checkAcross(alone.map(digestReport));
    expect(across.length).toBeGreaterThan(0);
    for (const { file, anomaly } of across) {
      const report = reports.find((r) => r.file === file);
      expect(report?.anomalies.filter((a) => a.ruleId === anomaly.ruleId).map((a) => a.place)).toContainEqual(
        anomaly.place,
      );
    }
    const copied = reports
      .find((r) => r.file === 'pingtan-syq-2019.txt')
      ?.anomalies.find((a) => a.ruleId === 'copied-text');
    expect(copied?.evidence[1]?.file).toBe('pingtan-syq-2016.txt');
  });

  it('writes baseline entries for every anomaly, and a baseline of them leaves nothing', async () => {
    const first = createEngine({ cwd: CORPUS, jobs: 1, writeBaseline: true });
    const reports = await collect(first.run(ARCHIVE));
    const end = first.finish();
    const total = reports.reduce((n, r) => n + r.anomalies.length, 0) + end.across.length;
    expect(end.baselineEntries).toHaveLength(total);
    const second = createEngine({
      cwd: CORPUS,
      jobs: 1,
      baseline: { version: 1, entries: end.baselineEntries },
    });
    const again = await collect(second.run(ARCHIVE));
    const after = second.finish();
    expect(again.flatMap((r) => r.anomalies)).toEqual([]);
    expect(after.across).toEqual([]);
    expect(after.suppressed).toBe(total);
  });

  it('skips files already done (resume keys) and names paths that do not exist', async () => {
    const [done] = await runAll(['pingtan-syq-2016.txt'], { cwd: CORPUS, jobs: 1, rules: false });
    const engine = createEngine({ cwd: CORPUS, jobs: 1, skip: new Map([[done?.hash ?? '', 1]]) });
    expect((await collect(engine.run(ARCHIVE.slice(0, 2)))).map((r) => r.file)).toEqual([
      'pingtan-syq-2019.txt',
    ]);
    expect(engine.finish().skipped).toBe(1);
    await expect(collect(createEngine({ cwd: CORPUS }).run(['no-such.pdf']))).rejects.toThrow(
      MissingInputError,
    );
  });

  it('starts no runner when every file is skipped, and one runner for many tasks otherwise', async () => {
    let made = 0;
    const make = () => {
      made++;
      return createInlineRunner();
    };
    await lazyRunner(1, make).close();
    expect(made).toBe(0);
    const runner = lazyRunner(1, make);
    const task = (file: string) => ({ path: corpusPath(file), file, options: {} });
    const results = await Promise.all([
      runner.run(task('seed-2018-shulan-minzheng.pdf')),
      runner.run(task('hongze-2023.pdf')),
    ]);
    await runner.close();
    expect(made).toBe(1);
    expect(results.map((r) => r.report.meta.agency)).toEqual([
      '舒兰市民政局',
      expect.stringContaining('洪泽'),
    ]);
  });

  it('chains the 2021 report (党工委管委会) to a 2022 report (管委会) whose carry-over was changed', async () => {
    const dir = scratch('xxgk-chain-');
    copyFileSync(corpusPath('pingtan-syq-2021.txt'), join(dir, '2021.txt'));
    const original = readFileSync(corpusPath('pingtan-syq-2022.txt'), 'utf8');
    const changed = original.replace(
      '上年结转政府信息公开申请数量 1000001',
      '上年结转政府信息公开申请数量 3000003',
    );
    expect(changed).not.toBe(original);
    writeFileSync(join(dir, '2022.txt'), changed);
    const chain = async (options: Parameters<typeof runAll>[1]) =>
      (await runAll(['2021.txt', '2022.txt'], { cwd: dir, jobs: 1, ...options }))
        .flatMap((r) => r.anomalies.filter((a) => a.ruleId === 'carryover-chain'))
        .map((a) => [a.actual, a.expected, a.data?.['sameAgency']]);
    expect(await chain({})).toEqual([
      [3, 1, 'name-variant'],
      [3, 1, 'name-variant'],
    ]);
    // A resolver of one's own decides who is one agency: here every stated name is its own body.
    const byStatedName = (stated: string) => ({ stated, name: stated, evidence: [] });
    expect(await chain({ agencyResolver: byStatedName })).toEqual([]);
  });

  it('is exported as xxgk-report/node with its types', () => {
    const child = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        "const m = await import('xxgk-report/node'); console.log(typeof m.createEngine, typeof m.runAll)",
      ],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(child.stdout.trim()).toBe('function function');
  });
});
