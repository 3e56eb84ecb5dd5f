import type { Segmented } from '../model/doc-context.js';
import type { Meta } from '../model/index.js';
import { findPeriod } from '../text/dates.js';
import { agencyFromBody, fullerName } from './agency.js';
import { findContact } from './contact.js';
import { detectEra } from './era.js';
import { hasReportSignal } from './report-signal.js';
import { findSignature } from './signature.js';
import { agencyFromTitle, findTitle, yearOf } from './title.js';

export { agencyFromBody, fullerName } from './agency.js';
export { findContact } from './contact.js';
export { detectEra, type EraResult } from './era.js';
export { hasReportSignal } from './report-signal.js';
export { findSignature, type Signature } from './signature.js';
export { agencyFromTitle, findTitle, type Located, yearOf } from './title.js';

/** Place-name endings that make an organ's name complete (舒兰市民政局, not 民政局). */
/** How the name of an organ (not just a place) ends. */
const ORGAN_END = /(?:政府|委员会|管委会|办公室|办事处|局|委|办|厅|署|院|中心|公司|部)$/;
const PLACE = /[省市县区州旗盟镇乡村]|自治|实验区|新区|开发区/;

/**
 * Reads title, agency, report year, era, period, signature date and contact details. The title comes
 * from the text (else the loader's or crawler's `标题`/`title`), the agency from the signature block, the
 * title or the preamble (the most complete name that agrees with the title), the report year from the
 * title (else the period), and the era from vocabulary ({@link detectEra}).
 *
 * @example
 * extractMeta(ctx).reportYear; // 2018
 */
export function extractMeta(ctx: Segmented): Meta {
  const text = ctx.text;
  const meta: Meta = { eraEvidence: [], contact: {}, spans: {} };
  const found = findTitle(text);
  const title =
    found?.value ??
    clean(ctx.properties['标题'] ?? ctx.properties['title'] ?? ctx.properties['Title'] ?? headerTitle(text));
  if (title) meta.title = title;
  if (found) meta.spans.title = found.span;

  const year = found ? yearOf(text.slice(...found.span), found.span[0]) : null;
  const period = findPeriod(text);
  if (period) {
    if (period.start) meta.periodStart = period.start;
    if (period.end) meta.periodEnd = period.end;
    meta.spans.period = period.span;
  }
  const periodYear = period ? wholeYearOf(text, period) : undefined;
  if (year && found?.inSentence && periodYear && periodYear.value !== year.value) {
    // A title read from a sentence of the preamble (特向社会公布2013年度…) is a weaker witness than the
    // whole-year statistics period: a slip left from last year's report must not date this one.
    meta.reportYear = periodYear.value;
    meta.spans.reportYear = periodYear.span;
  } else if (year) {
    meta.reportYear = year.value;
    if (text.slice(...year.span).length === 4) meta.spans.reportYear = year.span;
  } else if (title) {
    const fromProps = yearOf(title, 0);
    if (fromProps) meta.reportYear = fromProps.value;
  }
  if (meta.reportYear === undefined && period?.start) meta.reportYear = Number(period.start.slice(0, 4));
  if (meta.reportYear === undefined) {
    const body = yearOfBody(text);
    if (body) {
      meta.reportYear = body.value;
      meta.spans.reportYear = body.span;
    }
  }

  const signature = findSignature(text, found?.span);
  if (signature.date?.day !== undefined) {
    meta.signedOn = signature.date.iso;
    meta.spans.signedOn = signature.date.span;
  }

  const titleAgency = title ? agencyFromTitle(title) : undefined;
  const chosen = chooseAgency(text, titleAgency, found?.span, signature.agency);
  // The document's own fuller form wins (淮安市洪泽区人民政府 for a title's 洪泽区人民政府).
  const agency = chosen?.span ? fullerName(text, { value: chosen.value, span: chosen.span }) : chosen;
  if (agency) {
    meta.agency = agency.value;
    if (agency.span) meta.spans.agency = agency.span;
  }

  const firstTitle = ctx.sections[0]?.title;
  const era = detectEra(text, meta.reportYear, firstTitle);
  if (era.era) meta.era = era.era;
  const reportLike = hasReportSignal(text, {
    title: found !== null,
    eraTokens: era.evidence.length,
    sections: ctx.sections,
  });
  // A text with nothing of a report (a README, a news article) has no era at all, not an unknown one.
  if (!reportLike) meta.era = null;
  if (era.confidence !== undefined) meta.eraConfidence = era.confidence;
  meta.eraEvidence = era.evidence;
  meta.contact = findContact(text);
  return meta;
}

function chooseAgency(
  text: string,
  fromTitle: string | undefined,
  titleSpan: [number, number] | undefined,
  signed: { value: string; span: [number, number] } | undefined,
): { value: string; span?: [number, number] } | undefined {
  if (signed && (!fromTitle || signed.value.endsWith(fromTitle) || signed.value === fromTitle)) {
    return signed;
  }
  if (!fromTitle) return agencyFromBody(text);
  const at = titleSpan ? text.indexOf(fromTitle, titleSpan[0]) : text.indexOf(fromTitle);
  const located =
    at >= 0 ? { value: fromTitle, span: [at, at + fromTitle.length] as [number, number] } : undefined;
  if (PLACE.test(fromTitle)) {
    // A place without its organ (平潭综合实验区): the organ the text names after it (…党工委管委会).
    if (!ORGAN_END.test(fromTitle)) {
      const organ = new RegExp(
        `${escapeRegExp(fromTitle)}[\\u4e00-\\u9fff]{0,6}?(?:管理委员会|管委会|人民政府)`,
      ).exec(text);
      if (organ) return { value: organ[0], span: [organ.index, organ.index + organ[0].length] };
    }
    return located ?? { value: fromTitle };
  }
  // 民政局 in the title: look for the full name (舒兰市民政局) in the text.
  const full = new RegExp(
    `[\\u4e00-\\u9fff]{1,12}?[省市县区州旗](?:[\\u4e00-\\u9fff]{0,8}?)${escapeRegExp(fromTitle)}`,
  );
  const m = full.exec(text);
  if (m) {
    const name = trimLead(m[0], fromTitle);
    const s = m.index + m[0].length - name.length;
    return { value: name, span: [s, s + name.length] };
  }
  return located ?? { value: fromTitle };
}

/** Drops words before the place name (受理单位为舒兰市民政局 → 舒兰市民政局, 现公布南山区… → 南山区…). */
function trimLead(match: string, tail: string): string {
  const head = match.slice(0, match.length - tail.length);
  const cut = /.*(?:为|是|由|向|与|和|及|在|对|经|公布|联系|请)/.exec(head);
  return (cut ? head.slice(cut[0].length) : head) + tail;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The year a report without title or period is about: the year its body names most often (at least
 * twice), as in `2014年，我镇…` throughout.
 */
function yearOfBody(text: string): { value: number; span: [number, number] } | undefined {
  const seen = new Map<number, { n: number; span: [number, number] }>();
  for (const m of text.matchAll(/(?<!\d)(20\d\d)年(?!\d)/g)) {
    const value = Number(m[1]);
    const entry = seen.get(value) ?? { n: 0, span: [m.index, m.index + 4] as [number, number] };
    entry.n++;
    seen.set(value, entry);
  }
  let best: [number, { n: number; span: [number, number] }] | undefined;
  for (const e of seen) if (!best || e[1].n > best[1].n) best = e;
  return best && best[1].n >= 2 ? { value: best[0], span: best[1].span } : undefined;
}

/** A `标题: …` metadata line left at the top of the text (crawler output). */
function headerTitle(text: string): string | undefined {
  return /^(?:[^\n]*\n){0,10}?标题\s*[:：]\s*([^\n]+)/.exec(text.slice(0, 2000))?.[1];
}

/** A title from metadata: spaces dropped and a page title's site suffix (`…报告_年报_某网站`) cut off. */
function clean(s: string | undefined): string | undefined {
  const t = s
    ?.replace(/\s+/g, '')
    .split(/[_|｜]|-{1,2}(?=[^\d])/)[0]
    ?.trim();
  return t ? t : undefined;
}

/** The year of a statistics period that is one whole calendar year (2014-01-01 to 2014-12-31), with its span. */
function wholeYearOf(
  text: string,
  period: { start?: string; end?: string; span: [number, number] },
): { value: number; span: [number, number] } | undefined {
  const y = period.start?.slice(0, 4);
  if (!y || period.start !== `${y}-01-01` || period.end !== `${y}-12-31`) return undefined;
  const at = text.slice(...period.span).indexOf(y);
  if (at === -1) return undefined;
  return { value: Number(y), span: [period.span[0] + at, period.span[0] + at + 4] };
}
