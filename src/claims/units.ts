import { COUNT_UNITS } from '../text/cn-number.js';

/**
 * The one unit list of the project is the number scanner's ({@link COUNT_UNITS}); these are its families as
 * the claims use them. A count's unit says what kind of thing was counted, so an indicator accepts only the
 * families it can be measured in (`行政复议2件` is a count of cases, `行政复议2次` of events). 个 counts
 * places and events only: `共五个部分` is no count of requests.
 */
export const UNIT_FAMILY = {
  /** Published items. */
  items: ['条', '篇', '期', '件', '份', '项', '批', '批次', '篇次'],
  /** Cases and requests. */
  cases: ['件', '条', '份', '起', '宗', '例', '项', '次', '人次', '批'],
  /** Events, sessions, meetings. */
  events: ['次', '场', '期', '批', '批次', '轮', '个'],
  /** People. */
  people: ['人', '名', '位', '人次', '万人次'],
  /** Money. */
  money: ['元', '万元', '亿元', '千元'],
  /** Places and bodies. */
  places: ['个', '处', '所', '家'],
  /** Categories a list is announced in (`共计十一大类`). */
  categories: ['类', '大类'],
  /** Shares. */
  share: ['%'],
} as const satisfies Record<string, readonly (typeof COUNT_UNITS)[number][]>;

export type UnitFamily = keyof typeof UNIT_FAMILY;

/**
 * Whether a unit belongs to a family.
 *
 * @example
 * inFamily('件', 'cases'); // true
 */
export function inFamily(unit: string, family: UnitFamily): boolean {
  return (UNIT_FAMILY[family] as readonly string[]).includes(unit);
}

/** Every unit a claim may be stated in (calendar and duration units are not counts). */
export const CLAIM_UNITS: ReadonlySet<string> = new Set(Object.values(UNIT_FAMILY).flat());

export { COUNT_UNITS };
