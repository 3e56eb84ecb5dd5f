import type { Era } from '../../model/index.js';

/** One part of an era's section template and the title words that identify it, paraphrases included. */
export interface TemplateSection {
  name: string;
  match: RegExp;
  /** Also a usual sub-heading of 总体情况/概述 (主动公开, 依申请公开), so only a top heading proves the part. */
  overviewAspect?: true;
}

/** The six sections of the 2019 and 2021 templates (国办公开办函〔2019〕60号, 〔2021〕30号), in order. */
export const TEMPLATE_BC: TemplateSection[] = [
  { name: '总体情况', match: /总体情况|概述|总体|基本情况|基本工作情况|工作概况/ },
  { name: '主动公开政府信息情况', match: /主动公开/, overviewAspect: true },
  { name: '收到和处理政府信息公开申请情况', match: /收到和处理|依申请|公开申请/, overviewAspect: true },
  { name: '政府信息公开行政复议、行政诉讼情况', match: /复议|诉讼/ },
  { name: '存在的主要问题及改进情况', match: /问题|改进/ },
  { name: '其他需要报告的事项', match: /其他需要|其他事项|需要报告|需要说明/ },
];

/** The parts every era A report has under the old 《条例》 article 32, in order. */
export const TEMPLATE_A: TemplateSection[] = [
  { name: '主动公开政府信息情况', match: /主动公开/, overviewAspect: true },
  { name: '依申请公开政府信息情况', match: /依申请|申请公开|申请情况/, overviewAspect: true },
  { name: '行政复议、行政诉讼情况', match: /复议|诉讼/ },
  { name: '存在的主要问题及改进措施', match: /问题|改进|打算/ },
];

/**
 * The section template of an era.
 *
 * @example
 * templateFor('C').length; // 6
 */
export function templateFor(era: Era): TemplateSection[] {
  return era === 'A' ? TEMPLATE_A : TEMPLATE_BC;
}

/**
 * The index of the template section a heading title stands for, or -1.
 *
 * @example
 * matchTemplate('政府信息公开行政法复议、行政诉讼情况', TEMPLATE_BC); // 3
 */
export function matchTemplate(title: string, template: TemplateSection[]): number {
  // 主动公开 also appears inside 依申请公开 titles; test the more specific parts first.
  const order = template.map((_, i) => i).sort((a, b) => specificity(template[b]) - specificity(template[a]));
  for (const i of order) if ((template[i] as TemplateSection).match.test(title)) return i;
  return -1;
}

function specificity(t: TemplateSection | undefined): number {
  return t && /申请|复议|问题|其他/.test(t.name) ? 1 : 0;
}
