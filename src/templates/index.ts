import type { Era } from '../model/index.js';
import { ERA_A } from './era-a.js';
import { ERA_B } from './era-b.js';
import { ERA_C } from './era-c.js';
import type { Template } from './types.js';

export * from './types.js';

// Newest first: a revision's own words are looked for before those of the template it revises.
const REGISTRY: Template[] = [ERA_C, ERA_B, ERA_A];

/**
 * Every known template, newest first. The extractors, the rules, era detection, the docs, the CSV columns
 * and the HTML layout all read these; a new revision is one more module added here.
 *
 * @example
 * templates().map((t) => t.id); // ['C', 'B', 'A']
 */
export function templates(): readonly Template[] {
  return REGISTRY;
}

/**
 * Adds a template in front of the others (a revision newer than all known), e.g. a test's invented era.
 * Returns a function that removes it again.
 *
 * @example
 * const remove = registerTemplate(ERA_C_2026);
 * try { parseText(text); } finally { remove(); }
 */
export function registerTemplate(template: Template): () => void {
  if (REGISTRY.some((t) => t.id === template.id)) throw new Error(`template ${template.id} is already known`);
  REGISTRY.unshift(template);
  return () => {
    const i = REGISTRY.indexOf(template);
    if (i >= 0) REGISTRY.splice(i, 1);
  };
}

/**
 * The template with an id.
 *
 * @example
 * templateById('B')?.name; // '国办公开办函〔2019〕60号'
 */
export function templateById(id: string): Template | undefined {
  return REGISTRY.find((t) => t.id === id);
}

/**
 * The template a report of an era follows: the newest revision of that era whose own words the text
 * holds, else the era's base template.
 *
 * @example
 * resolveTemplate('C', text).id; // 'C'
 */
export function resolveTemplate(era: Era, text: string): Template {
  const family = REGISTRY.filter((t) => t.era === era);
  const base = family.find((t) => t.id === era) ?? (family[family.length - 1] as Template);
  for (const t of family) {
    if (t === base) continue;
    if ((t.tokens.strong ?? []).some((re) => new RegExp(re.source, re.flags.replace('g', '')).test(text)))
      return t;
  }
  return base;
}

/**
 * The template in force for a report year: the newest whose first year is not after it, else the oldest.
 *
 * @example
 * templateForYear(2020).id; // 'B'
 */
export function templateForYear(year: number, among: readonly Template[] = REGISTRY): Template {
  return among.find((t) => t.years[0] <= year) ?? (among[among.length - 1] as Template);
}
