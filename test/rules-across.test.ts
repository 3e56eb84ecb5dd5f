import { beforeAll, describe, expect, it } from 'vitest';
import { defaultAgencyResolver } from '../src/agency/node.js';
import type { Report } from '../src/model/index.js';
import { parseFile } from '../src/node/parse-file.js';
import { checkAcross, type DigestFigure, digestReport, type ReportDigest } from '../src/rules/index.js';
import { keyDigests, yearPairs } from '../src/rules/util/chain.js';
import { corpusPath, manifest } from './helpers/corpus.js';

describe('cross-report rules on the Pingtan text archive', () => {
  const reports = new Map<string, Report>();
  let found: ReturnType<typeof checkAcross> = [];

  beforeAll(async () => {
    const files = manifest()
      .map((r) => r.file)
      .filter((f) => /^pingtan-syq-\d{4}\.txt$/.test(f));
    for (const f of files) reports.set(f, await parseFile(corpusPath(f), { file: f }));
    found = checkAcross([...reports.values()].map(digestReport), {}, defaultAgencyResolver());
  });

  it('finds the improvement paragraph of 2016 reused in 2019, with both places as evidence', () => {
    const hit = found.find(
      (f) =>
        f.file === 'pingtan-syq-2019.txt' &&
        f.anomaly.ruleId === 'copied-text' &&
        f.anomaly.evidence[1]?.file === 'pingtan-syq-2016.txt',
    );
    expect(hit).toBeDefined();
    const [here, there] = hit?.anomaly.evidence ?? [];
    const text2019 = reports.get('pingtan-syq-2019.txt')?.text ?? '';
    const text2016 = reports.get('pingtan-syq-2016.txt')?.text ?? '';
    expect(text2019.slice(...(here?.span ?? [0, 0]))).toBe(here?.text);
    expect(text2016.slice(...(there?.span ?? [0, 0]))).toBe(there?.text);
    const place = hit?.anomaly.place ?? [0, 0];
    expect(place[1] - place[0]).toBeGreaterThanOrEqual(80);
    // The copied passage sits in the problems-and-improvements section of the 2019 report.
    expect(text2019.lastIndexOf('存在的主要问题', place[0])).toBeGreaterThan(-1);
  });

  it('finds the carry-over chain unbroken where both years are present (2021→2022, 2024→2025)', () => {
    const d = (f: string) => digestReport(reports.get(f) as Report);
    expect(d('pingtan-syq-2021.txt').figures['requests.carriedForward.total']?.value).toBe(1);
    expect(d('pingtan-syq-2022.txt').figures['requests.carriedOver.total']?.value).toBe(1);
    expect(found.filter((f) => f.anomaly.ruleId === 'carryover-chain')).toEqual([]);
  });

  it('chains 2021 (党工委管委会) to 2022 (管委会) and 2022 to 2024 (no 管委会): one agency under three names', () => {
    const d = (f: string) => digestReport(reports.get(f) as Report);
    expect(d('pingtan-syq-2021.txt').agency).toBe('平潭综合实验区党工委管委会');
    expect(d('pingtan-syq-2022.txt').agency).toBe('平潭综合实验区管委会');
    expect(d('pingtan-syq-2024.txt').agency).toBe('平潭综合实验区');
    const keyed = keyDigests([...reports.values()].map(digestReport), defaultAgencyResolver());
    const pairs = yearPairs(keyed, () => true).map(
      (p) => `${p.previous.file} → ${p.current.file} ${p.sameAgency}`,
    );
    expect(pairs).toContain('pingtan-syq-2021.txt → pingtan-syq-2022.txt name-variant');
    expect(pairs).toContain('pingtan-syq-2020.txt → pingtan-syq-2021.txt same-name');
    expect(pairs).toContain('pingtan-syq-2024.txt → pingtan-syq-2025.txt same-name');
    // 2023 is not in the archive: 2022 and 2024 are not consecutive.
    expect(pairs.filter((p) => p.includes('→ pingtan-syq-2024'))).toEqual([]);
  });

  it('flags a carry-over changed in the 2022 report against the 2021 report of the same body', () => {
    const digests = [...reports.values()].map(digestReport);
    const d2022 = digests.find((d) => d.file === 'pingtan-syq-2022.txt') as ReportDigest;
    const carried = d2022.figures['requests.carriedOver.total'] as DigestFigure;
    d2022.figures['requests.carriedOver.total'] = { ...carried, value: 4 };
    const chain = checkAcross(digests, {}, defaultAgencyResolver()).filter(
      (f) => f.anomaly.ruleId === 'carryover-chain',
    );
    expect(chain.map((f) => [f.file, f.anomaly.actual, f.anomaly.expected])).toEqual([
      ['pingtan-syq-2022.txt', 4, 1],
    ]);
    expect(chain[0]?.anomaly.data).toMatchObject({ sameAgency: 'name-variant', agencyKey: '平潭综合实验区' });
    expect(chain[0]?.anomaly.evidence[1]?.file).toBe('pingtan-syq-2021.txt');
  });

  it('takes no previous year when two reports of that year under the key disagree (two bodies, one name)', () => {
    const digests = [...reports.values()].map(digestReport);
    const d2022 = digests.find((d) => d.file === 'pingtan-syq-2022.txt') as ReportDigest;
    const carried = d2022.figures['requests.carriedOver.total'] as DigestFigure;
    d2022.figures['requests.carriedOver.total'] = { ...carried, value: 4 };
    const d2021 = digests.find((d) => d.file === 'pingtan-syq-2021.txt') as ReportDigest;
    const chained = (extra: ReportDigest) =>
      checkAcross([...digests, extra], {}, defaultAgencyResolver())
        .filter((f) => f.anomaly.ruleId === 'carryover-chain')
        .map((f) => f.file);
    // The same 2021 report under a second path agrees with the first: the chain still runs.
    expect(chained({ ...d2021, file: 'copy/pingtan-syq-2021.txt' })).toEqual(['pingtan-syq-2022.txt']);
    // Another 2021 report under the same name that carried 4 forward: which one is last year is unknown.
    const forward = d2021.figures['requests.carriedForward.total'] as DigestFigure;
    const other = {
      ...d2021,
      file: 'other/pingtan-syq-2021.txt',
      figures: { ...d2021.figures, 'requests.carriedForward.total': { ...forward, value: 4 } },
    };
    expect(chained(other)).toEqual([]);
  });

  it('keeps every digest to a few kilobytes (10,000 reports fit in memory)', () => {
    for (const r of reports.values()) expect(JSON.stringify(digestReport(r)).length).toBeLessThan(8000);
  });

  it('never compares a report with itself and attaches every anomaly to a batch file', () => {
    for (const { file, anomaly } of found) {
      expect(reports.has(file)).toBe(true);
      for (const e of anomaly.evidence) if (e.file) expect(e.file).not.toBe(file);
    }
  });
});

describe('plans for the wrong year', () => {
  it('flags “2016年，我们将采取以下措施” in the 2016 report', async () => {
    const report = await parseFile(corpusPath('pingtan-syq-2016.txt'));
    const plan = report.anomalies.filter((a) => a.ruleId === 'plan-year-mismatch');
    expect(plan.map((a) => a.evidence[0]?.text)).toEqual(['2016年，我们将']);
    expect(plan[0]?.severity).toBe('warning');
  });
});

describe('a county and its city (洪泽区 in 淮安市)', () => {
  let hongze: ReportDigest;
  let huaian: ReportDigest;
  const exceeded = (digests: ReportDigest[]) =>
    checkAcross(digests, {}, defaultAgencyResolver()).filter(
      (f) => f.anomaly.ruleId === 'division-total-exceeded',
    );

  beforeAll(async () => {
    hongze = digestReport(await parseFile(corpusPath('hongze-2023.pdf'), { file: 'hongze-2023.pdf' }));
    huaian = digestReport(await parseFile(corpusPath('huaian-2024.pdf'), { file: 'huaian-2024.pdf' }));
  });

  it('keys the two governments by their division codes, one inside the other', () => {
    const [a, b] = keyDigests([hongze, huaian], defaultAgencyResolver());
    expect([a?.agency, a?.agencyKey, b?.agency, b?.agencyKey]).toEqual([
      '淮安市洪泽区人民政府',
      '320813',
      '淮安市人民政府',
      '3208',
    ]);
  });

  it('is silent when the county counts less than the city (21 of 3,119 requests) and across years', () => {
    expect(hongze.figures['core.requestsReceived']?.value).toBe(21);
    expect(huaian.figures['core.requestsReceived']?.value).toBe(3119);
    expect(exceeded([hongze, huaian])).toEqual([]);
    expect(exceeded([hongze, { ...huaian, reportYear: 2023 }])).toEqual([]);
  });

  it('flags the county’s count when it exceeds the city’s for the same year', () => {
    const received = hongze.figures['core.requestsReceived'] as DigestFigure;
    const county = {
      ...hongze,
      figures: { ...hongze.figures, 'core.requestsReceived': { ...received, value: 3121 } },
    };
    const found = exceeded([county, { ...huaian, reportYear: 2023 }]);
    expect(found.map((f) => [f.file, f.anomaly.actual, f.anomaly.expected])).toEqual([
      ['hongze-2023.pdf', 3121, '<= 3119'],
    ]);
    expect(found[0]?.anomaly.evidence[1]?.file).toBe('huaian-2024.pdf');
  });
});
