import { parseCnNumber } from './cn-number.js';

/** A calendar date found in report text. */
export interface DateMention {
  year: number;
  month: number;
  /** Absent for month-only dates (`2019年1月`). */
  day?: number;
  /** `YYYY-MM-DD`, or `YYYY-MM` when there is no day. */
  iso: string;
  /** Exactly `text.slice(...span)`. */
  stated: string;
  span: [number, number];
  /** True when the year was not written and was taken from an earlier date (`至12月31日`). */
  yearInherited?: boolean;
}

/** A stated reporting period (`自2021年1月1日起至2021年12月31日止`). */
export interface Period {
  /** ISO start date; absent when the period was left blank (`统计期限自至`). */
  start?: string;
  end?: string;
  /** True for a period whose dates were left out. */
  blank?: boolean;
  stated: string;
  span: [number, number];
}

const CN_DIGIT = '零〇○Ｏ一二三四五六七八九';
const CN_SMALL = '一二三四五六七八九十';
/** A date written with Arabic digits (`2019年1月14日`, `2019-01-14`, `2019.1.14`, `2019/1/14`) or Chinese numerals. */
const DATE = new RegExp(
  [
    '(?<![\\d.])(\\d{4})年(\\d{1,2})月(?:(\\d{1,2})[日号])?',
    '(?<![\\d.])(\\d{4})([-./])(\\d{1,2})\\5(\\d{1,2})(?![\\d.])',
    `([${CN_DIGIT}]{4})年([${CN_SMALL}]{1,3})月(?:([${CN_SMALL}]{1,3})[日号])?`,
  ].join('|'),
  'g',
);
/** A month and day without a year (the end of `2024年1月1日至12月31日`). */
const MONTH_DAY = /^(\d{1,2})月(\d{1,2})[日号]/;

/**
 * Finds every date in `text`, with its span: Arabic (`2019年1月14日`, `2019年1月`, `2019-01-14`,
 * `2019.1.14`, `2019/1/14`) and Chinese-numeral (`二○一二年二月二十日`) forms. Impossible dates are
 * skipped. A `M月D日` right after a range word (`至`, `到`) inherits the year of the date before it.
 *
 * @example
 * findDates('截至2019年12月31日')[0].iso; // '2019-12-31'
 * findDates('二○一二年二月二十日')[0].iso; // '2012-02-20'
 */
export function findDates(text: string): DateMention[] {
  const out: DateMention[] = [];
  DATE.lastIndex = 0;
  for (let m = DATE.exec(text); m; m = DATE.exec(text)) {
    let year: number | null;
    let month: number | null;
    let day: number | null | undefined;
    if (m[1]) {
      year = Number(m[1]);
      month = Number(m[2]);
      day = m[3] ? Number(m[3]) : undefined;
    } else if (m[4]) {
      year = Number(m[4]);
      month = Number(m[6]);
      day = Number(m[7]);
    } else {
      year = parseCnNumber(m[8] as string)?.value ?? null;
      month = parseCnNumber(m[9] as string)?.value ?? null;
      day = m[10] ? (parseCnNumber(m[10])?.value ?? null) : undefined;
    }
    if (year === null || month === null || day === null) continue;
    const date = makeDate(text, m.index, m.index + m[0].length, year, month, day);
    if (!date) continue;
    out.push(date);
    // 2024年1月1日至12月31日: the second date inherits the year.
    const after = text.slice(date.span[1], date.span[1] + 12);
    const range = /^(?:起|开始)?(?:至|到|—|–|-|~|～)/.exec(after);
    if (range && day !== undefined) {
      const rest = after.slice(range[0].length);
      const md = MONTH_DAY.exec(rest);
      if (md) {
        const s = date.span[1] + range[0].length;
        const next = makeDate(text, s, s + md[0].length, year, Number(md[1]), Number(md[2]));
        if (next) out.push({ ...next, yearInherited: true });
      }
    }
  }
  return out;
}

function makeDate(
  text: string,
  start: number,
  end: number,
  year: number,
  month: number,
  day: number | undefined,
): DateMention | null {
  if (year < 1949 || year > 2100 || month < 1 || month > 12) return null;
  if (day !== undefined && (day < 1 || day > daysInMonth(year, month))) return null;
  const mm = String(month).padStart(2, '0');
  const iso = day === undefined ? `${year}-${mm}` : `${year}-${mm}-${String(day).padStart(2, '0')}`;
  const out: DateMention = { year, month, iso, stated: text.slice(start, end), span: [start, end] };
  if (day !== undefined) out.day = day;
  return out;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Words between the two dates of a period. */
const PERIOD_JOIN = /^(?:起|开始)?\s*(?:至|到|—|–|-|~|～)\s*$/;
/** A period left blank: `统计期限自至`, `统计期限为年月日至年月日`. */
const BLANK_PERIOD =
  /(?:统计|数据)(?:期限|时限|周期|时间|区间)(?:为|是)?\s*(?:自|从)?\s*(?:年月日)?\s*(?:起)?\s*(?:至|到)\s*(?:年月日)?\s*止?/g;

/**
 * Finds every stated period: two full dates joined by 至/到/— (with optional 自/从 … 起 … 止 around
 * them), where the second may inherit the year (`2024年1月1日至12月31日`); and blank periods
 * (`统计期限自至`).
 *
 * @example
 * findPeriods('统计期限自2021年1月1日起至2021年12月31日止')[0];
 * // { start: '2021-01-01', end: '2021-12-31', stated: '自2021年1月1日起至2021年12月31日止', span: [4, 28] }
 */
export function findPeriods(text: string): Period[] {
  const dates = findDates(text).filter((d) => d.day !== undefined);
  const out: Period[] = [];
  for (let i = 0; i + 1 < dates.length; i++) {
    const a = dates[i] as DateMention;
    const b = dates[i + 1] as DateMention;
    if (!PERIOD_JOIN.test(text.slice(a.span[1], b.span[0]))) continue;
    if (b.iso < a.iso) continue;
    let start = a.span[0];
    let end = b.span[1];
    const lead = /(?:自|从)\s*$/.exec(text.slice(Math.max(0, start - 2), start));
    if (lead) start -= lead[0].length;
    const tail = /^\s*止/.exec(text.slice(end, end + 2));
    if (tail) end += tail[0].length;
    out.push({ start: a.iso, end: b.iso, stated: text.slice(start, end), span: [start, end] });
    i++;
  }
  BLANK_PERIOD.lastIndex = 0;
  for (let m = BLANK_PERIOD.exec(text); m; m = BLANK_PERIOD.exec(text)) {
    const s = m.index;
    const e = s + m[0].length;
    if (out.some((p) => p.span[0] < e && s < p.span[1])) continue;
    out.push({ blank: true, stated: m[0], span: [s, e] });
  }
  return out.sort((x, y) => x.span[0] - y.span[0]);
}

/**
 * The report's reporting period: the first period stated near a 统计/数据 phrase, else the first one.
 * `null` when none is stated.
 *
 * @example
 * findPeriod('本报告所列数据的统计期限自2019年1月1日起至2019年12月31日止。')?.end; // '2019-12-31'
 * findPeriod('统计期限自至')?.blank; // true
 */
export function findPeriod(text: string): Period | null {
  const periods = findPeriods(text);
  const near = periods.find((p) =>
    /统计|数据|期限|时限|周期/.test(text.slice(Math.max(0, p.span[0] - 16), p.span[0])),
  );
  return near ?? periods[0] ?? null;
}
