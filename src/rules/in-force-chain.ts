/**
 * in-force-chain — 现行有效件数 does not follow from last year's count, this year's issues and repeals.
 *
 * What: for 规章 and 行政规范性文件 (2021 template), `inForce(t) = inForce(t−1) + issued(t) − repealed(t)`
 * across the reports of one agency (same agency key, so name variants of one body are one agency).
 *
 * Why it matters to auditors: the chain lets a reader verify the stock of rules in force; a break means
 * a count was mistyped or documents were cleaned up without being reported as repealed.
 *
 * Known false positives: a general clean-up (全面清理) reported in the prose rather than as 废止 (PT 2022→2023).
 */
import { defineCrossRule } from './rule.js';
import { agencyKeyOf, digestEvidence, yearPairs } from './util/chain.js';

const FAMILIES = [
  { key: 'active.normativeDocs', name: '行政规范性文件' },
  { key: 'active.regulations', name: '规章' },
];

/**
 * The `in-force-chain` cross-report rule (described in the header of this file), registered in registry.ts.
 *
 * @example
 * checkAcross(digests, { 'in-force-chain': 'warning' }).filter((f) => f.anomaly.ruleId === 'in-force-chain');
 */
export const inForceChain = defineCrossRule({
  id: 'in-force-chain',
  meta: {
    severity: 'warning',
    category: 'across',
    description: {
      zh: '现行有效件数与上年数、本年制发和废止件数不衔接',
      en: 'Documents in force do not follow from last year, issues and repeals',
    },
    why: 'The chain lets a reader verify the stock of rules in force; a break means a mistyped count or a clean-up that was not reported as repeal.',
    falsePositives: 'A general clean-up (全面清理) reported in the prose instead of as 废止.',
  },
  messages: {
    chain: {
      zh: '{name}现行有效 {current} 件，应为上年 {previous} + 本年制发 {issued} − 废止 {repealed} = {expected} 件',
      en: '{name}: {current} in force, expected {previous} + {issued} issued − {repealed} repealed = {expected}',
    },
  },
  check(digests, ctx) {
    for (const fam of FAMILIES) {
      const inForce = `${fam.key}.inForce`;
      for (const { current, previous, sameAgency } of yearPairs(digests, (d) => inForce in d.figures)) {
        const now = current.figures[inForce];
        const before = previous.figures[inForce];
        const issued = current.figures[`${fam.key}.issued`];
        const repealed = current.figures[`${fam.key}.repealed`];
        if (!now || !before || !issued) continue;
        const expected = before.value + issued.value - (repealed?.value ?? 0);
        if (expected === now.value) continue;
        ctx.report({
          file: current.file,
          line: now.line,
          messageId: 'chain',
          data: {
            sameAgency,
            agencyKey: agencyKeyOf(current) ?? '',
            name: fam.name,
            current: now.value,
            previous: before.value,
            issued: issued.value,
            repealed: repealed?.value ?? 0,
            expected,
          },
          place: now.span,
          evidence: [
            digestEvidence('in-force', inForce, now),
            digestEvidence('issued', `${fam.key}.issued`, issued),
            ...(repealed ? [digestEvidence('repealed', `${fam.key}.repealed`, repealed)] : []),
            digestEvidence('previous-in-force', inForce, before, previous.file),
          ],
          actual: now.value,
          expected,
        });
      }
    }
  },
});
