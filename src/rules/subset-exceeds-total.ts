/**
 * subset-exceeds-total — a count that is part of a total is larger than that total.
 *
 * What: the total of actively published information (`active.total`, or the largest
 * `主动公开…信息N条` statement in the text) against counts of items in sentences about the key areas
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
import { defineRule } from './rule.js';
import { findCounts, lowerBound, type TextCount } from './util/numbers.js';
import { inSpans, sentenceSpans, tableSpans } from './util/report-facts.js';

/** 重点领域 in running text; a heading such as 重点领域政府信息公开情况 names a section, not these items. */
const KEY_AREA = /重点领域(?![^，。；,;\s]{0,12}情况)/;
const ACTIVE_TOTAL = /主动公开[^。；\n]{0,12}?信息[^。；\n，,]{0,4}?/g;

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
    const tables = tableSpans(report);
    const total = activeTotal(report.figures['active.total'], text, tables);
    if (!total) return;
    const seen = new Set<number>([total.span[0]]);
    for (const [s, e] of keyAreaSpans(text)) {
      for (const c of findCounts(text, s, e)) {
        if (c.unit !== '条' || inSpans(c.span[0], tables) || seen.has(c.span[0])) continue;
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
    }
  },
});

function activeTotal(
  figure: { value: number; span: [number, number]; stated: string; derived?: true } | undefined,
  text: string,
  tables: [number, number][],
): Pick<TextCount, 'value' | 'span' | 'stated'> | undefined {
  if (figure && !figure.derived) return figure;
  let best: TextCount | undefined;
  for (const m of text.matchAll(ACTIVE_TOTAL)) {
    const end = m.index + m[0].length;
    const c = findCounts(text, end, Math.min(text.length, end + 12))[0];
    if (c?.unit !== '条' || c.qualifier !== 'exact' || c.span[0] !== end || inSpans(end, tables)) continue;
    if (!best || c.value > best.value) best = c;
  }
  return best;
}

/** Sentences that speak of items in the key areas. */
function keyAreaSpans(text: string): [number, number][] {
  return sentenceSpans(text).filter(([s, e]) => KEY_AREA.test(text.slice(s, e)));
}
