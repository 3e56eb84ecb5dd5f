import type { Qualifier } from '../model/index.js';

/** A number read from report text. */
export interface ParsedNumber {
  value: number;
  qualifier: Qualifier;
}

/** The value of each Chinese digit, including 两, the zero forms and the formal (大写) digits. */
const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  '○': 0,
  Ｏ: 0,
  一: 1,
  壹: 1,
  二: 2,
  贰: 2,
  两: 2,
  三: 3,
  叁: 3,
  四: 4,
  肆: 4,
  五: 5,
  伍: 5,
  六: 6,
  陆: 6,
  七: 7,
  柒: 7,
  八: 8,
  捌: 8,
  九: 9,
  玖: 9,
};
/** Multipliers inside a section of up to four digits. */
const SMALL_UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
/** Multipliers that close a section. */
const BIG_UNITS: Record<string, number> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 };

const PREFIX_QUALIFIERS: [string, Qualifier][] = [
  ['大约', 'about'],
  ['约', 'about'],
  ['将近', 'under'],
  ['接近', 'under'],
  ['近', 'under'],
  ['不足', 'under'],
  ['不到', 'under'],
  ['超过', 'over'],
  ['逾', 'over'],
];
const SUFFIX_QUALIFIERS: [string, Qualifier][] = [
  ['以上', 'over'],
  ['余', 'over'],
  ['多', 'over'],
  ['左右', 'about'],
  ['以下', 'under'],
];

/** Arabic digits, optionally with thousands separators and decimals, optionally signed. */
const ARABIC = /^([+-]?)(\d{1,3}(?:[,，]\d{3})+|\d+)(?:\.(\d+))?$/;

/**
 * Parses a number as reports write it: Arabic digits with separators, full-width digits, Chinese
 * numerals (两, 〇/零, 一百零五, 二〇二一 as a digit string), mixed forms (`1.2万`), percentages
 * (`百分之五十` → 50), qualifiers as prefix or suffix (余/多/以上 → over, 近/不足/不到 → under,
 * 约/左右 → about) and 无/零 as a stated zero. Returns `null` when the text is not a number — never 0.
 *
 * @example
 * parseCnNumber('两万');   // { value: 20000, qualifier: 'exact' }
 * parseCnNumber('80余');   // { value: 80, qualifier: 'over' }
 * parseCnNumber('近万');   // { value: 10000, qualifier: 'under' }
 * parseCnNumber('26.8万'); // { value: 268000, qualifier: 'exact' }
 */
export function parseCnNumber(input: string): ParsedNumber | null {
  let s = toHalfWidth(input).replace(/\s+/g, '');
  if (s === '') return null;
  if (s === '无' || s === '零' || s === '〇' || s === '○') return { value: 0, qualifier: 'exact' };
  let qualifier: Qualifier = 'exact';
  for (const [word, q] of PREFIX_QUALIFIERS) {
    if (s.startsWith(word) && s.length > word.length) {
      qualifier = q;
      s = s.slice(word.length);
      break;
    }
  }
  for (const [word, q] of SUFFIX_QUALIFIERS) {
    if (s.endsWith(word) && s.length > word.length) {
      if (qualifier === 'exact') qualifier = q;
      s = s.slice(0, -word.length);
      break;
    }
  }
  // 近万, 万余: a bare big unit means one of it.
  if (s.length === 1 && BIG_UNITS[s] !== undefined && qualifier !== 'exact') {
    return { value: BIG_UNITS[s] as number, qualifier };
  }
  // The percent sign or 百分之 does not change the number (百分之五十 → 50).
  if (s.startsWith('百分之')) s = s.slice(3);
  else if (s.endsWith('%')) s = s.slice(0, -1);
  const value = parseCore(s);
  return value === null ? null : { value, qualifier };
}

function parseCore(s: string): number | null {
  if (s === '') return null;
  const arabic = ARABIC.exec(s);
  if (arabic) return arabicValue(arabic);
  // Mixed: Arabic digits then 万/亿 (and optional further Chinese: 1万2千 is rare; not accepted).
  const mixed = /^([+-]?(?:\d{1,3}(?:[,，]\d{3})+|\d+)(?:\.\d+)?)(万|萬|亿|億|千|百)(万|亿)?$/.exec(s);
  if (mixed) {
    const base = ARABIC.exec(mixed[1] as string);
    if (!base) return null;
    const unit = (BIG_UNITS[mixed[2] as string] ?? SMALL_UNITS[mixed[2] as string]) as number;
    const unit2 = mixed[3] ? (BIG_UNITS[mixed[3]] as number) : 1;
    return round(arabicValue(base) * unit * unit2);
  }
  let sign = 1;
  if (s.startsWith('负')) {
    sign = -1;
    s = s.slice(1);
  }
  const chinese = parseChinese(s);
  return chinese === null ? null : sign * chinese;
}

function arabicValue(m: RegExpExecArray): number {
  const int = (m[2] as string).replace(/[,，]/g, '');
  const value = Number(m[3] ? `${int}.${m[3]}` : int);
  return m[1] === '-' ? -value : value;
}

/** Avoids 1.2 × 10000 = 11999.999… */
function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

/**
 * Chinese numerals. Without any multiplier a run of digits is read digit by digit (二〇二一 → 2021);
 * otherwise by sections (一亿二千万 → 120000000), with 零 allowed between places and a trailing digit
 * after a multiplier taken as the next place (一万五 → 15000). A decimal part follows 点.
 */
function parseChinese(s: string): number | null {
  const point = s.indexOf('点');
  if (point >= 0) {
    const int = parseChinese(s.slice(0, point));
    const frac = s.slice(point + 1);
    if (int === null || frac === '' || [...frac].some((c) => DIGITS[c] === undefined)) return null;
    return Number(`${int}.${[...frac].map((c) => DIGITS[c]).join('')}`);
  }
  const chars = [...s];
  if (chars.length === 0) return null;
  if (chars.every((c) => DIGITS[c] !== undefined)) {
    if (chars.length === 1) return DIGITS[chars[0] as string] as number;
    // A digit string like a year (二〇一二); 两 never appears in one.
    if (chars.includes('两')) return null;
    return Number(chars.map((c) => DIGITS[c]).join(''));
  }
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  let lastSmall = Number.POSITIVE_INFINITY;
  let lastBig = Number.POSITIVE_INFINITY;
  let afterZero = false;
  let lastUnit = 0;
  // Arabic runs count as one digit of their place (1万2千 = 12000, 3千5百 = 3500).
  const tokens = s.match(/\d+(?:\.\d+)?|[^\d]/gu) ?? [];
  for (let i = 0; i < tokens.length; i++) {
    const c = tokens[i] as string;
    const d = /^\d/.test(c) ? Number(c) : DIGITS[c];
    if (d !== undefined) {
      if (d === 0 && c.length === 1) {
        if (digit !== null) return null;
        afterZero = true;
        continue;
      }
      if (digit !== null) return null;
      digit = d;
      continue;
    }
    const small = SMALL_UNITS[c];
    if (small !== undefined) {
      if (small >= lastSmall) return null;
      // 十五 means 一十五; elsewhere a multiplier needs its digit.
      const n = digit ?? (small === 10 && section === 0 && total === 0 ? 1 : null);
      if (n === null) return null;
      section += n * small;
      digit = null;
      lastSmall = small;
      lastUnit = small;
      afterZero = false;
      continue;
    }
    const big = BIG_UNITS[c];
    if (big !== undefined) {
      const sectionValue = section + (digit ?? 0);
      if (sectionValue === 0 && total === 0) return null;
      if (big >= lastBig) {
        // 一万亿: 亿 multiplies everything before it.
        total = (total + sectionValue) * big;
      } else {
        total += sectionValue * big;
      }
      lastBig = Math.min(lastBig, big);
      section = 0;
      digit = null;
      lastSmall = Number.POSITIVE_INFINITY;
      lastUnit = big;
      afterZero = false;
      continue;
    }
    return null;
  }
  if (digit !== null) {
    // 一万五 = 15000, 三百五 = 350; after 零 the digit is a unit digit (一百零五 = 105).
    const elided = !afterZero && lastUnit >= 100 ? lastUnit / 10 : 1;
    section += digit * elided;
  }
  return total + section;
}

function toHalfWidth(s: string): string {
  return s.replace(/[\uff10-\uff19\uff0e\uff05\uff0b\uff0d]/g, (c) =>
    String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  );
}

/** A number found in running text, with the unit that follows it. */
export interface NumberMention {
  value: number;
  qualifier: Qualifier;
  /** The unit written after the number (`条`, `万元`, `%` …), `''` when none. */
  unit: string;
  /** The number as written, qualifiers included (`80余`, `近万`, `26.8万`): exactly `text.slice(...span)`. */
  stated: string;
  span: [number, number];
  /** The whole mention: qualifiers, number, unit and a trailing 左右/以上. */
  extent: [number, number];
}

/** Units reports count in, longest first so `人次` wins over `人` and `万元` over `万`. */
export const COUNT_UNITS = [
  '个工作日',
  '万人次',
  '工作日',
  '人次',
  '万元',
  '亿元',
  '千元',
  '批次',
  '大类',
  '小时',
  '分钟',
  '条',
  '件',
  '篇',
  '次',
  '场',
  '期',
  '个',
  '人',
  '元',
  '%',
  '家',
  '项',
  '份',
  '批',
  '起',
  '类',
  '户',
  '所',
  '名',
  '台',
  '本',
  '册',
  '张',
  '天',
  '日',
  '年',
  '月',
  '号',
  '部',
  '组',
  '位',
  '处',
  '辆',
  '块',
  '套',
  '页',
  '栏',
  '档',
  '轮',
  '篇次',
  '通',
  '封',
  '单',
  '宗',
  '例',
].sort((a, b) => b.length - a.length);

const CN_NUM = '零〇○一二两三四五六七八九十百千万亿';
/**
 * Candidate numbers: Arabic (signed, with separators and decimals, optionally scaled by 万/亿),
 * Chinese numerals, or 百分之…; each with optional qualifier words around it.
 */
const MENTION = new RegExp(
  '(大约|约|将近|接近|近|不足|不到|超过|逾)?' +
    '(?:' +
    '((?<![\\d.,A-Za-z@_/-])[+-]?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?(?![\\d])(?!\\.?[A-Za-z@_])(?!-\\d)[万亿千]?)' +
    '|(百分之[' +
    CN_NUM +
    '点]+)' +
    `|([${CN_NUM}]+)` +
    ')' +
    '(余|多|以上|左右)?',
  'gu',
);

/**
 * Finds every number mention in `text[from, to)`: its value, qualifier, the unit written after it and
 * spans. Ordinals (`第三`), numbers glued to Latin letters (e-mail, URLs) and Chinese numerals not
 * followed by a unit (`一是`, `统一`) are skipped; a lone `无` between punctuation is a stated zero.
 *
 * @example
 * findNumbers('公开信息64条，微信80余条，近万条，26.8万人次')
 * // → [{ value: 64, unit: '条', stated: '64' }, { value: 80, qualifier: 'over', stated: '80余', unit: '条' },
 * //    { value: 10000, qualifier: 'under', stated: '近万' }, { value: 268000, unit: '人次', stated: '26.8万' }]
 */
export function findNumbers(text: string, from = 0, to = text.length): NumberMention[] {
  const out: NumberMention[] = [];
  const slice = text.slice(0, to);
  MENTION.lastIndex = from;
  for (let m = MENTION.exec(slice); m; m = MENTION.exec(slice)) {
    const start = m.index;
    let end = start + m[0].length;
    const prefix = m[1] ?? '';
    const arabic = m[2];
    const percentWord = m[3];
    const chinese = m[4];
    let suffix = m[5] ?? '';
    const numStart = start + prefix.length;
    const before = text[numStart - 1] ?? '';
    // 第三, （3）: ordinals and list markers, not quantities.
    if (before === '第') continue;
    if ((before === '（' || before === '(') && /[）)]/.test(text[end] ?? '')) continue;
    if (chinese !== undefined) {
      // A Chinese numeral counts only when a unit follows (一是, 统一, 进一步 are words); a lone 一 even then
      // is mostly an article (一个窗口, 一次性), while 两次, 两人 are counts, and so is 一名 (一名工作人员).
      if (!prefix && chinese === '一' && !suffix && text[end] !== '名') continue;
      if (/^[十百千万亿]+$/.test(chinese) && !prefix && !suffix) continue;
    }
    const unitAt = end;
    const unit = COUNT_UNITS.find((u) => text.startsWith(u, unitAt)) ?? '';
    if (chinese !== undefined && unit === '') continue;
    if (chinese !== undefined && '年月日号'.includes(unit)) continue;
    let extentEnd = end + unit.length;
    // 30人左右, 100件以上: the qualifier after the unit.
    if (!suffix) {
      const tail = /^(左右|以上|余)/.exec(text.slice(extentEnd, extentEnd + 2));
      if (tail) {
        suffix = tail[1] as string;
        extentEnd += suffix.length;
      }
    }
    const numberText = arabic ?? percentWord ?? chinese ?? '';
    const stated = text.slice(start, end);
    const parsed = parseCnNumber(prefix + numberText + (m[5] ?? ''));
    if (!parsed) continue;
    let qualifier = parsed.qualifier;
    if (qualifier === 'exact' && suffix) qualifier = suffix === '左右' ? 'about' : 'over';
    let value = parsed.value;
    let finalUnit = unit;
    // 615.54万元 is 615.54 in 万元, not 6155400 元.
    const scaled = arabic ? /^(.*?)(万|亿)(余)?$/.exec(arabic) : null;
    if (scaled && unit === '元') {
      const base = parseCnNumber(scaled[1] as string);
      if (base) {
        value = base.value;
        finalUnit = `${scaled[2]}元`;
      }
    }
    if (percentWord) finalUnit = '%';
    end = start + stated.length;
    out.push({ value, qualifier, unit: finalUnit, stated, span: [start, end], extent: [start, extentEnd] });
  }
  // Stated zeros: 无 standing alone between line breaks or punctuation.
  const zero = /(?<=^|[\n。；;：:，,\s|])无(?=$|[\n。；;，,\s|])/g;
  zero.lastIndex = from;
  for (let m = zero.exec(slice); m; m = zero.exec(slice)) {
    out.push({
      value: 0,
      qualifier: 'exact',
      unit: '',
      stated: '无',
      span: [m.index, m.index + 1],
      extent: [m.index, m.index + 1],
    });
  }
  return out.sort((a, b) => a.span[0] - b.span[0]);
}
