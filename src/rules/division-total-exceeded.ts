/**
 * division-total-exceeded — a body's figure is larger than the same figure of the government of the
 * division it lies in, for the same year.
 *
 * What: within a batch, every report whose agency key has a division code (see `agencyKey` in src/agency)
 * is compared with the report of the nearest enclosing government in the batch for the same year (洪泽区
 * 320813 and its departments with 淮安市 3208): requests received, administrative reviews and lawsuits
 * of the lower body must not exceed the parent's, nor may the sum over two or more lower bodies (reported
 * on the parent). Smaller figures are silent.
 *
 * Why it matters to auditors: a division's report that counts fewer requests than one of its own
 * counties or departments has either left them out or mistyped its own count.
 *
 * Known false positives: a parent report that counts only its own office (本级) rather than the division.
 */

import type { DigestFigure, ReportDigest } from './digest.js';
import { defineCrossRule } from './rule.js';
import { agencyKeyOf, digestEvidence } from './util/chain.js';

/**
 * The totals a division's government report should not fall below in any of its parts.
 *
 * @example
 * DIVISION_TOTALS.includes('core.requestsReceived'); // true
 */
export const DIVISION_TOTALS = ['core.requestsReceived', 'core.reviewTotal', 'core.litigationTotal'];

const NAMES: Record<string, string> = {
  'core.requestsReceived': '收到政府信息公开申请',
  'core.reviewTotal': '行政复议',
  'core.litigationTotal': '行政诉讼',
};

/** The division code of a digest's agency and whether it is that division's government. */
function divisionOf(d: ReportDigest): { code: string; government: boolean } | undefined {
  if (d.agencyBasis !== 'division' && d.agencyBasis !== 'linked') return undefined;
  const m = /^(\d+)(\/)?/.exec(agencyKeyOf(d) ?? '');
  return m ? { code: m[1] as string, government: !m[2] } : undefined;
}

/**
 * The `division-total-exceeded` cross-report rule (described in the header of this file), registered in registry.ts.
 *
 * @example
 * checkAcross(digests, { 'division-total-exceeded': 'warning' }, defaultAgencyResolver());
 */
export const divisionTotalExceeded = defineCrossRule({
  id: 'division-total-exceeded',
  meta: {
    severity: 'warning',
    category: 'across',
    description: {
      zh: '下级机构的数字超过其所在区划政府同年的总数',
      en: 'A lower body’s figure exceeds the total of its division’s government for the same year',
    },
    why: 'A division’s report that counts fewer requests, reviews or lawsuits than one of its own counties or departments, or than several of them together, has left them out or mistyped its own count.',
    falsePositives: 'A parent report that counts only its own office (本级), not the whole division.',
  },
  messages: {
    exceeds: {
      zh: '{name} {current} 件，超过上级 {parent} 同年报告的 {total} 件',
      en: '{name}: {current}, more than the {total} of {parent} for the same year',
    },
    sumExceeds: {
      zh: '{name}：下级 {count} 个机构合计 {sum} 件，超过本级报告的 {total} 件',
      en: '{name}: {count} lower bodies sum to {sum}, more than the {total} of this report',
    },
  },
  check(digests, ctx) {
    const governments = new Map<string, ReportDigest>();
    for (const d of digests) {
      const division = divisionOf(d);
      if (!division?.government || d.reportYear === undefined) continue;
      const at = `${division.code}|${d.reportYear}`;
      if (!governments.has(at)) governments.set(at, d);
    }
    // Per parent report, its lower bodies by agency key (one report each: copies of a report count once).
    const lower = new Map<ReportDigest, Map<string, ReportDigest>>();
    for (const d of digests) {
      const division = divisionOf(d);
      if (!division || d.reportYear === undefined) continue;
      // The nearest enclosing government: the division's own for a department, else a shorter code.
      let parent: ReportDigest | undefined;
      for (let len = division.government ? division.code.length - 1 : division.code.length; len >= 2; len--) {
        parent = governments.get(`${division.code.slice(0, len)}|${d.reportYear}`);
        if (parent) break;
      }
      if (!parent) continue;
      const siblings = lower.get(parent) ?? new Map<string, ReportDigest>();
      const who = agencyKeyOf(d) ?? d.file;
      if (!siblings.has(who)) siblings.set(who, d);
      lower.set(parent, siblings);
      for (const key of DIVISION_TOTALS) {
        const own = d.figures[key];
        const total = parent.figures[key];
        if (!own || !total || own.value <= total.value) continue;
        ctx.report({
          file: d.file,
          line: own.line,
          messageId: 'exceeds',
          data: {
            name: NAMES[key] ?? key,
            current: own.value,
            total: total.value,
            parent: parent.agency ?? agencyKeyOf(parent) ?? '',
            parentKey: agencyKeyOf(parent) ?? '',
            agencyKey: agencyKeyOf(d) ?? '',
          },
          place: own.span,
          evidence: [
            digestEvidence('part', key, own),
            digestEvidence('division-total', key, total, parent.file),
          ],
          actual: own.value,
          expected: `<= ${total.value}`,
        });
      }
    }
    for (const [parent, siblings] of lower) {
      for (const key of DIVISION_TOTALS) {
        const total = parent.figures[key];
        const parts = [...siblings.values()].filter((d) => d.figures[key]);
        if (!total || parts.length < 2) continue;
        const values = parts.map((d) => (d.figures[key] as DigestFigure).value);
        const sum = values.reduce((a, b) => a + b, 0);
        // One part above the total is already reported on that part.
        if (sum <= total.value || values.some((v) => v > total.value)) continue;
        ctx.report({
          file: parent.file,
          line: total.line,
          messageId: 'sumExceeds',
          data: {
            name: NAMES[key] ?? key,
            count: parts.length,
            sum,
            total: total.value,
            agencyKey: agencyKeyOf(parent) ?? '',
          },
          place: total.span,
          evidence: [
            digestEvidence('division-total', key, total),
            ...parts.map((d) => digestEvidence('part', key, d.figures[key] as DigestFigure, d.file)),
          ],
          actual: sum,
          expected: `<= ${total.value}`,
        });
      }
    }
  },
});
