/**
 * subset-exceeds-total — a count that is part of a total is larger than that total.
 *
 * What: the total of actively published information (`active.total`, or the largest count the prose
 * claims for it this year) against the counts of items the prose claims in sentences about the key areas
 * (重点领域 in running text, not in a heading): key-area items are a part of the actively published
 * information, so they cannot outnumber it. Qualified counts are compared by their lower bound
 * (近万 ≥ 9000).
 *
 * Why it matters to auditors: the seed report states 84 items published in total and “近万条” items in
 * key areas; one of the two numbers is wrong by two orders of magnitude.
 *
 * Known false positives: key-area counts that include items published by other bodies (a 全市 or 全区
 * figure in a department report), which is itself worth a look.
 */
import type { Claim, CountClaim } from '../model/index.js';
import { defineRule } from './rule.js';
import { lowerBound } from './util/numbers.js';

/** 重点领域 in running text; a heading such as 重点领域政府信息公开情况 names a section, not these items. */
const KEY_AREA = /重点领域(?![^，。；,;\s]{0,12}情况)/;

/**
 * The `subset-exceeds-total` rule (described in the header of this file), registered in registry.ts.
 *
 * @example
 * checkReport(report, { 'subset-exceeds-total': 'error' }).filter((a) => a.ruleId === 'subset-exceeds-total');
 */
export const subsetExceedsTotal = defineRule({
  id: 'subset-exceeds-total',
  meta: {
    severity: 'error',
    category: 'arithmetic',
    description: {
      zh: '部分数大于其所属总数',
      en: 'A count that is part of a total exceeds that total',
    },
    why: 'A part larger than the whole means one of the two numbers is wrong, often by orders of magnitude; the published total cannot be relied on.',
    falsePositives:
      'Key-area counts that include items published by other bodies (a 全市 figure in a department report).',
  },
  messages: {
    keyArea: {
      zh: '重点领域公开信息{part}条，多于主动公开信息总数{total}条',
      en: 'Key-area items ({part}) outnumber all actively published items ({total})',
    },
  },
  check(report, ctx) {
    const text = ctx.text;
    if (!text) return;
    const claims = report.claims ?? [];
    const total = activeTotal(report.figures['active.total'], claims);
    if (!total) return;
    const seen = new Set<number>([total.span[0]]);
    for (const c of claims) {
      if (c.kind !== 'count' || c.unit !== '条' || seen.has(c.span[0])) continue;
      if (!KEY_AREA.test(text.slice(c.sentence[0], c.sentence[1]))) continue;
      seen.add(c.span[0]);
      if (!(lowerBound(c) > total.value)) continue;
      ctx.report({
        messageId: 'keyArea',
        data: { part: c.stated, total: total.stated },
        place: c.span,
        evidence: [
          ctx.evidence('part', c.span, { value: c.value, label: '重点领域' }),
          ctx.evidence('total', total.span, { value: total.value, label: '主动公开政府信息' }),
        ],
        actual: c.value,
        expected: `<= ${total.value}`,
      });
    }
  },
});

/** The stated proactive total: the figure, else the largest exact count the prose claims for it. */
function activeTotal(
  figure: { value: number; span: [number, number]; stated: string; derived?: true } | undefined,
  claims: Claim[],
): { value: number; span: [number, number]; stated: string } | undefined {
  if (figure && !figure.derived) return figure;
  let best: CountClaim | undefined;
  for (const c of claims) {
    if (c.kind !== 'count' || c.indicator !== 'active.total' || c.unit !== '条' || c.qualifier !== 'exact')
      continue;
    if (!best || c.value > best.value) best = c;
  }
  return best;
}
