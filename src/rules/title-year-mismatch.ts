/**
 * title-year-mismatch — the year in the title is not the year the report covers.
 *
 * What: the title's year is compared with the statistics period (统计期限 from 1 January to 31 December of
 * one year); without a stated period, with the years that open the body's statements as their topic
 * (`2015年，我街道…`, `2015年共…`): at least two such statements name one other year and none names the
 * title's year.
 *
 * Why it matters to auditors: the title year is how a report is filed and found; a report titled 2016 that
 * counts 2015 is filed under the wrong year, and its chains to the years before and after break.
 *
 * Known false positives: a body that only recounts an earlier year (a report whose statements all
 * open with the previous year because it was copied, which is itself a fault).
 */
import type { Span } from '../model/index.js';
import { OPENING_YEAR, WHOLE_YEAR } from './period-year-mismatch.js';
import { defineRule } from './rule.js';
import { inSpans, planSpans, sentenceSpans, tableSpans } from './util/report-facts.js';

/**
 * The `title-year-mismatch` rule (described in the header of this file), registered in registry.ts.
 *
 * @example
 * checkReport(report, { 'title-year-mismatch': 'warning' }).filter((a) => a.ruleId === 'title-year-mismatch');
 */
export const titleYearMismatch = defineRule({
  id: 'title-year-mismatch',
  meta: {
    severity: 'warning',
    category: 'dates',
    description: {
      zh: '标题年份与报告所统计的年度不符',
      en: 'The title’s year is not the year the report covers',
    },
    why: 'The title year is how a report is filed and found; a report titled with another year than it counts is filed under the wrong year and breaks the chains to its neighbours.',
    falsePositives: 'A body that only recounts an earlier year.',
  },
  messages: {
    period: {
      zh: '标题年份为{titleYear}年，而统计期限为{periodYear}年全年',
      en: 'The title says {titleYear}, the statistics period is the year {periodYear}',
    },
    body: {
      zh: '标题年份为{titleYear}年，而正文{count}处以{bodyYear}年为本年度表述，未提及{titleYear}年',
      en: 'The title says {titleYear}, {count} body statements speak of {bodyYear} as the current year and none of {titleYear}',
    },
  },
  check(report, ctx) {
    const text = ctx.text;
    const { meta } = report;
    const title = meta.spans.title;
    if (!text || !title) return;
    const printed = /(?:19|20)\d{2}/.exec(text.slice(title[0], title[1]));
    if (!printed) return;
    const titleYear = Number(printed[0]);
    const yearSpan: Span = [title[0] + printed.index, title[0] + printed.index + 4];
    const titleEvidence = ctx.evidence('title-year', yearSpan, { value: titleYear });
    const start = meta.periodStart?.split('-').map(Number);
    const end = meta.periodEnd?.split('-').map(Number);
    if (start && end && meta.spans.period) {
      const wholeYear =
        start[0] === end[0] && start[1] === 1 && start[2] === 1 && end[1] === 12 && end[2] === 31;
      if (wholeYear && start[0] !== titleYear) {
        ctx.report({
          messageId: 'period',
          data: { titleYear, periodYear: start[0] as number },
          place: yearSpan,
          evidence: [titleEvidence, ctx.evidence('period', meta.spans.period, { value: start[0] as number })],
          actual: titleYear,
          expected: start[0] as number,
        });
      }
      return;
    }
    const skip = [...tableSpans(report), ...planSpans(report)];
    const byYear = new Map<number, Span[]>();
    for (const [s, e] of sentenceSpans(text)) {
      if (s < title[1] || inSpans(s, skip)) continue;
      const sentence = text.slice(s, e);
      const m = OPENING_YEAR.exec(sentence) ?? WHOLE_YEAR.exec(sentence);
      if (!m?.[1]) continue;
      const at = s + m.index + m[0].indexOf(m[1]);
      const y = Number(m[1]);
      byYear.set(y, [...(byYear.get(y) ?? []), [at, at + 4]]);
    }
    if (byYear.has(titleYear)) return;
    for (const bodyYear of [titleYear - 1, titleYear + 1]) {
      const spans = byYear.get(bodyYear) ?? [];
      if (spans.length < 2) continue;
      ctx.report({
        messageId: 'body',
        data: { titleYear, bodyYear, count: spans.length },
        place: yearSpan,
        evidence: [titleEvidence, ...spans.map((s) => ctx.evidence('body-year', s, { value: bodyYear }))],
        actual: titleYear,
        expected: bodyYear,
      });
    }
  },
});
