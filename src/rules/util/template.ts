import type { Era } from '../../model/index.js';
import { resolveTemplate, type TemplateSection } from '../../templates/index.js';

export type { TemplateSection } from '../../templates/index.js';

/**
 * The section list of the template a report of an era follows (src/templates/).
 *
 * @example
 * templateFor('C', report.text).length; // 6
 */
export function templateFor(era: Era, text = ''): TemplateSection[] {
  return resolveTemplate(era, text).sections;
}

/**
 * The index of the template section a heading title stands for, or -1.
 *
 * @example
 * matchTemplate('政府信息公开行政法复议、行政诉讼情况', templateFor('C')); // 3
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
