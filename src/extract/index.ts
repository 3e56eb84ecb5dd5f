import type { DocContext } from '../model/doc-context.js';
import type { Ambiguity, Channel, Figure } from '../model/index.js';
import { deriveCore } from './core-keys.js';
import { extractEraA } from './era-a.js';
import { extractEraAGrid } from './era-a-grid.js';
import { sectionAt } from './figure-util.js';
import { extractProse } from './prose.js';
import { extractTemplateTables } from './template/index.js';

/**
 * Extracts the canonical figures and the publication channels of a report: era A statistics, the
 * template tables 二三四, prose figures and channels, then the harmonized `core.*` series. Where two
 * readings give the same key, a table beats prose and the first statement beats later ones.
 *
 * @example
 * extractFigures(ctx).figures['active.total'].value; // 84
 */
export function extractFigures(ctx: DocContext): {
  figures: Record<string, Figure>;
  channels: Channel[];
  ambiguities: Ambiguity[];
} {
  const eraA = extractEraA(ctx);
  const grid = extractEraAGrid(ctx);
  // Era A reports have no template tables 二三四; words like 行政许可 in their prose are not table rows.
  const template = ctx.meta.era === 'A' ? { figures: {}, ambiguities: [] } : extractTemplateTables(ctx);
  const prose = extractProse(ctx);
  const figures: Record<string, Figure> = {};
  for (const source of [template.figures, grid, eraA.figures, prose.figures]) {
    for (const [key, figure] of Object.entries(source)) {
      const seen = figures[key];
      if (!seen || (seen.source !== 'table' && figure.source === 'table')) figures[key] = figure;
    }
  }
  for (const figure of Object.values(figures)) {
    if (figure.section === undefined) {
      const section = sectionAt(ctx.sections, figure.span[0]);
      if (section) figure.section = section;
    }
  }
  Object.assign(figures, deriveCore(figures));
  return {
    figures,
    channels: prose.channels,
    ambiguities: [...template.ambiguities, ...eraA.ambiguities],
  };
}
