/**
 * The HTML report in a real browser: Debian's chromium (never a downloaded one) driven by playwright-core.
 * Opens the page `xxgk check --format html` writes for corpus reports plus the seed, follows anomaly
 * links, filters, and saves screenshots under test/artifacts/.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseText } from '../../src/core/pipeline.js';
import { renderHtmlReport } from '../../src/format/html.js';
import type { Report } from '../../src/model/index.js';
import { runCli } from '../helpers/cli.js';
import { corpusPath, fixturePath, ROOT } from '../helpers/corpus.js';

const CHROMIUM = process.env.XXGK_CHROMIUM ?? '/usr/bin/chromium';
const HAS_CHROMIUM = existsSync(CHROMIUM);
const NO_CHROMIUM = `skipped: ${CHROMIUM} not found; install Debian's chromium (apt-get install chromium) to run the browser test`;
if (!HAS_CHROMIUM) console.warn(NO_CHROMIUM);
const ARTIFACTS = join(ROOT, 'test', 'artifacts');

/** A report whose file name, agency, labels and text all try to inject markup and script. */
function hostileReport(): Report {
  const text =
    '恶意机关2022年度报告\n正文含有</script><script>window.__pwned=1</script>与<!-- 注释 -->以及"><img src=x onerror="window.__pwned=2">，共84条。\n';
  const report = parseText(text, {
    file: '<script>window.__pwned=3</script>"><img src=x onerror=alert(1)>.txt',
    rules: false,
  });
  const t = report.text ?? '';
  const at = t.indexOf('84');
  report.meta = { ...report.meta, agency: '"><img src=x onerror="window.__pwned=4">', reportYear: 2022 };
  report.anomalies = [
    {
      ruleId: 'breakdown-sum-mismatch"><img src=x onerror="window.__pwned=5">',
      source: 'xxgk-report',
      severity: 'info',
      reason: '<script>window.__pwned=6</script>',
      reasonEn: '</script><!--',
      evidence: [
        { role: '<b>x</b>', label: '"><img src=x onerror=alert(2)>', span: [at, at + 2], text: '84' },
      ],
    },
  ];
  return report;
}

/** Where the focus landed after following a link (run in the page). */
interface Landed {
  tag: string;
  text: string | null;
  current: boolean;
  background: string;
  inView: boolean;
  hash: string;
}
const LANDED = `(() => {
  const el = document.activeElement;
  if (!el) return null;
  const box = el.getBoundingClientRect();
  return {
    tag: el.tagName,
    text: el.textContent,
    current: el.classList.contains('current'),
    background: getComputedStyle(el).backgroundColor,
    inView: box.top >= 0 && box.bottom <= window.innerHeight && box.height > 0,
    hash: location.hash,
  };
})()`;
/** Grid width of every body row of a report's table 三, counting cells that rowspans carry down. */
const ROW_WIDTHS = (r: number) => `(() => {
  const body = document.querySelector('#r-${r} table.t3').tBodies[0];
  const carried = [];
  return Array.from(body.rows).map((tr) => {
    let width = carried.filter((n) => n > 0).length;
    for (let i = 0; i < carried.length; i++) if (carried[i] > 0) carried[i]--;
    for (const c of tr.cells) {
      width += c.colSpan;
      if (c.rowSpan > 1) carried.push(c.rowSpan - 1);
    }
    return width;
  });
})()`;

describe.skipIf(!HAS_CHROMIUM)('HTML report in headless chromium', () => {
  let context: BrowserContext;
  let page: Page;
  let userData: string;
  let reports: Report[];
  let hostileFile: string;
  const pageErrors: string[] = [];
  const dialogs: string[] = [];
  const requests: string[] = [];
  // Batch order: pingtan 2020 (era B), 2021 (era C), 2022 (era C, web page), then the seed.
  // Positions in the batch, found by file name: the CLI orders inputs by path, which depends on where the
  // project and the corpus sit.
  let PINGTAN_B = -1;
  let PINGTAN = -1;
  let PINGTAN_HTML = -1;
  let SEED = -1;
  const SEED_FILE = 'seed-2018-shulan-minzheng.txt';

  beforeAll(async () => {
    // The page an auditor gets: `xxgk check <paths> --format html -o …`, with the JSON records beside it.
    mkdirSync(ARTIFACTS, { recursive: true });
    const file = join(ARTIFACTS, 'html-report-e2e.html');
    const json = join(ARTIFACTS, 'html-report-e2e.json');
    const paths = [
      corpusPath('pingtan-syq-2020.txt'),
      corpusPath('pingtan-syq-2021.txt'),
      corpusPath('pingtan-syq-2022.html'),
      fixturePath(SEED_FILE),
    ];
    const run = await runCli(
      ['check', ...paths, '-o', `html=${file}`, '-o', `json=${json}`, '-j', '1', '--sort', '-q'],
      {
        cwd: ROOT,
      },
    );
    expect(run.stderr).toBe('');
    reports = JSON.parse(readFileSync(json, 'utf8')) as Report[];
    const at = (name: string) => reports.findIndex((r) => r.file.endsWith(name));
    PINGTAN_B = at('pingtan-syq-2020.txt');
    PINGTAN = at('pingtan-syq-2021.txt');
    PINGTAN_HTML = at('pingtan-syq-2022.html');
    SEED = at(SEED_FILE);
    expect([PINGTAN_B, PINGTAN, PINGTAN_HTML, SEED].sort()).toEqual([0, 1, 2, 3]);
    hostileFile = join(ARTIFACTS, 'html-report-hostile.html');
    writeFileSync(hostileFile, renderHtmlReport([hostileReport()], { rules: [], color: false }));
    userData = mkdtempSync(join(tmpdir(), 'xxgk-chromium-'));
    context = await chromium.launchPersistentContext(userData, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1280, height: 900 },
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    page.on('console', (m) => {
      if (m.type() === 'error') pageErrors.push(m.text());
    });
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(join(ARTIFACTS, 'html-report-e2e.html')).href);
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    if (userData) rmSync(userData, { recursive: true, force: true });
  });

  const total = () => reports.reduce((n, r) => n + r.anomalies.length, 0);
  const row = (r: number, a: number) => page.locator(`#anomaly-table tbody tr[data-r="${r}"]`).nth(a);
  /** Opens a report's section (its body renders on the toggle). */
  const open = (r: number) => page.evaluate(`document.getElementById('r-${r}').open = true`);

  it('shows the batch overview and loads nothing but the file itself', async () => {
    await expect(page.locator('#anomaly-table tbody tr').count()).resolves.toBe(total());
    await expect(page.locator('#report-table tbody tr').count()).resolves.toBe(reports.length);
    await expect(page.locator('svg.chart').count()).resolves.toBe(2);
    expect(await page.textContent('#filter-count')).toBe(`异常 ${total()} / ${total()} · 报告 4 / 4`);
    expect(requests.every((u) => u.startsWith('file:'))).toBe(true);
    expect(pageErrors).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'html-report-overview.png') });
  });

  it('shows the seed anomalies, each landing on its highlighted evidence in view', async () => {
    const seed = reports[SEED] as Report;
    const rules = seed.anomalies.map((a) => a.ruleId);
    expect(rules.filter((r) => r === 'period-year-mismatch')).toHaveLength(2);
    for (const id of ['signed-before-period-end', 'breakdown-sum-mismatch', 'subset-exceeds-total']) {
      expect(rules).toContain(id);
    }
    const firsts = seed.anomalies
      .filter((a) => a.ruleId === 'period-year-mismatch')
      .map((a) => a.evidence[0]?.text);
    expect(firsts.sort()).toEqual(['2019年', '截至2019年12月31日']);
    for (const [a, anomaly] of seed.anomalies.entries()) {
      expect(await row(SEED, a).getAttribute('data-rule')).toBe(anomaly.ruleId);
      await row(SEED, a).locator('td:nth-child(6) a').click();
      const landed = (await page.evaluate(LANDED)) as Landed | null;
      expect(landed).toMatchObject({
        tag: 'MARK',
        text: anomaly.evidence[0]?.text,
        current: true,
        inView: true,
      });
      expect(landed?.background).toBe('rgb(255, 241, 118)');
      expect(landed?.hash).toBe(`#e-${SEED}-${SEED}-${a}-0`);
      // Every piece of evidence is marked in the text with exactly its words.
      const marks = await page.$$eval(`#r-${SEED} .text mark[data-a~="${SEED}-${a}"]:not(.cont)`, (els) =>
        els.map((e) => [e.id, e.textContent]),
      );
      const byId = (x: string[], y: string[]) => ((x[0] ?? '') < (y[0] ?? '') ? -1 : 1);
      expect(marks.sort(byId)).toEqual(
        anomaly.evidence.map((e, i) => [`e-${SEED}-${SEED}-${a}-${i}`, e.text]).sort(byId),
      );
      if (anomaly.ruleId === 'breakdown-sum-mismatch') {
        await page.screenshot({ path: join(ARTIFACTS, 'html-report-seed.png') });
      }
    }
  });

  it('highlights the table 三 cell of an anomaly and lands on it from its evidence', async () => {
    // Whichever anomaly of the pingtan reports has a piece of evidence on a table 三 cell.
    const found = [PINGTAN_B, PINGTAN].flatMap((r) =>
      (reports[r] as Report).anomalies.flatMap((anomaly, a) =>
        anomaly.evidence.flatMap((e, i) => {
          const key = Object.entries((reports[r] as Report).figures).find(
            ([k, f]) =>
              k.startsWith('requests.') &&
              f.source === 'table' &&
              f.span[0] < e.span[1] &&
              e.span[0] < f.span[1],
          )?.[0];
          return key && !e.file ? [{ r, a, i, key, anomaly }] : [];
        }),
      ),
    );
    expect(found.length).toBeGreaterThan(0);
    const { r, a, i, key, anomaly } = found[0] as (typeof found)[number];
    await row(r, a).locator('td:nth-child(6) a').click();
    const cellId = `c-${r}-${key}`;
    expect(await page.getAttribute(`[id="${cellId}"]`, 'class')).toContain('current');
    // From the report's own anomaly list, the ▦ link of that evidence lands on the cell.
    await page.click(`#a-${r}-${a} .evs li:nth-child(${i + 1}) a.cell-link`);
    const landed = (await page.evaluate(LANDED)) as Landed | null;
    expect(landed).toMatchObject({ tag: 'TD', current: true, inView: true });
    expect(await page.evaluate('document.activeElement.id')).toBe(cellId);
    expect(landed?.text).toBe((reports[r] as Report).figures[key]?.stated);
    expect(await page.evaluate(`!!document.activeElement.closest('table.t3')`)).toBe(true);
    expect(anomaly.evidence[i]?.text).toContain(landed?.text ?? '-');
  });

  it('follows a table cell to its digits in the text and back', async () => {
    const id = 'requests.newReceived.natural';
    const fig = (reports[PINGTAN] as Report).figures[id];
    await open(PINGTAN);
    await page.click(`[id="c-${PINGTAN}-${id}"]`);
    const landed = (await page.evaluate(LANDED)) as Landed | null;
    expect(landed).toMatchObject({ tag: 'SPAN', text: fig?.stated, current: true, inView: true });
    expect(landed?.hash).toBe(`#f-${PINGTAN}-${id}`);
    await page.click(`[id="f-${PINGTAN}-${id}"]`);
    expect(await page.evaluate('document.activeElement.id')).toBe(`c-${PINGTAN}-${id}`);
  });

  it.each([
    ['B', 23],
    ['C', 25],
  ] as const)('renders table 三 of a pingtan era %s report as a real 7-column table', async (_era, n) => {
    const r = _era === 'B' ? PINGTAN_B : PINGTAN;
    const t3 = page.locator(`#r-${r} table.t3`);
    await open(r);
    const header = await t3.locator('thead tr').nth(2).locator('th').allTextContents();
    expect(header).toEqual(['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他']);
    const figures = (reports[r] as Report).figures;
    const cols = ['natural', 'commercial', 'research', 'publicInterest', 'legalService', 'otherOrg', 'total'];
    const rows = t3.locator('tbody tr');
    await expect(rows.count()).resolves.toBe(n);
    for (const [i, label, key] of [
      [0, '一、本年新收政府信息公开申请数量', 'newReceived'],
      [n - 2, '（七）总计', 'resultTotal'],
    ] as const) {
      expect(await rows.nth(i).locator('th').last().textContent()).toBe(label);
      const cells = await rows.nth(i).locator('td').allTextContents();
      expect(cells).toEqual(cols.map((c) => figures[`requests.${key}.${c}`]?.stated ?? ''));
    }
    expect(new Set((await page.evaluate(ROW_WIDTHS(r))) as number[])).toEqual(new Set([10]));
    await t3.screenshot({ path: join(ARTIFACTS, `html-report-table3-${_era}.png`) });
  });

  it('draws the source tables of a web page report as real tables', async () => {
    await page.click(`#r-${PINGTAN_HTML} > summary`);
    await page.click(`#r-${PINGTAN_HTML} details.grids > summary`);
    const grids = page.locator(`#r-${PINGTAN_HTML} table.grid`);
    await expect(grids.count()).resolves.toBe((reports[PINGTAN_HTML] as Report).tables.length);
    expect(await grids.first().isVisible()).toBe(true);
  });

  it('filters by rule', async () => {
    const rule = 'breakdown-sum-mismatch';
    const expected = reports
      .map((r, i) => (r.anomalies.some((a) => a.ruleId === rule) ? i : -1))
      .filter((i) => i >= 0);
    const n = reports.reduce((k, r) => k + r.anomalies.filter((a) => a.ruleId === rule).length, 0);
    await page.selectOption('#f-rule', rule);
    const visible = await page.$$eval('#anomaly-table tbody tr', (rows) =>
      rows.filter((r) => !r.hidden).map((r) => r.getAttribute('data-rule')),
    );
    expect(visible).toEqual(Array(n).fill(rule));
    for (let r = 0; r < reports.length; r++)
      expect(await page.isVisible(`#r-${r}`)).toBe(expected.includes(r));
    const items = await page.$$eval(`#r-${SEED} li.anom`, (li) => li.filter((l) => !l.hidden).length);
    expect(items).toBe((reports[SEED] as Report).anomalies.filter((a) => a.ruleId === rule).length);
    expect(await page.textContent('#filter-count')).toBe(
      `异常 ${n} / ${total()} · 报告 ${expected.length} / 4`,
    );
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: join(ARTIFACTS, 'html-report-filtered.png') });
    await page.click('#f-reset');
    expect(await page.textContent('#filter-count')).toBe(`异常 ${total()} / ${total()} · 报告 4 / 4`);
  });

  it('sorts the anomaly list by a clicked header', async () => {
    await page.click('#anomaly-table th:nth-child(2) button');
    const rules = await page.$$eval('#anomaly-table tbody tr td:nth-child(2)', (tds) =>
      tds.map((t) => t.textContent ?? ''),
    );
    expect(rules).toEqual([...rules].sort((a, b) => a.localeCompare(b, 'zh')));
    expect(await page.getAttribute('#anomaly-table th:nth-child(2)', 'aria-sort')).toBe('ascending');
  });

  it('opens a deep link to an evidence mark from the address', async () => {
    const target = `e-${SEED}-${SEED}-0-0`;
    await page.goto(`${page.url().split('#')[0]}#${target}`);
    await page.reload();
    const landed = (await page.evaluate(LANDED)) as Landed | null;
    expect(landed).toMatchObject({
      tag: 'MARK',
      text: (reports[SEED] as Report).anomalies[0]?.evidence[0]?.text,
    });
    expect(landed).toMatchObject({ current: true, inView: true, hash: `#${target}` });
  });

  it('shows injected markup as text and never runs it', async () => {
    expect(pageErrors).toEqual([]);
    await page.goto(pathToFileURL(hostileFile).href);
    const body = page.locator('#r-0 .body'); // a one-report page opens its report at load
    expect(await body.locator('.text').textContent()).toContain('</script><script>window.__pwned=1</script>');
    expect(await page.locator('#r-0 summary .file').textContent()).toContain(
      '<script>window.__pwned=3</script>',
    );
    await page.click('#anomaly-table tbody tr td:nth-child(6) a');
    expect(await page.evaluate('document.activeElement.textContent')).toBe('84');
    expect(await page.evaluate('window.__pwned')).toBeUndefined();
    expect(await page.locator('img').count()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});

describe.runIf(process.env.CI === 'true' && !HAS_CHROMIUM)('CI browser', () => {
  it('has chromium installed (.ci/run installs it)', () => {
    expect.fail(NO_CHROMIUM);
  });
});
