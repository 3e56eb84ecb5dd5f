/**
 * stale-year — a body sentence names the previous year as the year it reports on.
 *
 * What: a sentence that opens with the year before the report year as its topic (`2022年，我局…`,
 * `2022年共主动公开…`, `2022年度全镇…`), is no comparison or history, no plan, and not in a table. When
 * it also states a count after `2022年，` period-year-mismatch already reports it as an error; this rule
 * catches the rest (no comma, no count) as a warning.
 *
 * Why it matters to auditors: such a sentence is left over from last year's report; its statements (and
 * often its figures) were not updated for this year.
 *
 * Known false positives: a sentence that really reports on last year without a comparison word
 * (`2022年我局被评为…` in a review of past awards).
 */
import { EARLIER_TOPIC, NOT_A_DATE_OF_STATEMENT, OPENING_YEAR } from './period-year-mismatch.js';
import { defineRule } from './rule.js';
import { findCounts } from './util/numbers.js';
import { chineseDates, inSpans, reportYearOf, sentenceSpans, tableSpans } from './util/report-facts.js';
import { insideBookTitle } from './util/text.js';

/** After the year: the sentence goes on about what this body did (`，我局`, `共`, `全年`, `度全镇`). */
const TOPIC_GOES_ON = /^年度?\s*[，,]?\s*(?:我|全|本|共|该|各|在|通过|围绕|坚持|按照|根据|依法)/;

/**
 * Comparisons, histories and plans. Narrower than the words period-year-mismatch skips beside a count:
 * a sentence without a count that 增强 or 比较 something compares no figure.
 */
const NOT_CURRENT =
  /同比|上年|去年|上一年|相比|[比较]上|增长|增加|减少|下降|持平|以来|累计|历年|先后|至今|将|拟|计划|力争|争取|预计|打算|下一步/;

/**
 * The `stale-year` rule (described in the header of this file), registered in registry.ts.
 *
 * @example
 * checkReport(report, { 'stale-year': 'warning' }).filter((a) => a.ruleId === 'stale-year');
 */
export const staleYear = defineRule({
  id: 'stale-year',
  meta: {
    severity: 'warning',
    category: 'dates',
    description: {
      zh: '正文以上一年度作为本年度表述',
      en: 'A body sentence names the previous year as the current one',
    },
    why: 'A sentence that opens with last year as its topic was left from last year’s report; its statements were not updated.',
    falsePositives:
      'A sentence that really reports on last year without a comparison word (a review of earlier awards).',
  },
  messages: {
    stale: {
      zh: '“{stated}”以{year}年为本年度表述，而报告年度为{reportYear}年',
      en: '"{stated}" speaks of {year} as the current year in a report for {reportYear}',
    },
  },
  check(report, ctx) {
    const text = ctx.text;
    const year = reportYearOf(report);
    if (!text || !year) return;
    // The problems section too: `2022年，我局…还存在` there is as stale as anywhere.
    const skip = tableSpans(report);
    for (const [s, e] of sentenceSpans(text)) {
      const sentence = text.slice(s, e);
      const m = OPENING_YEAR.exec(sentence);
      if (!m?.[1] || Number(m[1]) !== year.year - 1) continue;
      const start = s + m.index + m[0].length - m[1].length - 1;
      if (inSpans(start, skip) || insideBookTitle(text, start)) continue;
      const after = text.slice(start + 4, e);
      const rest = after.slice(1);
      if (!TOPIC_GOES_ON.test(after) || NOT_CURRENT.test(rest)) continue;
      if (NOT_A_DATE_OF_STATEMENT.test(rest) || chineseDates(text.slice(start, e))[0]?.span[0] === 0)
        continue;
      // period-year-mismatch reports the topic year followed by a count as an error.
      if (EARLIER_TOPIC.test(after) && findCounts(text, start + 5, e).some((c) => !/%|元/.test(c.unit)))
        continue;
      ctx.report({
        messageId: 'stale',
        data: { stated: sentence.trim().slice(0, 24), year: year.year - 1, reportYear: year.year },
        place: [start, start + 4],
        evidence: [
          ctx.evidence('stated-year', [start, start + 4], { value: year.year - 1 }),
          ...(year.span ? [ctx.evidence('report-year', year.span, { value: year.year })] : []),
        ],
        actual: year.year - 1,
        expected: year.year,
      });
    }
  },
});
