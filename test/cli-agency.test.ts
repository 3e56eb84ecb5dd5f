import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Anomaly, Report } from '../src/model/index.js';
import { parseFile } from '../src/node/parse-file.js';
import { runCli, scratch } from './helpers/cli.js';
import { CORPUS, corpusPath } from './helpers/corpus.js';

/** Runs `xxgk check <folder>` and returns the anomalies of one rule as [file, anomaly]. */
async function checkFolder(dir: string, folder: string, rule: string): Promise<[string, Anomaly][]> {
  const run = await runCli(['check', `${folder}/`, '-q', '-j', '1', '--no-text', '-f', 'json'], { cwd: dir });
  expect(run.code, run.stderr).toBeLessThan(2);
  const reports = JSON.parse(run.stdout) as Report[];
  return reports.flatMap((r) =>
    r.anomalies.filter((a) => a.ruleId === rule).map((a): [string, Anomaly] => [r.file, a]),
  );
}

const base = (file: string | undefined) => file?.split('/').at(-1);

/** A report's text with one table row's cells replaced (the row found by its label). */
function withRow(text: string, label: string, cells: string): string {
  const changed = text.replace(new RegExp(`(${label})[\\t\\d]+`), `$1\t\t\t${cells}`);
  expect(changed).not.toBe(text);
  return changed;
}

describe('xxgk check over a folder: one agency across years under name variants', () => {
  const dir = scratch('xxgk-cli-agency-');
  let hongze2023 = '';

  beforeAll(async () => {
    // Every Pingtan 实验区 year of the corpus: 管委会 (2011–2018, 2022), 党工委管委会 (2019–2021), and the bare
    // name (2024, 2025). The 2022 report's carry-over from 2021 is changed from 1 to 3.
    mkdirSync(join(dir, 'pingtan'));
    for (const f of readdirSync(CORPUS).filter((f) => /^pingtan-syq-\d{4}\.txt$/.test(f)))
      copyFileSync(join(CORPUS, f), join(dir, 'pingtan', f));
    const text2022 = readFileSync(corpusPath('pingtan-syq-2022.txt'), 'utf8');
    const changed = text2022.replace(
      '上年结转政府信息公开申请数量 1000001',
      '上年结转政府信息公开申请数量 3000003',
    );
    expect(changed).not.toBe(text2022);
    writeFileSync(join(dir, 'pingtan', 'pingtan-syq-2022.txt'), changed);
    hongze2023 = (await parseFile(corpusPath('hongze-2023.pdf'))).text ?? '';
  }, 120_000);

  it('compares the carry-over of the 2022 report (管委会) with the 2021 report (党工委管委会) in the batch', async () => {
    const chain = await checkFolder(dir, 'pingtan', 'carryover-chain');
    expect(chain.length).toBeGreaterThan(0);
    for (const [file, a] of chain) {
      expect(base(file)).toBe('pingtan-syq-2022.txt');
      expect([a.actual, a.expected]).toEqual([3, 1]);
      expect(a.data).toMatchObject({ sameAgency: 'name-variant', agencyKey: '平潭综合实验区' });
      expect(base(a.evidence[1]?.file)).toBe('pingtan-syq-2021.txt');
    }
  }, 120_000);

  it('compares the 洪泽区人民政府 report of 2022 with the 淮安市洪泽区人民政府 report of 2023', async () => {
    mkdirSync(join(dir, 'hongze'));
    copyFileSync(corpusPath('hongze-2023.pdf'), join(dir, 'hongze', 'hongze-2023.pdf'));
    // The year before, stated without the city and carrying 2 requests into 2023, which carried over none.
    const previous = withRow(
      hongze2023.replaceAll('2023', '2022').replaceAll('淮安市洪泽区', '洪泽区'),
      '四、结转下年度继续办理',
      '2\t0\t0\t0\t0\t0\t2',
    );
    writeFileSync(join(dir, 'hongze', 'hongze-2022.txt'), previous);
    const chain = await checkFolder(dir, 'hongze', 'carryover-chain');
    expect(chain.length).toBeGreaterThan(0);
    for (const [file, a] of chain) {
      expect(base(file)).toBe('hongze-2023.pdf');
      expect([a.actual, a.expected]).toEqual([0, 2]);
      expect(a.data).toMatchObject({ sameAgency: 'division', agencyKey: '320813' });
      expect(base(a.evidence[1]?.file)).toBe('hongze-2022.txt');
    }
  }, 120_000);

  it('compares the cumulative column of 福州市平潭县人民政府 (2013) with 平潭县人民政府 (2012)', async () => {
    mkdirSync(join(dir, 'county'));
    copyFileSync(corpusPath('pingtan-county-2012.txt'), join(dir, 'county', 'pingtan-county-2012.txt'));
    // 2013 stated with its city in front, and its 历年累计 of documents published raised from 5395 to 5495.
    const text = readFileSync(corpusPath('pingtan-county-2013.txt'), 'utf8');
    const changed = text
      .replaceAll('平潭县人民政府', '福州市平潭县人民政府')
      .replace('条18535395其中', '条18535495其中');
    expect(changed).not.toContain('18535395');
    writeFileSync(join(dir, 'county', 'pingtan-county-2013.txt'), changed);
    const chain = await checkFolder(dir, 'county', 'cumulative-chain');
    expect(chain.map(([file, a]) => [base(file), a.data?.['key'], a.actual, a.expected])).toEqual([
      ['pingtan-county-2013.txt', 'active.total', 5495, 5395],
    ]);
    expect(chain[0]?.[1].data).toMatchObject({ sameAgency: 'division', agencyKey: '350128' });
    expect(base(chain[0]?.[1].evidence.find((e) => e.file)?.file)).toBe('pingtan-county-2012.txt');
  }, 120_000);
});

describe('the agencyKey column of xxgk check', () => {
  it('links the years stated without the province to the one stated with it, as the chains do', async () => {
    const dir = scratch('xxgk-cli-agency-csv-');
    mkdirSync(join(dir, 'pingtan'));
    for (const f of ['pingtan-syq-2019.txt', 'pingtan-syq-2021.txt', 'pingtan-syq-2024.txt'])
      copyFileSync(corpusPath(f), join(dir, 'pingtan', f));
    const text = readFileSync(corpusPath('pingtan-syq-2022.txt'), 'utf8');
    writeFileSync(
      join(dir, 'pingtan', 'pingtan-syq-2022.txt'),
      text.replaceAll('平潭综合实验区管委会', '福建省平潭综合实验区管理委员会'),
    );
    const keys = async (command: string) => {
      const run = await runCli([command, 'pingtan/', '-q', '-j', '1', '--no-text', '-f', 'csv'], {
        cwd: dir,
      });
      const [head, ...rows] = run.stdout
        .replace(/^\uFEFF/, '')
        .trim()
        .split(/\r?\n/);
      const at = (head ?? '').split(',').indexOf('agencyKey');
      return rows.map((r) => `${base(r.split(',')[0])} ${r.split(',')[at]}`);
    };
    expect(await keys('check')).toEqual([
      'pingtan-syq-2019.txt 35/平潭综合实验区',
      'pingtan-syq-2021.txt 35/平潭综合实验区',
      'pingtan-syq-2022.txt 35/平潭综合实验区',
      'pingtan-syq-2024.txt 35/平潭综合实验区',
    ]);
    // A parse run streams its CSV record by record: each report is keyed on its own.
    expect(await keys('parse')).toEqual([
      'pingtan-syq-2019.txt 平潭综合实验区',
      'pingtan-syq-2021.txt 平潭综合实验区',
      'pingtan-syq-2022.txt 35/平潭综合实验区',
      'pingtan-syq-2024.txt 平潭综合实验区',
    ]);
  }, 120_000);
});

describe('xxgk check over a folder: a city and its counties for one year (division-total-exceeded)', () => {
  const dir = scratch('xxgk-cli-division-');
  let city = '';
  let county = '';
  const RECEIVED = '一、本年新收政府信息公开申请数量';
  /** A folder with the city's report and the given county reports. */
  const folder = (name: string, counties: Record<string, string>) => {
    mkdirSync(join(dir, name));
    writeFileSync(join(dir, name, 'huaian-2023.txt'), city);
    for (const [file, text] of Object.entries(counties)) writeFileSync(join(dir, name, file), text);
    return name;
  };

  beforeAll(async () => {
    // The 淮安市 report of 2024 (3,119 requests received), moved one year back to sit beside 洪泽区's 2023.
    const huaian = (await parseFile(corpusPath('huaian-2024.pdf'))).text ?? '';
    city = huaian.replaceAll('2023', '2022').replaceAll('2024', '2023');
    county = (await parseFile(corpusPath('hongze-2023.pdf'))).text ?? '';
  }, 120_000);

  it('is silent when the county counts less than its city (21 of 3,119)', async () => {
    expect(
      await checkFolder(
        dir,
        folder('as-published', { 'hongze-2023.txt': county }),
        'division-total-exceeded',
      ),
    ).toEqual([]);
  }, 120_000);

  it('flags a county report counting more requests than its city', async () => {
    const raised = withRow(county, RECEIVED, '3200\t0\t0\t0\t0\t0\t3200');
    const found = await checkFolder(
      dir,
      folder('one-county', { 'hongze-2023.txt': raised }),
      'division-total-exceeded',
    );
    expect(found.map(([file, a]) => [base(file), a.actual, a.expected])).toEqual([
      ['hongze-2023.txt', 3200, '<= 3119'],
    ]);
    expect(found[0]?.[1].data).toMatchObject({ agencyKey: '320813', parentKey: '3208' });
    expect(base(found[0]?.[1].evidence[1]?.file)).toBe('huaian-2023.txt');
  }, 120_000);

  it('flags the city when two of its counties together count more than it does', async () => {
    const found = await checkFolder(
      dir,
      folder('two-counties', {
        'hongze-2023.txt': withRow(county, RECEIVED, '2000\t0\t0\t0\t0\t0\t2000'),
        'huaianqu-2023.txt': withRow(
          county.replaceAll('洪泽区', '淮安区'),
          RECEIVED,
          '1500\t0\t0\t0\t0\t0\t1500',
        ),
      }),
      'division-total-exceeded',
    );
    expect(found.map(([file, a]) => [base(file), a.actual, a.expected])).toEqual([
      ['huaian-2023.txt', 3500, '<= 3119'],
    ]);
    expect(found[0]?.[1].evidence.map((e) => base(e.file) ?? 'self')).toEqual([
      'self',
      'hongze-2023.txt',
      'huaianqu-2023.txt',
    ]);
  }, 120_000);
});
