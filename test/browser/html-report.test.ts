/**
 * The HTML report in a real browser: Debian's chromium (never a downloaded one) driven by playwright-core.
 * Opens a page made from corpus reports plus the seed, follows anomaly links, filters, and saves
 * screenshots under test/artifacts/.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseText } from '../../src/core/pipeline.js';
import { renderHtmlReport } from '../../src/format/html.js';
import type { Report } from '../../src/model/index.js';
import { HAS_CORPUS, NO_CORPUS, ROOT } from '../helpers/corpus.js';
import { pingtanReport, seedReport } from '../helpers/html-report-fixtures.js';

const CHROMIUM = process.env.XXGK_CHROMIUM ?? '/usr/bin/chromium';
const HAS_CHROMIUM = existsSync(CHROMIUM);
const NO_CHROMIUM = `skipped: ${CHROMIUM} not found; install Debian's chromium (apt-get install chromium) to run the browser test`;
if (!HAS_CHROMIUM) console.warn(NO_CHROMIUM);
if (!HAS_CORPUS) console.warn(NO_CORPUS);
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
/** Grid width of every body row of the pingtan table 三, counting cells that rowspans carry down. */
const ROW_WIDTHS = `(() => {
  const body = document.querySelector('#r-0 table.t3').tBodies[0];
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

describe.skipIf(!HAS_CHROMIUM || !HAS_CORPUS)('HTML report in headless chromium', () => {
  let context: BrowserContext;
  let page: Page;
  let userData: string;
  const pageErrors: string[] = [];
  const dialogs: string[] = [];
  const requests: string[] = [];

  beforeAll(async () => {
    const reports = [pingtanReport(), seedReport(), hostileReport()];
    mkdirSync(ARTIFACTS, { recursive: true });
    const file = join(ARTIFACTS, 'html-report-e2e.html');
    writeFileSync(file, renderHtmlReport(reports, { rules: [], color: false }));
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
    await page.goto(pathToFileURL(file).href);
  });

  afterAll(async () => {
    await context?.close();
    if (userData) rmSync(userData, { recursive: true, force: true });
  });

  it('shows the batch overview and loads nothing but the file itself', async () => {
    await expect(page.locator('#anomaly-table tbody tr').count()).resolves.toBe(7);
    await expect(page.locator('#report-table tbody tr').count()).resolves.toBe(3);
    await expect(page.locator('svg.chart').count()).resolves.toBe(2);
    expect(await page.textContent('#filter-count')).toBe('异常 7 / 7 · 报告 3 / 3');
    expect(requests.every((u) => u.startsWith('file:'))).toBe(true);
    expect(pageErrors).toEqual([]);
  });

  it('lists the seed anomalies, each landing on its highlighted evidence in view', async () => {
    const seedRows = page.locator('#anomaly-table tbody tr[data-r="1"]');
    await expect(seedRows.count()).resolves.toBe(5);
    const expected: Array<[string, string]> = [
      ['period-year-mismatch', '截至2019年12月31日'],
      ['period-year-mismatch', '2019年'],
      ['signed-before-period-end', '2019年1月14日'],
      ['breakdown-sum-mismatch', '84'],
      ['subset-exceeds-total', '近万'],
    ];
    for (let i = 0; i < expected.length; i++) {
      const [rule, evidence] = expected[i] ?? ['', ''];
      const row = seedRows.nth(i);
      expect(await row.getAttribute('data-rule')).toBe(rule);
      await row.locator('td:nth-child(6) a').click();
      const landed = (await page.evaluate(LANDED)) as Landed | null;
      expect(landed).toMatchObject({ tag: 'MARK', text: evidence, current: true, inView: true });
      expect(landed?.background).toBe('rgb(255, 241, 118)');
      expect(landed?.hash).toMatch(/^#e-1-1-\d+-0$/);
    }
    // The last click was subset-exceeds-total: its two evidence marks are highlighted, nothing else.
    const marks = await page.$$eval('#r-1 .text .current', (els) => els.map((e) => e.textContent));
    expect(marks.sort()).toEqual(['84', '近万']);
    // …and so is the figure cell of the total (active.total = 84), met by the same evidence.
    const cells = await page.$$eval('#r-1 td.current', (els) => els.map((e) => e.textContent));
    expect(cells).toEqual(['84']);
    await page.screenshot({ path: join(ARTIFACTS, 'html-report-seed.png') });
  });

  it('lands on the table 三 cell of a table anomaly in the pingtan report', async () => {
    const row = page.locator('#anomaly-table tbody tr[data-r="0"]');
    await row.locator('td:nth-child(6) a').click();
    const cell = page.locator('#r-0 table.t3 td.current');
    await expect(cell.count()).resolves.toBe(1);
    expect(await cell.textContent()).toBe('74');
    expect(await cell.evaluate((el) => el.ownerDocument.activeElement === el)).toBe(true);
    const box = await cell.boundingBox();
    expect(box && box.y >= 0 && box.y + box.height <= 900).toBe(true);
    // The prose evidence in the text is highlighted too.
    const marks = await page.$$eval('#r-0 .text mark.current', (els) => els.map((e) => e.textContent));
    expect(marks.sort()).toEqual(['74', '75']);
  });

  it('follows a table cell to its digits in the text and back', async () => {
    await page.click('[id="c-0-requests.newReceived.natural"]');
    const landed = (await page.evaluate(LANDED)) as Landed | null;
    expect(landed).toMatchObject({ tag: 'SPAN', text: '71', current: true, inView: true });
    expect(landed?.hash).toBe('#f-0-requests.newReceived.natural');
    await page.click('[id="f-0-requests.newReceived.natural"]');
    expect(await page.evaluate('document.activeElement.id')).toBe('c-0-requests.newReceived.natural');
  });

  it('renders table 三 as a real 7-column table with the template row labels', async () => {
    const t3 = page.locator('#r-0 table.t3');
    const header = await t3.locator('thead tr').nth(2).locator('th').allTextContents();
    expect(header).toEqual(['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他']);
    const first = await t3.locator('tbody tr').first().locator('td').allTextContents();
    expect(first).toEqual(['71', '3', '0', '0', '0', '0', '74']);
    const total = t3.locator('tbody tr', { hasText: '（七）总计' });
    expect(await total.locator('td').allTextContents()).toEqual(['72', '3', '0', '0', '0', '0', '75']);
    // Every body row lines up: label cells (with rowspans) plus seven numbers.
    const widths = (await page.evaluate(ROW_WIDTHS)) as number[];
    expect(new Set(widths)).toEqual(new Set([10]));
    await t3.screenshot({ path: join(ARTIFACTS, 'html-report-table3.png') });
  });

  it('filters by rule', async () => {
    await page.selectOption('#f-rule', 'breakdown-sum-mismatch');
    const visible = await page.$$eval('#anomaly-table tbody tr', (rows) =>
      rows.filter((r) => !r.hidden).map((r) => r.getAttribute('data-rule')),
    );
    expect(visible).toEqual(['breakdown-sum-mismatch']);
    expect(await page.isVisible('#r-0')).toBe(false);
    expect(await page.isVisible('#r-1')).toBe(true);
    const items = await page.$$eval('#r-1 li.anom', (li) => li.filter((l) => !l.hidden).length);
    expect(items).toBe(1);
    expect(await page.textContent('#filter-count')).toBe('异常 1 / 7 · 报告 1 / 3');
    await page.screenshot({ path: join(ARTIFACTS, 'html-report-filtered.png'), fullPage: false });
    await page.click('#f-reset');
    expect(await page.textContent('#filter-count')).toBe('异常 7 / 7 · 报告 3 / 3');
  });

  it('sorts the anomaly list by a clicked header', async () => {
    await page.click('#anomaly-table th:nth-child(2) button');
    const rules = await page.$$eval('#anomaly-table tbody tr td:nth-child(2)', (tds) =>
      tds.map((t) => t.textContent ?? ''),
    );
    expect(rules).toEqual([...rules].sort((a, b) => a.localeCompare(b, 'zh')));
    expect(await page.getAttribute('#anomaly-table th:nth-child(2)', 'aria-sort')).toBe('ascending');
  });

  it('shows injected markup as text and never runs it', async () => {
    await page.click('#report-table tbody tr[data-r="2"] a');
    const body = page.locator('#r-2 .body');
    expect(await body.locator('.text').textContent()).toContain('</script><script>window.__pwned=1</script>');
    expect(await page.locator('#r-2 summary .file').textContent()).toContain(
      '<script>window.__pwned=3</script>',
    );
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
