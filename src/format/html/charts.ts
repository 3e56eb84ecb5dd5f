import type { Severity } from '../../model/index.js';
import { escapeHtml as h } from './escape.js';

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];
const SEV_ZH: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

/**
 * Anomaly counts of one rule by severity.
 *
 * @example
 * const rc: RuleCount = { ruleId: 'table-row-sum', counts: { error: 3, warning: 0, info: 0 } };
 */
export interface RuleCount {
  ruleId: string;
  counts: Record<Severity, number>;
}

/**
 * A horizontal stacked bar chart of anomalies by rule (bars split by severity), as inline SVG.
 *
 * @example
 * ruleChart([{ ruleId: 'breakdown-sum-mismatch', counts: { error: 2, warning: 0, info: 0 } }]);
 */
export function ruleChart(rules: readonly RuleCount[]): string {
  if (rules.length === 0) return '';
  const labelW = 210;
  const barW = 300;
  const rowH = 22;
  const max = Math.max(1, ...rules.map((r) => total(r)));
  const height = rules.length * rowH + 28;
  const rows = rules.map((r, i) => {
    const y = i * rowH + 4;
    let x = labelW;
    const segs = SEVERITIES.map((s) => {
      const w = (r.counts[s] / max) * barW;
      const rect =
        r.counts[s] > 0
          ? `<rect class="bar sev-${s}" x="${x.toFixed(1)}" y="${y}" width="${Math.max(w, 1).toFixed(1)}" height="${rowH - 6}"><title>${h(`${r.ruleId} · ${SEV_ZH[s]} ${r.counts[s]}`)}</title></rect>`
          : '';
      x += w;
      return rect;
    }).join('');
    const label = r.ruleId.length > 30 ? `${r.ruleId.slice(0, 29)}…` : r.ruleId;
    return `<text class="lbl" x="${labelW - 6}" y="${y + rowH - 10}" text-anchor="end">${h(label)}<title>${h(r.ruleId)}</title></text>${segs}<text class="cnt" x="${(x + 4).toFixed(1)}" y="${y + rowH - 10}">${total(r)}</text>`;
  });
  return `<svg class="chart" role="img" aria-label="按规则统计的异常数" viewBox="0 0 ${labelW + barW + 50} ${height}" width="${labelW + barW + 50}" height="${height}" xmlns="http://www.w3.org/2000/svg">${rows.join('')}${legend(
    SEVERITIES.map((s) => [`sev-${s}`, SEV_ZH[s]]),
    labelW,
    height - 8,
  )}</svg>`;
}

/**
 * Report counts of one year by era (`?` = not detected).
 *
 * @example
 * const yc: YearCount = { year: '2022', eras: { C: 4, '?': 1 } };
 */
export interface YearCount {
  year: string;
  eras: Record<string, number>;
}

const ERAS = ['A', 'B', 'C', '?'];

/**
 * A vertical stacked bar chart of reports by year, split by format era, as inline SVG.
 *
 * @example
 * yearChart([{ year: '2018', eras: { A: 3 } }, { year: '2022', eras: { C: 2 } }]);
 */
export function yearChart(years: readonly YearCount[]): string {
  if (years.length === 0) return '';
  const colW = 34;
  const plotH = 120;
  const top0 = 16; // room for the count above the tallest bar
  const base = top0 + plotH;
  const left = 30;
  const max = Math.max(1, ...years.map((y) => ERAS.reduce((n, e) => n + (y.eras[e] ?? 0), 0)));
  const width = left + years.length * colW + 10;
  const cols = years.map((y, i) => {
    const x = left + i * colW + 4;
    let top = base;
    const segs = ERAS.map((e) => {
      const n = y.eras[e] ?? 0;
      if (n === 0) return '';
      const hgt = (n / max) * plotH;
      top -= hgt;
      return `<rect class="bar era-${e === '?' ? 'x' : e}" x="${x}" y="${top.toFixed(1)}" width="${colW - 8}" height="${Math.max(hgt, 1).toFixed(1)}"><title>${h(`${y.year} · ${e === '?' ? '未识别' : `纪元 ${e}`} ${n}`)}</title></rect>`;
    }).join('');
    const sum = ERAS.reduce((n, e) => n + (y.eras[e] ?? 0), 0);
    return `${segs}<text class="cnt" x="${x + (colW - 8) / 2}" y="${(top - 3).toFixed(1)}" text-anchor="middle">${sum}</text><text class="lbl" x="${x + (colW - 8) / 2}" y="${base + 14}" text-anchor="middle">${h(y.year)}</text>`;
  });
  const height = base + 46;
  return `<svg class="chart" role="img" aria-label="按年度和格式纪元统计的报告数" viewBox="0 0 ${Math.max(width, 320)} ${height}" width="${Math.max(width, 320)}" height="${height}" xmlns="http://www.w3.org/2000/svg"><line class="axis" x1="${left}" y1="${base}" x2="${width - 6}" y2="${base}"/>${cols.join('')}${legend(
    ERAS.map((e) => [`era-${e === '?' ? 'x' : e}`, e === '?' ? '未识别' : `纪元 ${e}`]),
    left,
    height - 6,
  )}</svg>`;
}

function legend(items: string[][], x0: number, y: number): string {
  return items
    .map(([cls, label], i) => {
      const x = x0 + i * 70;
      return `<rect class="bar ${cls}" x="${x}" y="${y - 9}" width="10" height="10"/><text class="lbl" x="${x + 14}" y="${y}">${h(label)}</text>`;
    })
    .join('');
}

function total(r: RuleCount): number {
  return r.counts.error + r.counts.warning + r.counts.info;
}
