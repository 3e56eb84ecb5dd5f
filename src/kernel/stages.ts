import { extractClaims, linkRestatements } from '../claims/index.js';
import { extractFigures } from '../extract/index.js';
import type { DomainDictionary } from '../extract/segmenter.js';
import type { LoadedText } from '../load/loaded.js';
import { extractMeta } from '../meta/index.js';
import type { Normalized, Segmented, WithClaims, WithFigures, WithMeta } from '../model/doc-context.js';
import type { Anomaly, Report } from '../model/index.js';
import { markOcrFigures } from '../ocr/provenance.js';
import { checkReport } from '../rules/check.js';
import type { RulesConfig } from '../rules/config.js';
import { segment } from '../segment/index.js';
import { normalizeLoaded } from '../text/normalize.js';

/**
 * Normalizes a loader's output ({@link normalizeLoaded}) and names the document.
 *
 * @example
 * normalizeStage({ format: 'txt', text: '一、概述', tables: [], anchors: [] }, { file: 'a.txt' }).text;
 */
export function normalizeStage(loaded: LoadedText, source: { file: string }): Normalized {
  const normalized = normalizeLoaded(loaded);
  const doc: Normalized = {
    file: source.file,
    format: loaded.format,
    text: normalized.text,
    tables: normalized.tables,
    anchors: normalized.anchors,
    properties: { ...(loaded.properties ?? {}), ...normalized.header },
    warnings: loaded.warnings ?? [],
    ...(loaded.ocr?.length ? { ocr: loaded.ocr } : {}),
  };
  return loaded.pages === undefined ? doc : { ...doc, pages: loaded.pages };
}

/**
 * Finds the sections and numbering problems; headings inside table grids are not section headings.
 *
 * @example
 * segmentStage(doc).sections.map((s) => s.title); // ['概述', …]
 */
export function segmentStage(doc: Normalized): Segmented {
  const { sections, numbering } = segment(doc.text, { tables: doc.tables.map((t) => t.span) });
  return { ...doc, sections, numbering };
}

/**
 * Reads the metadata (title, agency, year, era, period, signature, contact).
 *
 * @example
 * metaStage(segmented).meta.reportYear; // 2018
 */
export function metaStage(doc: Segmented): WithMeta {
  return { ...doc, meta: extractMeta(doc) };
}

/**
 * Reads the claims of the running text; the dictionary lets the word segmenter tell channel names apart.
 *
 * @example
 * claimsStage(withMeta, dictionary).claims.filter((c) => c.kind === 'zero').length;
 */
export function claimsStage(doc: WithMeta, dictionary: DomainDictionary): WithClaims {
  return { ...doc, claims: extractClaims(doc, dictionary) };
}

/**
 * Reads the canonical figures, the publication channels and the places where a reading was undecided,
 * and links each claim that restates a table figure to it.
 *
 * @example
 * figuresStage(withClaims).figures['active.total']?.value; // 84
 */
export function figuresStage(doc: WithClaims): WithFigures {
  const { figures, channels, ambiguities } = extractFigures(doc);
  if (doc.ocr?.length) markOcrFigures(figures, doc.text, doc.ocr);
  return { ...doc, claims: linkRestatements(doc.claims, figures), figures, channels, ambiguities };
}

/** What the rules stage needs besides the document: the source's identity and the rule configuration. */
export interface RulesStageOptions {
  /** sha256 of the source bytes, hex (`Report.hash`). */
  hash: string;
  /** Size of the source in bytes (`Report.stats.bytes`). */
  bytes?: number;
  /** Rule configuration; `false` skips the rules. */
  rules?: RulesConfig | false;
}

/**
 * Assembles the {@link Report} and runs the per-report rules over it. Loader warnings become
 * `load-partial` anomalies. `stats.ms` is left at 0 for the caller, which knows when the work started.
 *
 * @example
 * rulesStage(withFigures, { hash, bytes: 1024 }).anomalies.map((a) => a.ruleId);
 */
export function rulesStage(doc: WithFigures, options: RulesStageOptions): Report {
  const report: Report = {
    file: doc.file,
    format: doc.format,
    hash: options.hash,
    text: doc.text,
    meta: doc.meta,
    sections: doc.sections,
    numbering: doc.numbering,
    tables: doc.tables,
    figures: doc.figures,
    channels: doc.channels,
    claims: doc.claims,
    ambiguities: doc.ambiguities,
    anomalies: [],
    anchors: doc.anchors,
    stats: { bytes: options.bytes ?? 0, chars: doc.text.length, pages: doc.pages, ms: 0 },
  };
  // Loader warnings (an unreadable page, a page without text in a mixed PDF) travel with the record.
  report.anomalies = doc.warnings.map((warning) => loadPartialAnomaly(doc.file, warning));
  const ocrPages = [...new Set((doc.ocr ?? []).map((r) => r.page))].sort((a, b) => a - b);
  if (ocrPages.length) report.stats.ocrPages = ocrPages;
  if (options.rules !== false) report.anomalies = checkReport(report, options.rules ?? {});
  return report;
}

function loadPartialAnomaly(file: string, warning: string): Anomaly {
  return {
    ruleId: 'load-partial',
    source: 'xxgk-report',
    severity: 'warning',
    reason: `文件 ${file} 只读取了一部分：${warning}`,
    reasonEn: `Only part of ${file} could be read: ${warning}`,
    evidence: [],
    data: { warning },
  };
}
