import type { Era, EraEvidence } from '../model/index.js';

/** The format era a report follows, with the tokens that decided it. */
export interface EraResult {
  era?: Era;
  confidence?: number;
  evidence: EraEvidence[];
}

/** 2021 template only (国办公开办函〔2021〕30号): the new table-2 columns and table-3 row (六)2. */
const C_TOKENS = /本年制发件数|本年废止件数|现行有效件数|本年收费金额|申请人逾期未按收费通知要求缴纳费用/g;
/** 2019 template only (〔2019〕60号): the old table-2 columns and rows. */
const B_TOKENS = /本年新制作数量|对外公开总数量|上一年项目数量|本年增\s*\/\s*减/g;
/** 2019-template rows that prose also uses (推进政府集中采购信息公开): B only when no old-format words. */
const B_WEAK_TOKENS = /政府集中采购|采购总金额/g;
/** Shared by both templates: table-2 captions and table-3 rows. */
const BC_TOKENS =
  /第二十条第\s*[（(][一五六八九][）)]\s*项|本年新收政府信息公开申请数量|结转下年度继续办理|勾稽关系/g;
/** The 2008–2018 statistical format and old 《条例》. */
const A_TOKENS =
  /申请办结数|同意公开答复数|否决公开|回应解读情况|历年累计|收费及减免|国务院令第\s*492\s*号|主动公开政府信息数|受理政府信息依申请公开总数|对申请的答复总数|指标名称/g;

/**
 * Decides the format era from vocabulary, in the order of report-formats.md §1.4: 2021-template words →
 * C; 2019-template words → B (政府集中采购, which prose uses too, only without old-format words); words both templates share → B or C by the report year (≥ 2021 → C);
 * old statistics-table words, a 概述 first section or a year ≤ 2018 → A. Evidence lists each token with
 * its span; confidence says how direct the evidence was.
 *
 * @example
 * detectEra('…行政规范性文件 本年制发件数…', 2022).era; // 'C'
 */
export function detectEra(text: string, reportYear?: number, firstTitle?: string): EraResult {
  const c = collect(text, C_TOKENS, 'C');
  if (c.length > 0) return { era: 'C', confidence: c.length > 1 ? 0.95 : 0.85, evidence: c };
  const b = collect(text, B_TOKENS, 'B');
  // （六）其他处理 followed directly by numbers: the 2019 single row (2021 splits it into three).
  const other = /[（(]六[）)]\s*其他处理\s*(?=\d)/.exec(text);
  if (other) b.push({ token: other[0], era: 'B', span: [other.index, other.index + other[0].length] });
  if (b.length > 0) return { era: 'B', confidence: b.length > 1 ? 0.95 : 0.85, evidence: b };
  const a = collect(text, A_TOKENS, 'A');
  const bWeak = collect(text, B_WEAK_TOKENS, 'B');
  if (bWeak.length > 0 && a.length === 0) return { era: 'B', confidence: 0.6, evidence: bWeak };
  const bc = collect(text, BC_TOKENS, reportYear !== undefined && reportYear >= 2021 ? 'C' : 'B');
  if (bc.length > 0) {
    return { era: bc[0]?.era, confidence: reportYear !== undefined ? 0.7 : 0.5, evidence: bc };
  }
  if (a.length > 0) return { era: 'A', confidence: a.length > 1 ? 0.9 : 0.8, evidence: a };
  if (firstTitle && /^(?:概述|引言)/.test(firstTitle)) return { era: 'A', confidence: 0.6, evidence: [] };
  if (reportYear !== undefined) {
    const era: Era = reportYear <= 2018 ? 'A' : reportYear >= 2021 ? 'C' : 'B';
    return { era, confidence: reportYear <= 2018 ? 0.6 : 0.3, evidence: [] };
  }
  return { evidence: [] };
}

function collect(text: string, re: RegExp, era: Era): EraEvidence[] {
  const out: EraEvidence[] = [];
  for (const m of text.matchAll(re)) out.push({ token: m[0], era, span: [m.index, m.index + m[0].length] });
  return out;
}
