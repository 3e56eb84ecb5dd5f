/**
 * section-order — the report's sections are not in the template's order.
 *
 * What: top-level headings matched to the era's template sections (see missing-section) must appear in
 * template order; the first heading that steps back is flagged, with the heading it comes after.
 *
 * Why it matters to auditors: the order is prescribed, so readers and tools find the tables where they
 * expect them; a swapped order often means parts were pasted together from different sources.
 *
 * A top-level run that starts again at 一 (一…六 prose, then 一…五 for the tables) is compared on its own.
 *
 * Known false positives: a run restarted by mistake, which hides an order problem across the restart.
 */
import { defineRule } from './rule.js';
import { matchTemplate, templateFor } from './util/template.js';

/**
 * The `section-order` rule (described in the header of this file), registered in registry.ts.
 *
 * @example
 * checkReport(report, { 'section-order': 'error' }).filter((a) => a.ruleId === 'section-order');
 */
export const sectionOrder = defineRule({
  id: 'section-order',
  meta: {
    severity: 'warning',
    category: 'structure',
    description: {
      zh: '章节顺序与格式要求不符',
      en: 'Sections are not in the template order',
    },
    why: 'The order is prescribed so that readers and tools find each part where they expect it; a swapped order often means parts were pasted together from different sources.',
    falsePositives:
      'A run restarted by mistake hides an order problem across the restart (each run starting at 一 is checked on its own).',
  },
  messages: {
    order: {
      zh: '“{title}”出现在“{after}”之后，与格式顺序不符',
      en: '"{title}" comes after "{after}", against the template order',
    },
  },
  check(report, ctx) {
    const era = report.meta.era;
    const top = report.sections.filter((s) => s.level === 1);
    if (!era || top.length < 2) return;
    const template = templateFor(era, ctx.text);
    let furthest: { index: number; section: (typeof top)[number] } | undefined;
    for (const [k, section] of top.entries()) {
      // A top-level run that starts again at 一 (tables after the prose) is compared on its own.
      if (k > 0 && section.ordinal === 1) furthest = undefined;
      const index = matchTemplate(section.title, template);
      if (index === -1) continue;
      if (furthest && index < furthest.index) {
        ctx.report({
          messageId: 'order',
          data: { title: section.title, after: furthest.section.title },
          place: section.span,
          evidence: [
            ctx.evidence('heading', section.span),
            ctx.evidence('earlier-heading', furthest.section.span),
          ],
          actual: section.title,
          expected: `after ${template[index]?.name ?? ''}`,
        });
        return;
      }
      if (!furthest || index > furthest.index) furthest = { index, section };
    }
  },
});
