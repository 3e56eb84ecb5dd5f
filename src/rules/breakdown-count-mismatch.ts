/**
 * breakdown-count-mismatch — a sentence announces a number of categories and lists another number.
 *
 * What: reads the breakdown claims whose sentence announces how many categories the parts fall into
 * (`共计十一大类(其中政府领导231条、…、其他3条)`, `共发布信息120条，分为五大类，其中…`) and compares that
 * number with the parts listed.
 *
 * Why it matters to auditors: a list that does not match its own announced size was edited without the
 * sentence being updated: a category was added, dropped or split, and the parts cannot be trusted to
 * add up to the total.
 *
 * Known false positives: a category listed with two counts (`…类信息20条、其中政策解读5条`) that the
 * claims layer reads as two parts.
 */
import type { BreakdownClaim } from '../model/index.js';
import { defineRule } from './rule.js';

type Announced = BreakdownClaim & { categories: NonNullable<BreakdownClaim['categories']> };

/**
 * The `breakdown-count-mismatch` rule (described in the header of this file), registered in registry.ts.
 *
 * @example
 * checkReport(report).filter((a) => a.ruleId === 'breakdown-count-mismatch');
 */
export const breakdownCountMismatch = defineRule({
  id: 'breakdown-count-mismatch',
  meta: {
    severity: 'warning',
    category: 'arithmetic',
    description: {
      zh: '正文所称分类数与所列分项数不符',
      en: 'The number of categories announced differs from the parts listed',
    },
    why: 'A list that does not match its own announced size was edited without the sentence being updated, so its parts cannot be trusted to make up the total.',
    falsePositives: 'A category listed with a sub-count of its own that is read as a further part.',
  },
  messages: {
    count: {
      zh: '正文称共{announced}类，所列分项为 {listed} 项',
      en: 'The text announces {announced} categories but lists {listed}',
    },
  },
  check(report, ctx) {
    const lists = (report.claims ?? []).filter(
      (c): c is Announced => c.kind === 'breakdown' && c.categories !== undefined,
    );
    for (const b of lists) {
      const listed = b.parts.length;
      if (listed < 2 || listed === b.categories.value) continue;
      ctx.report({
        messageId: 'count',
        data: { announced: b.categories.value, listed },
        place: b.categories.span,
        evidence: [
          ctx.evidence('categories', b.categories.span, { value: b.categories.value }),
          ...b.parts.map((p) => ctx.evidence('part', p.span, { value: p.value })),
        ],
        actual: listed,
        expected: b.categories.value,
      });
    }
  },
});
