import type { Section } from '../model/index.js';

/** How a report names its own parts (《条例》 art. 32 and the templates): 主动公开…情况, 依申请…, 复议诉讼 … */
const PART =
  /主动公开|依申请|申请公开|行政复议|行政诉讼|复议.{0,4}诉讼|收费|减免|存在的?主要问题|问题.{0,6}改进|总体情况|概述|其他需要报告/;
/** The document speaking of itself as a report: 本报告, 本年度报告, 现将…报告如下, 特向社会公布…年度报告. */
const SELF =
  /本(?:年度)?(?:报告|年报)|(?:报告|年报|小结)如下|特向社会公布[^。\n]{0,40}(?:报告|年报)|(?:报告|年报)(?:中|所列)[^。\n]{0,6}数据/;
/** How far into the text the self-reference is looked for: a preamble, not a later quotation. */
const SELF_WINDOW = 3000;

/**
 * Whether a text reads as a disclosure report at all: a report title, era vocabulary (template or
 * statistics-table words), two or more headings naming the report's parts, or the text calling itself
 * a report in its preamble. A README or a news article about disclosure has none of these.
 *
 * @example
 * hasReportSignal('中国宁波网4月28日讯…召开政府信息公开工作会议…', { title: false, eraTokens: 0, sections: [] }); // false
 */
export function hasReportSignal(
  text: string,
  found: { title: boolean; eraTokens: number; sections: readonly Section[] },
): boolean {
  if (found.title || found.eraTokens > 0) return true;
  let parts = 0;
  const visit = (list: readonly Section[]) => {
    for (const s of list) {
      if (PART.test(s.title)) parts++;
      visit(s.children);
    }
  };
  visit(found.sections);
  if (parts >= 2) return true;
  return SELF.test(text.slice(0, SELF_WINDOW));
}
