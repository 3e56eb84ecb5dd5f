/**
 * missing-section — a section the era's template requires is not in the report.
 *
 * What: the headings (top-level, or a sub-heading when the top heading was lost) are matched to the
 * template sections by their words, paraphrases accepted (report-formats.md §3.1): six sections for the 2019 and 2021 templates; for the 2008–2018
 * reports the four parts of the old 《条例》 art. 32 (主动公开, 依申请公开, 复议诉讼, 问题及改进).
 *
 * Why it matters to auditors: the 《条例》 lists what a report must contain; a missing part is a
 * compliance finding, or a sign that extraction lost part of the document.
 *
 * When the text stops mid-way (a page excerpt cut at a byte limit, a partial download), the parts after
 * the last one it reached are reported once as not assessable instead of as missing.
 *
 * A report with no numbered heading at all (a page that kept the tables but lost the heading lines) is
 * checked by its figures: a part whose table or statistics the report states (主动公开 items, requests,
 * reviews and lawsuits) is present; the other parts are reported once as not assessable, since prose
 * without headings cannot show where one part ends.
 *
 * Known false positives: reports that fold a part into another heading (复议诉讼 under 依申请公开), and
 * reports whose headings the segmenter did not find.
 */
import type { Report, Section } from '../model/index.js';
import { defineRule } from './rule.js';
import { cutOffAt } from './util/cut-off.js';
import { matchTemplate, type TemplateSection, templateFor } from './util/template.js';

/**
 * The `missing-section` rule (described in the header of this file), registered in registry.ts.
 *
 * @example
 * checkReport(report, { 'missing-section': 'error' }).filter((a) => a.ruleId === 'missing-section');
 */
export const missingSection = defineRule({
  id: 'missing-section',
  meta: {
    severity: 'warning',
    category: 'structure',
    description: {
      zh: '缺少格式要求的章节',
      en: 'A section the template requires is missing',
    },
    why: 'The 《条例》 lists what a report must contain; a missing part is a compliance finding, or a sign that part of the document was lost in extraction.',
    falsePositives: 'Parts folded into another heading; headings the segmenter did not recognise.',
  },
  messages: {
    missing: {
      zh: '缺少“{section}”部分（{era} 类格式）',
      en: 'Missing section "{section}" (era {era} template)',
    },
    noHeadings: {
      zh: '报告没有编号标题，无法判断是否缺少：{sections}（{era} 类格式）{seen}',
      en: 'The report has no numbered headings; whether these sections are present cannot be told: {sections} (era {era} template){seenEn}',
    },
    cutOff: {
      zh: '文本在此中断，无法判断是否缺少其后的部分：{sections}（{era} 类格式）',
      en: 'The text stops here; whether the later sections are present cannot be told: {sections} (era {era} template)',
    },
  },
  check(report, ctx) {
    const era = report.meta.era;
    if (!era) return;
    const top = report.sections.filter((s) => s.level === 1);
    const template = templateFor(era, ctx.text);
    if (top.length === 0) {
      checkByFigures(report, template, era, ctx);
      return;
    }
    // A part whose top heading was lost (split line, odd marker) still counts when a sub-heading names it.
    const found = new Set<number>();
    const visit = (list: Section[]) => {
      for (const s of list) {
        const index = matchTemplate(s.title, template);
        if (s.level === 1 || !template[index]?.overviewAspect) found.add(index);
        visit(s.children);
      }
    };
    visit(report.sections);
    // Text that stops mid-way cannot show the parts after the last one it reached.
    const cut = cutOffAt(ctx.text);
    const furthest = Math.max(-1, ...found);
    const unseen: string[] = [];
    template.forEach((t, i) => {
      if (found.has(i)) return;
      if (cut && i > furthest) unseen.push(t.name);
      else ctx.report({ messageId: 'missing', data: { section: t.name, era }, expected: t.name });
    });
    if (cut && unseen.length > 0) {
      ctx.report({
        messageId: 'cutOff',
        data: { sections: unseen.join('、'), era },
        place: cut,
        evidence: [ctx.evidence('text-end', cut)],
        expected: unseen.join(' / '),
        notAssessable: true,
      });
    }
  },
});

/** The words that name the part of the template a family of figure keys belongs to. */
const FAMILY_PART: [RegExp, string][] = [
  [/^active\./, '主动公开'],
  [/^(?:requests|applications)\./, '依申请公开'],
  [/^(?:review|litigation)\./, '行政复议、行政诉讼'],
];

/** A report without headings: the parts its figures show are present, the rest cannot be judged. */
function checkByFigures(
  report: Report,
  template: TemplateSection[],
  era: string,
  ctx: Parameters<typeof missingSection.check>[1],
): void {
  const shown = new Set<number>();
  for (const key of Object.keys(report.figures)) {
    const part = FAMILY_PART.find(([family]) => family.test(key));
    if (part) shown.add(matchTemplate(part[1], template));
  }
  const unseen = template.filter((_, i) => !shown.has(i)).map((t) => t.name);
  if (unseen.length === 0) return;
  const seen = template.filter((_, i) => shown.has(i)).map((t) => t.name);
  ctx.report({
    messageId: 'noHeadings',
    data: {
      sections: unseen.join('、'),
      era,
      seen: seen.length ? `；据统计数字已有：${seen.join('、')}` : '',
      seenEn: seen.length ? `; the figures show: ${seen.join(', ')}` : '',
    },
    expected: unseen.join(' / '),
    notAssessable: true,
  });
}
