import { parseCnNumber } from '../text/cn-number.js';

/** A value located in the text. */
export interface Located<T> {
  value: T;
  span: [number, number];
}

/** How far into the text the title is looked for. */
const TITLE_WINDOW = 1500;
/** A year as titles write it: 2018, 2018 年 was normalized to 2018年; 二〇一八. */
const YEAR = /(\d{4})\s*年|([〇○零一二三四五六七八九]{4})\s*年/;
/**
 * What a report title ends with: the textbook 年度报告/工作报告/年报, or a plainer 政府信息公开报告 /
 * 信息公开的报告 (兴华乡2010年政府信息公开报告, 虹山乡人民政府2011年度信息公开的报告).
 */
const TITLE_END = /(?:年度报告|工作报告|年报|(?:信息公开|政务公开)(?:工作)?(?:情况)?的?报告)/g;
/**
 * The words of a sentence that only mentions the report (特向社会公布…年度报告, 现将…报告): a run found
 * inside running text starts after them.
 */
const LEAD_IN =
  /^[^\n]*?(?:特向社会公布|向社会公布|向社会公开|现予公布|现公布|现将|公布|发布|编制|编写|印发|制作)/;
/** A notice about making the report (`《…关于做好2017年度政府信息公开年度报告公布…工作的通知》`), not the report. */
const NOTICE_ABOUT = /关于|做好/;
/** A report referred to from inside a sentence (本机关…年度报告, 我镇…), not titled. */
const SELF_REFERENCE = /本(?:机关|单位|级|部门|局|镇|乡|委|办|年度)|我(?:局|镇|乡|县|区|市|委|办|单位)/;
/** Characters a title never contains; a backward scan from 报告 stops at them. */
const NOT_IN_TITLE = /[\n。，,；;：:！？!?“”"《》<>|\s/\\_=]/;

/**
 * Finds the report title near the start: the line or run ending in 年度报告/工作报告/年报 that names a year.
 * A title on a line of its own is taken whole (inner spaces dropped); a title split over two lines
 * (PDF) is joined; in crawler text whose body is one line the title is the run before the first space.
 * A title read from inside a sentence (`特向社会公布…年度报告`) is marked `inSentence`.
 *
 * @example
 * findTitle('民政局2018年政府信息公开工作年度报告\n2018年,…')?.value; // '民政局2018年政府信息公开工作年度报告'
 */
export function findTitle(text: string): (Located<string> & { inSentence?: true }) | null {
  const head = text.slice(0, TITLE_WINDOW);
  for (const m of head.matchAll(TITLE_END)) {
    const end = m.index + m[0].length;
    const lineStart = head.lastIndexOf('\n', m.index) + 1;
    const lineEndRaw = head.indexOf('\n', end);
    const lineEnd = lineEndRaw < 0 ? head.length : lineEndRaw;
    const line = head.slice(lineStart, lineEnd);
    const lead = /^[\s#>*]*/.exec(line)?.[0].length ?? 0;
    // A metadata copy of the title (`标题: …`) is not the document's own title line.
    if (
      /^\s*(?:标题|题目|title|本地目录|原文链接|链接|url|发布时间|来源|栏目|文号|发布机构|索引号)\s*[:：]/i.test(
        line,
      )
    )
      continue;
    const trail = head.slice(end, lineEnd);
    let start: number;
    let inSentence = false;
    if (/^[\s）)】]*$/.test(trail) && line.length - lead <= 80 && !/[:：]/.test(line)) {
      start = lineStart + lead;
    } else {
      start = end;
      inSentence = true;
      while (start > lineStart && !NOT_IN_TITLE.test(head[start - 1] as string)) start--;
      // Inside a sentence: a title only after the words that introduce it, and never a self-reference.
      const lead = LEAD_IN.exec(head.slice(start, end));
      if (lead) start += lead[0].length;
      if (SELF_REFERENCE.test(head.slice(start, end))) continue;
      if (NOTICE_ABOUT.test(head.slice(Math.max(lineStart, start - 4), end))) continue;
    }
    // Split over two lines: a short previous line without punctuation carries the first half.
    if (start === lineStart + lead && lineStart > 0) {
      const prevStart = head.lastIndexOf('\n', lineStart - 2) + 1;
      const prev = head.slice(prevStart, lineStart - 1);
      const prevLead = /^[\s#>*]*/.exec(prev)?.[0].length ?? 0;
      const own = head.slice(start, end);
      const unpunctuated = prev.length <= 60 && !/[。，,；;：:]/.test(prev);
      // 2025 年 / 政府信息公开… (PDF wrap), or the organ on the line above `2023年政府信息公开…`.
      const yearAbove = !YEAR.test(own) && YEAR.test(prev);
      const organAbove = YEAR.exec(own)?.index === 0 && AGENCY_LINE_END.test(prev.trim());
      if (unpunctuated && (yearAbove || organAbove)) start = prevStart + prevLead;
    }
    const raw = text.slice(start, end);
    const title = raw.replace(/\s+/g, '');
    if (title.length < 8 || !YEAR.test(title) || /^[本现该的]/.test(title)) continue;
    return inSentence
      ? { value: title, span: [start, end], inSentence }
      : { value: title, span: [start, end] };
  }
  return null;
}

/**
 * The report year a title names (`…2018年政府信息公开…` → 2018), with the span of the year in the text.
 *
 * @example
 * yearOf('平潭县人民政府2011年政府信息公开工作年度报告', 0)?.value; // 2011
 */
export function yearOf(title: string, offset: number): Located<number> | null {
  const m = YEAR.exec(title);
  if (!m) return null;
  const value = m[1] ? Number(m[1]) : (parseCnNumber(m[2] as string)?.value ?? Number.NaN);
  if (!(value >= 2000 && value <= 2100)) return null;
  const digits = (m[1] ?? m[2]) as string;
  const at = offset + m.index;
  return { value, span: [at, at + digits.length] };
}

/** Where an organ's name ends. */
export const AGENCY_END =
  '(?:人民政府办公室|人民政府|管理委员会|管委会|委员会|办公室|办事处|政府|局|委|办|厅|署|院|中心|街道|镇|乡|公司|部)';
const AGENCY_LINE_END = new RegExp(`^[\\u4e00-\\u9fff（）()]{2,30}${AGENCY_END}$`);

/**
 * The issuing organ named in a title: the words before the year (`平潭县人民政府2011年…`), or after it
 * when the year comes first (`2024年上海市科委政府信息公开…`).
 *
 * @example
 * agencyFromTitle('舒兰市民政局2018年政府信息公开工作年度报告'); // '舒兰市民政局'
 * agencyFromTitle('2008年张义镇人民政府信息公开工作年度报告'); // '张义镇人民政府'
 * agencyFromTitle('淄博市林业局关于2014年度政府信息公开工作情况的报告'); // '淄博市林业局'
 */
export function agencyFromTitle(title: string): string | undefined {
  const m = YEAR.exec(title);
  if (!m) return undefined;
  // 淄博市林业局关于2014年度…的报告, 黎明街道信息公开2014年度工作报告: the organ is before these words.
  const before = title
    .slice(0, m.index)
    .replace(/^[#\s]+/, '')
    .replace(/(?:关于|(?:政府)?信息公开|政务公开)$/, '');
  if (before.length >= 2) return before;
  const after = title.slice(m.index + m[0].length).replace(/^度/, '');
  const cut = /政府信息公开|政务公开|信息公开|年度|工作/.exec(after);
  let name = cut ? after.slice(0, cut.index) : '';
  // 张义镇人民政府信息公开: the 政府 belongs to the organ, as no organ's name ends in 人民.
  if (name.endsWith('人民') && cut?.[0] === '政府信息公开') name += '政府';
  return name.length >= 2 ? name : undefined;
}
