/**
 * cumulative-chain — a 历年累计 figure does not equal last year's cumulative plus this year's count.
 *
 * What: for every `<key>@cumulative` (Fujian two-column statistics table, era A),
 * `cumulative(t) = cumulative(t−1) + <key>(t)` across the reports of one agency (same agency key, so
 * name variants of one body are one agency).
 *
 * Why it matters to auditors: the cumulative column is only useful if it accumulates; a break means a
 * year's count or a cumulative figure was mistyped (PT 2016→2017).
 *
 * Known false positives: a cumulative column restarted on purpose (new agency, new system).
 */
import { defineCrossRule } from './rule.js';
import { agencyKeyOf, digestEvidence, yearPairs } from './util/chain.js';

/**
 * The `cumulative-chain` cross-report rule (described in the header of this file), registered in registry.ts.
 *
 * @example
 * checkAcross(digests, { 'cumulative-chain': 'warning' }).filter((f) => f.anomaly.ruleId === 'cumulative-chain');
 */
export const cumulativeChain = defineCrossRule({
  id: 'cumulative-chain',
  meta: {
    severity: 'warning',
    category: 'across',
    description: {
      zh: '历年累计数与上年累计数加本年数不符',
      en: 'A cumulative figure is not last year’s cumulative plus this year',
    },
    why: 'A cumulative column is only useful if it accumulates; a break means a year’s count or a cumulative figure was mistyped.',
    falsePositives: 'A cumulative column restarted on purpose (new agency or system).',
  },
  messages: {
    chain: {
      zh: '“{key}”历年累计 {current}，应为上年累计 {previous} + 本年 {year} = {expected}',
      en: '"{key}": cumulative {current}, expected {previous} + {year} this year = {expected}',
    },
  },
  check(digests, ctx) {
    const keys = new Set(
      digests.flatMap((d) => Object.keys(d.figures).filter((k) => k.endsWith('@cumulative'))),
    );
    for (const cumKey of keys) {
      const base = cumKey.slice(0, -'@cumulative'.length);
      for (const { current, previous, sameAgency } of yearPairs(digests, (d) => cumKey in d.figures)) {
        const now = current.figures[cumKey];
        const before = previous.figures[cumKey];
        const year = current.figures[base];
        if (!now || !before || !year) continue;
        const expected = before.value + year.value;
        if (expected === now.value) continue;
        ctx.report({
          file: current.file,
          line: now.line,
          messageId: 'chain',
          data: {
            key: base,
            current: now.value,
            previous: before.value,
            year: year.value,
            expected,
            sameAgency,
            agencyKey: agencyKeyOf(current) ?? '',
          },
          place: now.span,
          evidence: [
            digestEvidence('cumulative', cumKey, now),
            digestEvidence('this-year', base, year),
            digestEvidence('previous-cumulative', cumKey, before, previous.file),
          ],
          actual: now.value,
          expected,
        });
      }
    }
  },
});
