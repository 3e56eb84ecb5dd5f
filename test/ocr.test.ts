import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseBuffer } from '../src/core/pipeline.js';
import { loadBuffer } from '../src/load/index.js';
import type { Report } from '../src/model/index.js';
import { corpusPath, fixturePath } from './helpers/corpus.js';

// OCR costs seconds of CPU a page: these tests read ten pages in all (fixtures made by
// scripts/make-scan-fixtures.mjs, from the corpus PDFs at 150 dpi, turned and speckled), each scan once, in
// hooks with their own time limits.
const parse = (path: string, ocr = {}) => parseBuffer(readFileSync(path), { file: path, ocr });
const OCR_TIMEOUT = 900_000;

/** The original's figures on `pages` (its page numbers) and those the scan reads with the same value. */
function figuresOf(scan: Report, original: Report, pages: number[]) {
  const wanted = Object.entries(original.figures).filter(([, f]) => pages.includes(f.origin?.page ?? 0));
  const same = wanted.filter(([key, f]) => scan.figures[key]?.value === f.value);
  const wrong = wanted.filter(([key, f]) => scan.figures[key] && scan.figures[key]?.value !== f.value);
  return { wanted, same, wrong: wrong.map(([key]) => key) };
}

/**
 * The anomalies found in tables, as rule id and table place (table, row, column of each piece of
 * evidence), with pages counted from `firstPage`; those with evidence outside the tables are left out.
 */
function tableAnomalies(report: Report, firstPage = 1): string[] {
  return report.anomalies
    .filter((a) => a.evidence.length && a.evidence.every((e) => e.origin?.table !== undefined))
    .map((a) => {
      const at = a.evidence.map((e) => {
        const o = e.origin as { page?: number; table?: number; row?: number; col?: number };
        return `p${(o.page ?? 0) - firstPage + 1} t${o.table} r${o.row} c${o.col}`;
      });
      return `${a.ruleId} @ ${at.join(', ')}`;
    })
    .sort();
}

describe('OCR of a scanned report (hongze-2023.pdf, all five pages)', () => {
  let scan: Report;
  let original: Report;

  beforeAll(async () => {
    scan = await parse(fixturePath('scan-hongze-2023.pdf'));
    original = await parse(corpusPath('hongze-2023.pdf'));
  }, OCR_TIMEOUT);

  it('reads every figure of the text-layer original from the scan, each with its OCR reading', () => {
    expect(scan.format).toBe('pdf');
    expect(scan.stats.ocrPages).toEqual([1, 2, 3, 4, 5]);
    const { wanted, same, wrong } = figuresOf(scan, original, [1, 2, 3, 4, 5]);
    expect(wanted.length).toBe(194);
    // Measured: 194 of 194. What is read is read right: no figure comes out with another value.
    expect(same.length / wanted.length).toBeGreaterThanOrEqual(0.95);
    expect(wrong).toEqual([]);
    // The row cut by the page break without a bottom border, and the review/litigation table.
    expect(scan.figures['requests.unavailable.needsCreation.total']?.value).toBe(3);
    expect(scan.figures['review.upheld']?.value).toBe(10);
    expect(scan.figures['litigation.afterReview.upheld']?.value).toBe(5);
    expect(scan.figures['requests.newReceived.total']).toMatchObject({ value: 21, source: 'table' });
    const reading = scan.figures['requests.newReceived.total']?.ocr;
    expect(reading?.page).toBe(3);
    expect(reading?.confidence).toBeGreaterThan(0.9);
    // A box on the page, inside the table (which spans about 80–520 pt); two cells of the row read `21`
    // (自然人 and 总计) and the reading may name either: the match is by text, not by cell.
    expect(reading?.box[0]).toBeGreaterThan(80);
    expect(reading?.box[2]).toBeLessThan(525);
    expect(scan.figures['active.penalty.decisions']?.value).toBe(4119);
    expect(scan.figures['active.fees.amount']?.value).toBe(7730.28);
    for (const f of Object.values(scan.figures)) if (!f.derived) expect(f.ocr).toBeDefined();
  });

  it('finds the same anomalies at the same places, lowered to warnings as seen only in OCR text', () => {
    const places = tableAnomalies(original);
    // The report's own error: the review and litigation totals are blank (0) beside non-zero results.
    expect(places).toEqual([
      'review-litigation-total @ p4 t2 r3 c14, p4 t2 r3 c10, p4 t2 r3 c11, p4 t2 r3 c12, p4 t2 r3 c13',
      'review-litigation-total @ p4 t2 r3 c4, p4 t2 r3 c0, p4 t2 r3 c1, p4 t2 r3 c2, p4 t2 r3 c3',
    ]);
    expect(tableAnomalies(scan)).toEqual(places);
    const rest = (r: Report) => r.anomalies.filter((a) => a.severity !== 'info').map((a) => a.ruleId);
    expect(rest(scan)).toEqual(rest(original));
    expect(original.anomalies.filter((a) => a.severity === 'error')).toHaveLength(2);
    expect(scan.anomalies.filter((a) => a.severity === 'error')).toEqual([]);
    for (const a of scan.anomalies.filter((x) => x.ruleId === 'review-litigation-total')) {
      expect(a).toMatchObject({ severity: 'warning', data: { ocr: true } });
    }
  });
});

describe('OCR of another template table design (pingtan-syq-2022.pdf pages 4–6)', () => {
  let scan: Report;
  let original: Report;

  beforeAll(async () => {
    scan = await parse(fixturePath('scan-pingtan-syq-2022-p4-6.pdf'));
    original = await parse(corpusPath('pingtan-syq-2022.pdf'));
  }, OCR_TIMEOUT);

  it('reads the figures of those pages as the text layer does', () => {
    const { wanted, same, wrong } = figuresOf(scan, original, [4, 5, 6]);
    expect(wanted.length).toBe(206);
    // Measured: 206 of 206, narrow label cells wrapped over up to six lines included.
    expect(same.length / wanted.length).toBeGreaterThanOrEqual(0.95);
    expect(wrong).toEqual([]);
    expect(scan.figures['requests.unavailable.notHeld.total']?.value).toBe(37);
    expect(scan.figures['requests.otherHandling.other.commercial']?.value).toBe(2);
  });

  it('finds no table anomaly the text layer does not', () => {
    // The original's two findings compare the tables with prose of page 3, which the scan leaves out.
    const onPages = original.anomalies.filter((a) =>
      a.evidence.every((e) => [4, 5, 6].includes(e.origin?.page ?? 0)),
    );
    expect(onPages.filter((a) => a.severity !== 'info')).toEqual([]);
    expect(tableAnomalies(scan)).toEqual([]);
  });
});

describe('OCR of single scanned pages', () => {
  it(
    'reads the scanned page of a mixed PDF and keeps the text page as it is',
    async () => {
      const loaded = await loadBuffer(readFileSync(fixturePath('invented-mixed-scan.pdf')));
      expect(loaded.text).toContain('本年度主动公开政府信息64条，依申请公开3件。');
      expect(loaded.text).toContain('六、其他需要报告的事项');
      expect(loaded.text).toContain('全年收取政府信息公开信息处理费0元');
      expect(loaded.ocr?.every((r) => r.page === 2)).toBe(true);
      const at = loaded.text.indexOf('六、其他需要报告的事项');
      expect(loaded.anchors.find((a) => a.span[0] <= at && at < a.span[1])?.origin.page).toBe(2);
      // With OCR off the scanned page is lost, as before, and said so.
      const off = await loadBuffer(readFileSync(fixturePath('invented-mixed-scan.pdf')), {
        ocr: { mode: 'off' },
      });
      expect(off.text).not.toContain('六、');
      expect(off.warnings).toContain('page 2 has no text layer');
    },
    OCR_TIMEOUT,
  );

  it(
    'reads an image file of a report page',
    async () => {
      const path = fixturePath('scan-hongze-2023-p5-top.png');
      const loaded = await loadBuffer(readFileSync(path), { path });
      expect(loaded.format).toBe('image');
      expect(loaded.text).toContain('六、其他需要报告的事项');
      expect(loaded.text).toContain('2023年，区政府严格落实《政府信息公开信息处理费管理办');
      expect(loaded.text).toContain('全年收取政府信息公开信息处理费0元');
      await expect(loadBuffer(readFileSync(path), { path, ocr: { mode: 'off' } })).rejects.toMatchObject({
        code: 'ocr-off',
      });
    },
    OCR_TIMEOUT,
  );

  it(
    'gives a page without any text a clear no-text-layer failure after OCR finds nothing',
    async () => {
      await expect(loadBuffer(readFileSync(fixturePath('invented-scan.pdf')))).rejects.toMatchObject({
        code: 'no-text-layer',
        message: expect.stringContaining('OCR found no text either'),
      });
    },
    OCR_TIMEOUT,
  );
});
