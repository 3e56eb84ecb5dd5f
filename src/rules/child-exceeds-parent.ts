/**
 * child-exceeds-parent — a “其中” row of the statistics table is larger than its parent row.
 *
 * What: 主动公开规范性文件数 ≤ 主动公开政府信息数; 主要负责同志参加新闻发布会次数 ≤ 新闻发布会总次数;
 * 主要负责同志参加在线访谈次数 ≤ 在线访谈次数.
 *
 * Why it matters to auditors: a subset cannot be larger than the set; one of the two rows is wrong.
 *
 * Known false positives: none known.
 */
import { SUBSET_PAIRS } from '../templates/era-a.js';
import { defineRule } from './rule.js';
import { figureEvidence, stated } from './util/figures.js';

/**
 * The `child-exceeds-parent` rule (described in the header of this file), registered in registry.ts.
 *
 * @example
 * checkReport(report, { 'child-exceeds-parent': 'error' }).filter((a) => a.ruleId === 'child-exceeds-parent');
 */
export const childExceedsParent = defineRule({
  id: 'child-exceeds-parent',
  meta: {
    severity: 'error',
    category: 'arithmetic',
    description: {
      zh: '“其中”项大于其上级指标',
      en: 'A 其中 row is larger than its parent row',
    },
    why: 'A subset cannot be larger than the set it belongs to; one of the two rows is wrong.',
    falsePositives: 'None known.',
  },
  messages: {
    child: {
      zh: '“{child}”为 {value}，大于“{parent}” {total}',
      en: '"{child}" is {value}, more than "{parent}" {total}',
    },
  },
  check(report, ctx) {
    for (const [childKey, parentKey] of SUBSET_PAIRS) {
      const child = stated(report, childKey);
      const parent = stated(report, parentKey);
      if (!child || !parent || child.value <= parent.value) continue;
      ctx.report({
        messageId: 'child',
        data: {
          child: child.label ?? childKey,
          value: child.value,
          parent: parent.label ?? parentKey,
          total: parent.value,
        },
        place: child.span,
        evidence: [figureEvidence('part', childKey, child), figureEvidence('total', parentKey, parent)],
        actual: child.value,
        expected: `<= ${parent.value}`,
      });
    }
  },
});
