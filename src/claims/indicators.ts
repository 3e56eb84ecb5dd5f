import type { UnitFamily } from './units.js';

/**
 * How prose names an indicator: the words (`re`), the unit families a count of it is stated in, and words
 * the sentence must also hold (`needs`) or must not hold right before the subject (`not`). Entries are
 * ordered most specific first: the first entry that matches a clause names its indicator.
 *
 * @example
 * const s: Subject = { indicator: 'review.total', re: /行政复议/, units: ['cases'] };
 */
export interface Subject {
  indicator: string;
  re: RegExp;
  units: UnitFamily[];
  /**
   * A pattern the sentence or its section title must also match (`办结` is about requests only where 申请
   * is said; `受理申请121510件` at a service window is not a disclosure request).
   */
  needs?: RegExp;
  /** True for subjects that a stated zero may name (`未发生行政复议`). */
  zero?: boolean;
  /**
   * A part of another count: of the two words, the sentence up to the count must name `of` last
   * (`行政复议4起，其中1起尚未审结` is a review result; after `行政诉讼2件，其中维持1件` it is a lawsuit's).
   */
  within?: { of: RegExp; not: RegExp };
}

const IN_REVIEW = { of: /复议/g, not: /诉讼/g };
const IN_LITIGATION = { of: /诉讼/g, not: /复议/g };
/** Results of a review or lawsuit, as prose words them. */
const UPHELD = /维持/;
const CORRECTED = /纠正|纠错|确认违法|撤销(?:原|该)?(?:具体)?行政行为/;
const PENDING = /尚未审结|未审结|尚在审理|正在审理|审理中/;

/** Requests for disclosure (依申请公开): the verbs and nouns that put a sentence about them. */
const ABOUT_REQUESTS = /申请/;

/**
 * The indicators prose states, most specific first. A subject found in the words leading up to a count
 * (or just after it: `收到70件申请`) names the count's indicator.
 *
 * @example
 * SUBJECTS.find((s) => s.re.test('行政复议'))?.indicator; // 'review.total'
 */
export const SUBJECTS: Subject[] = [
  { indicator: 'fees.informationProcessing', re: /信息处理费/, units: ['money'], zero: true },
  { indicator: 'review.pending', re: PENDING, units: ['cases'], within: IN_REVIEW },
  { indicator: 'review.upheld', re: UPHELD, units: ['cases'], within: IN_REVIEW },
  { indicator: 'review.corrected', re: CORRECTED, units: ['cases'], within: IN_REVIEW },
  { indicator: 'litigation.upheld', re: UPHELD, units: ['cases'], within: IN_LITIGATION },
  { indicator: 'litigation.corrected', re: CORRECTED, units: ['cases'], within: IN_LITIGATION },
  { indicator: 'review.total', re: /行政复议|复议/, units: ['cases'], zero: true },
  { indicator: 'litigation.total', re: /行政诉讼|诉讼/, units: ['cases'], zero: true },
  { indicator: 'complaints.total', re: /举报|投诉/, units: ['cases'], zero: true },
  { indicator: 'appeals.total', re: /申诉/, units: ['cases'], zero: true },
  {
    indicator: 'applications.answered.denied',
    re: /不予(?:以)?公开|不公开|不同意公开|不宜公开|免予公开/,
    units: ['cases'],
    zero: true,
  },
  { indicator: 'applications.fees', re: /收费|费用|收取.{0,4}费/, units: ['money'], zero: true },
  { indicator: 'applications.answered.partial', re: /部分公开/, units: ['cases'], needs: ABOUT_REQUESTS },
  {
    indicator: 'applications.answered.notExist',
    re: /信息不存在|政府信息不存在/,
    units: ['cases'],
    needs: ABOUT_REQUESTS,
  },
  {
    indicator: 'applications.answered.notHeld',
    re: /不属于本(?:行政)?机关|非本(?:行政)?机关|不属于本(?:单位|部门)/,
    units: ['cases'],
    needs: ABOUT_REQUESTS,
  },
  {
    indicator: 'applications.answered.granted',
    re: /同意公开|予以公开|全部公开|全部予以公开/,
    units: ['cases'],
    needs: ABOUT_REQUESTS,
  },
  { indicator: 'applications.received.inPerson', re: /当面/, units: ['cases'], needs: ABOUT_REQUESTS },
  {
    indicator: 'applications.received.online',
    re: /网上申请|网络申请|在线申请|网上提交|通过网络/,
    units: ['cases'],
    needs: ABOUT_REQUESTS,
  },
  {
    indicator: 'applications.received.email',
    re: /电子邮件|电子邮箱|邮件/,
    units: ['cases'],
    needs: ABOUT_REQUESTS,
  },
  { indicator: 'applications.received.letter', re: /信函/, units: ['cases'], needs: ABOUT_REQUESTS },
  { indicator: 'applications.received.fax', re: /传真/, units: ['cases'], needs: ABOUT_REQUESTS },
  {
    indicator: 'applications.closed.onTime',
    re: /按时办结|按期办结/,
    units: ['cases'],
    needs: ABOUT_REQUESTS,
  },
  {
    indicator: 'applications.closed.total',
    re: /办结/,
    units: ['cases'],
    needs: ABOUT_REQUESTS,
  },
  {
    indicator: 'applications.answered.total',
    re: /答复/,
    units: ['cases'],
    needs: ABOUT_REQUESTS,
  },
  // Template-era rows that prose restates (`上年度结转1件`, `结转下年继续办理1件`, `无法提供4件`): keys of
  // eras B and C only, so era A prose never gives them.
  {
    indicator: 'requests.carriedOver.total',
    re: /上一?年度?结转|上年度?遗留/,
    units: ['cases'],
    needs: ABOUT_REQUESTS,
    zero: true,
  },
  {
    indicator: 'requests.carriedForward.total',
    re: /结转(?:至|到)?下一?年度?/,
    units: ['cases'],
    needs: ABOUT_REQUESTS,
  },
  {
    indicator: 'requests.unavailable.subtotal.total',
    re: /无法提供/,
    units: ['cases'],
    needs: ABOUT_REQUESTS,
  },
  {
    indicator: 'requests.notProcessed.subtotal.total',
    re: /不予处理/,
    units: ['cases'],
    needs: ABOUT_REQUESTS,
  },
  {
    indicator: 'applications.received.total',
    re: /依申请|(?:收到|受理|接到|接收|办理)[^，,；;。]{0,16}申请|申请/,
    units: ['cases'],
    needs: /公开|依申请/,
    zero: true,
  },
  { indicator: 'active.normativeDocs.published', re: /规范性文件/, units: ['items'] },
  {
    indicator: 'response.pressConferences',
    re: /新闻发布会|发布会/,
    units: ['events'],
  },
  { indicator: 'response.interviews', re: /在线访谈|访谈/, units: ['events'] },
  { indicator: 'response.interpretations', re: /解读/, units: ['items'] },
  { indicator: 'response.other', re: /(?:其他|其它)(?:方式|渠道)回应/, units: ['items', 'events'] },
  { indicator: 'training.trainees', re: /培训/, units: ['people'] },
  // Attendance stated in its own clause (`共举办4次培训，参加人数为34人`).
  { indicator: 'training.trainees', re: /参加人数|参训人数|参训/, units: ['people'], needs: /培训/ },
  { indicator: 'training.sessions', re: /培训|业务学习|专题学习/, units: ['events'] },
  { indicator: 'meetings.total', re: /会议|专题会|例会/, units: ['events'] },
  { indicator: 'org.readingPoints', re: /查阅点|查阅场所|查阅室|阅览点|阅览室|查询点/, units: ['places'] },
  { indicator: 'org.staff.fullTime', re: /专职/, units: ['people'] },
  { indicator: 'org.staff.partTime', re: /兼职/, units: ['people'] },
  {
    indicator: 'org.staff.total',
    re: /工作人员|人员|专人|负责|承办|经办|配备|配置|具体办理/,
    units: ['people'],
  },
  {
    indicator: 'active.total',
    re: /主动公开|(?:公开|公布|发布)(?:各类|各项)?政府信息|(?:公开|公布|发布)(?:各类|各项)信息/,
    units: ['items'],
  },
];
