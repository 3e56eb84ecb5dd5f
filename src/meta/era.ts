import type { Era, EraEvidence } from '../model/index.js';
import { type Template, templateForYear, templates } from '../templates/index.js';

/** The format era a report follows, with the tokens that decided it. */
export interface EraResult {
  era?: Era;
  confidence?: number;
  evidence: EraEvidence[];
}

/**
 * Decides the format era from the vocabulary the templates list (src/templates/), in the order of
 * report-formats.md §1.4: a revision's own words, newest first → that revision; words prose also uses
 * only without old-format words; words a group of revisions shares → the revision of the report year;
 * old statistics-table words, an old-format first section or the report year → the template of that
 * year. Evidence lists each token with its span; confidence says how direct the evidence was.
 *
 * @example
 * detectEra('…行政规范性文件 本年制发件数…', 2022).era; // 'C'
 */
export function detectEra(text: string, reportYear?: number, firstTitle?: string): EraResult {
  const all = templates();
  const revisions = all.filter((t) => t.era !== 'A');
  const old = all.filter((t) => t.era === 'A');
  for (const t of revisions) {
    const found = collectAll(text, t.tokens.strong, t.era);
    if (found.length > 0) return { era: t.era, confidence: found.length > 1 ? 0.95 : 0.85, evidence: found };
  }
  const a = old.flatMap((t) => collectAll(text, t.tokens.strong, t.era));
  if (a.length === 0) {
    for (const t of revisions) {
      const weak = collectAll(text, t.tokens.weak, t.era);
      if (weak.length > 0) return { era: t.era, confidence: 0.6, evidence: weak };
    }
  }
  const shared = revisions.find((t) => t.tokens.shared);
  if (shared?.tokens.shared) {
    const group = revisions.filter((t) => t.tokens.shared === shared.tokens.shared);
    const era = templateForYear(reportYear ?? Number.NEGATIVE_INFINITY, group).era;
    const bc = collect(text, shared.tokens.shared, era);
    if (bc.length > 0) {
      return { era: bc[0]?.era, confidence: reportYear !== undefined ? 0.7 : 0.5, evidence: bc };
    }
  }
  if (a.length > 0) return { era: 'A', confidence: a.length > 1 ? 0.9 : 0.8, evidence: a };
  const opening = firstTitle ? old.find((t) => t.tokens.firstTitle?.test(firstTitle)) : undefined;
  if (opening) return { era: opening.era, confidence: 0.6, evidence: [] };
  if (reportYear !== undefined) {
    const era = templateForYear(reportYear).era;
    return { era, confidence: era === 'A' ? 0.6 : 0.3, evidence: [] };
  }
  return { evidence: [] };
}

function collectAll(text: string, list: Template['tokens']['strong'], era: Era): EraEvidence[] {
  return (list ?? []).flatMap((re) => collect(text, re, era));
}

function collect(text: string, re: RegExp, era: Era): EraEvidence[] {
  if (!re.global) {
    const m = re.exec(text);
    return m ? [{ token: m[0], era, span: [m.index, m.index + m[0].length] }] : [];
  }
  const out: EraEvidence[] = [];
  for (const m of text.matchAll(re)) out.push({ token: m[0], era, span: [m.index, m.index + m[0].length] });
  return out;
}
