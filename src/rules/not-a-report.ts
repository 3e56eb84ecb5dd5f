/**
 * not-a-report — the document is not a disclosure report at all.
 *
 * What: nothing in the text reads as a report: no report title, no era vocabulary (template or
 * statistics-table words), fewer than two headings naming a report's parts, and no preamble calling the
 * text a report (本报告, 现将…报告如下). The metadata then has `era: null`; a batch leaves the file out of
 * its statistics.
 *
 * Why it matters to auditors: a crawl of a disclosure column also brings news items, notices and help
 * pages. Read as reports they would count as reports that state nothing; flagged, they can be set aside.
 *
 * Known false positives: a report cut down to a few sentences with no title and no headings.
 */
import { defineRule } from './rule.js';

/**
 * The `not-a-report` rule (described in the header of this file), registered in registry.ts.
 *
 * @example
 * checkReport(parseText('# README\n…')).map((a) => a.ruleId); // ['not-a-report']
 */
export const notAReport = defineRule({
  id: 'not-a-report',
  meta: {
    severity: 'info',
    category: 'input',
    description: { zh: '文档不是政府信息公开年度报告', en: 'The document is not a disclosure report' },
    why: 'A crawl of a disclosure column also brings news items, notices and help pages; read as reports they would count as reports that state nothing.',
    falsePositives: 'A report cut down to a few sentences with no title and no headings.',
  },
  messages: {
    none: {
      zh: '未发现年度报告的标题、格式用语或章节，不按报告统计',
      en: 'No report title, template wording or report sections found; left out of report statistics',
    },
  },
  check(report, ctx) {
    if (report.meta.era === null) ctx.report({ messageId: 'none' });
  },
});
