import type { FigureKey, IndicatorKey } from '../model/index.js';
import type {
  Indicator,
  ReviewBlock,
  SumFamily,
  Template,
  TemplateColumn,
  TemplateSection,
} from './types.js';

// Era A: the 2008–2018 reports under the old 《条例》 (国务院令第492号): four or five parts in prose and a
// statistics table (national 统计表, or regional families such as the Fujian two-column table with its
// 历年累计 column), whose rows are the indicators below.

/** The parts every era A report has under the old 《条例》 article 32, in order. */
export const SECTIONS_A: TemplateSection[] = [
  { name: '主动公开政府信息情况', match: /主动公开/, overviewAspect: true },
  { name: '依申请公开政府信息情况', match: /依申请|申请公开|申请情况/, overviewAspect: true },
  { name: '行政复议、行政诉讼情况', match: /复议|诉讼/ },
  { name: '存在的主要问题及改进措施', match: /问题|改进|打算/ },
];

const review = (leaf: string) => ({
  'review.total': `review.${leaf}`,
  'litigation.total': `litigation.${leaf}`,
});

/**
 * Every era A statistics indicator in the order of the national 统计表, with every printed wording (the
 * national table, the Fujian two-column table, numbered headings of prose reports). `region` marks rows
 * only a regional family prints.
 *
 * @example
 * INDICATORS.find((i) => i.texts.includes('收到申请数'))?.key; // 'applications.received.total'
 */
export const INDICATORS = [
  {
    key: 'active.total',
    label: '主动公开政府信息数 / 主动公开信息数 / 主动公开文件数',
    texts: ['主动公开政府信息数', '主动公开信息数', '主动公开文件数'],
    unit: '条',
    cumulative: true,
  },
  {
    key: 'active.normativeDocs.published',
    label: '其中：主动公开规范性文件数',
    texts: ['主动公开规范性文件数'],
    unit: '条',
  },
  {
    key: 'active.normativeDocs.issuedTotal',
    label: '制发规范性文件总数',
    texts: ['制发规范性文件总数'],
    unit: '件',
  },
  {
    key: 'active.channels.gazette',
    label: '政府公报公开政府信息数 / 政府公报公开数',
    texts: ['政府公报公开政府信息数', '政府公报公开数', '政府公报公开'],
    unit: '条',
    cumulative: true,
  },
  {
    key: 'active.channels.website',
    label: '政府网站公开政府信息数 / 政府网站公开数 / 网站公开',
    texts: ['政府网站公开政府信息数', '政府网站公开数', '网站公开数', '网站公开'],
    unit: '条',
    cumulative: true,
  },
  {
    key: 'active.channels.weibo',
    label: '政务微博公开政府信息数',
    texts: ['政务微博公开政府信息数'],
    unit: '条',
  },
  {
    key: 'active.channels.wechat',
    label: '政务微信公开政府信息数',
    texts: ['政务微信公开政府信息数'],
    unit: '条',
  },
  {
    key: 'active.channels.other',
    label: '其他方式公开政府信息数',
    texts: ['其他方式公开政府信息数', '其它方式公开政府信息数'],
    unit: '条',
  },
  {
    key: 'response.hotspots',
    label: '回应公众关注热点或重大舆情数',
    texts: ['回应公众关注热点或重大舆情数'],
    unit: '次',
  },
  {
    key: 'response.pressConferences',
    label: '参加或举办新闻发布会总次数',
    texts: ['参加或举办新闻发布会总次数'],
    unit: '次',
  },
  {
    key: 'response.pressConferencesByLeaders',
    label: '其中：主要负责同志参加新闻发布会次数',
    texts: ['主要负责同志参加新闻发布会次数'],
    unit: '次',
  },
  { key: 'response.interviews', label: '政府网站在线访谈次数', texts: ['政府网站在线访谈次数'], unit: '次' },
  {
    key: 'response.interviewsByLeaders',
    label: '其中：主要负责同志参加政府网站在线访谈次数',
    texts: ['主要负责同志参加政府网站在线访谈次数'],
    unit: '次',
  },
  { key: 'response.interpretations', label: '政策解读稿件发布数', texts: ['政策解读稿件发布数'], unit: '篇' },
  { key: 'response.weiboWechat', label: '微博微信回应事件数', texts: ['微博微信回应事件数'], unit: '次' },
  {
    key: 'response.other',
    label: '其他方式回应事件数',
    texts: ['其他方式回应事件数', '其它方式回应事件数'],
    unit: '次',
  },
  {
    key: 'applications.received.total',
    label: '收到申请数 / 受理依申请公开信息总数 / 申请总数',
    texts: [
      '收到申请数',
      '收到申请总数',
      '受理申请总数',
      '受理依申请公开信息总数',
      '受理政府信息依申请公开总数',
      '申请总数',
    ],
    unit: '件',
    cumulative: true,
  },
  {
    key: 'applications.received.inPerson',
    label: '当面申请数',
    texts: ['当面申请数'],
    unit: '件',
    cumulative: true,
  },
  {
    key: 'applications.received.fax',
    label: '传真申请数',
    texts: ['传真申请数'],
    unit: '件',
    cumulative: true,
  },
  {
    key: 'applications.received.email',
    label: '电子邮件申请数',
    texts: ['电子邮件申请数'],
    unit: '件',
    cumulative: true,
  },
  {
    key: 'applications.received.online',
    label: '网络申请数 / 网上申请数',
    texts: ['网络申请数', '网上申请数'],
    unit: '件',
    cumulative: true,
  },
  {
    key: 'applications.received.letter',
    label: '信函申请数',
    texts: ['信函申请数'],
    unit: '件',
    cumulative: true,
  },
  {
    key: 'applications.received.letterOrFax',
    label: '信函、传真申请数 (Fujian)',
    texts: ['信函、传真申请数', '信函传真申请数'],
    unit: '件',
    cumulative: true,
    region: 'fujian',
  },
  {
    key: 'applications.received.other',
    label: '其它形式申请数',
    texts: ['其它形式申请数', '其他形式申请数'],
    unit: '件',
    cumulative: true,
  },
  { key: 'applications.closed.total', label: '申请办结数', texts: ['申请办结数'], unit: '件' },
  { key: 'applications.closed.onTime', label: '按时办结数', texts: ['按时办结数'], unit: '件' },
  { key: 'applications.closed.extended', label: '延期办结数', texts: ['延期办结数'], unit: '件' },
  {
    key: 'applications.answered.total',
    label: '申请答复数 / 对申请的答复总数',
    texts: ['申请答复数', '对申请的答复总数', '对申请的答复数'],
    unit: '件',
    cumulative: true,
  },
  {
    key: 'applications.answered.alreadyPublic',
    label: '属于已主动公开范围数',
    texts: ['属于已主动公开范围数'],
    unit: '件',
  },
  {
    key: 'applications.answered.granted',
    label: '同意公开答复数',
    texts: ['同意公开答复数'],
    unit: '件',
    cumulative: true,
  },
  {
    key: 'applications.answered.partial',
    label: '同意部分公开答复数',
    texts: ['同意部分公开答复数'],
    unit: '件',
    cumulative: true,
  },
  {
    key: 'applications.answered.denied',
    label: '不同意公开答复数 / 否决公开答复数 / 不予公开答复数',
    texts: ['不同意公开答复数', '否决公开答复总数', '否决公开答复数', '不予公开答复总数', '不予公开答复数'],
    unit: '件',
    cumulative: true,
  },
  {
    key: 'applications.answered.notHeld',
    label: '不属于本行政机关公开数',
    texts: ['不属于本行政机关公开数'],
    unit: '件',
  },
  {
    key: 'applications.answered.notExist',
    label: '申请信息不存在数',
    texts: ['申请信息不存在数'],
    unit: '件',
  },
  {
    key: 'applications.answered.amend',
    label: '告知作出更改补充数',
    texts: ['告知作出更改补充数'],
    unit: '件',
  },
  {
    key: 'applications.answered.otherRoute',
    label: '告知通过其他途径办理数',
    texts: ['告知通过其他途径办理数'],
    unit: '件',
  },
  {
    key: 'applications.answered.otherType',
    label: '其他类型答复数 (Fujian)',
    texts: ['其他类型答复数', '其它类型答复数'],
    unit: '件',
    cumulative: true,
    region: 'fujian',
  },
  {
    key: 'applications.denialReason.stateSecret',
    label: '涉及国家秘密',
    texts: ['涉及国家秘密'],
    unit: '件',
  },
  {
    key: 'applications.denialReason.commercialSecret',
    label: '涉及商业秘密',
    texts: ['涉及商业秘密'],
    unit: '件',
  },
  { key: 'applications.denialReason.privacy', label: '涉及个人隐私', texts: ['涉及个人隐私'], unit: '件' },
  {
    key: 'applications.denialReason.securityStability',
    label: '危及国家安全、公共安全、经济安全和社会稳定',
    texts: ['危及国家安全、公共安全、经济安全和社会稳定'],
    unit: '件',
  },
  {
    key: 'applications.denialReason.notGovInfo',
    label: '不是《条例》所指政府信息',
    texts: ['不是《条例》所指政府信息'],
    unit: '件',
  },
  {
    key: 'applications.denialReason.otherLaw',
    label: '法律法规规定的其他情形',
    texts: ['法律法规规定的其他情形'],
    unit: '件',
  },
  {
    key: 'applications.fees',
    label: '依申请公开信息收取的费用',
    texts: ['依申请公开信息收取的费用'],
    unit: '万元',
  },
  {
    key: 'fees.waived',
    label: '政府信息公开收费减免金额 (Fujian)',
    texts: ['政府信息公开收费减免金额', '收费减免金额'],
    unit: '万元',
    cumulative: true,
    region: 'fujian',
  },
  {
    key: 'review.total',
    label: '行政复议数量 / 行政复议数',
    texts: ['行政复议数量', '行政复议数'],
    unit: '件',
    cumulative: true,
  },
  {
    key: 'review.upheld',
    label: '行政复议 · 维持具体行政行为数',
    texts: ['维持具体行政行为数'],
    unit: '件',
    byParent: review('upheld'),
  },
  {
    key: 'review.corrected',
    label: '行政复议 · 被依法纠错数',
    texts: ['被依法纠错数'],
    unit: '件',
    byParent: review('corrected'),
  },
  {
    key: 'review.other',
    label: '行政复议 · 其他情形数',
    texts: ['其他情形数'],
    unit: '件',
    byParent: review('other'),
  },
  {
    key: 'litigation.total',
    label: '行政诉讼数量 / 行政诉讼数',
    texts: ['行政诉讼数量', '行政诉讼数'],
    unit: '件',
    cumulative: true,
  },
  {
    key: 'litigation.upheld',
    label: '行政诉讼 · 维持具体行政行为或者驳回原告诉讼请求数',
    texts: ['维持具体行政行为或者驳回原告诉讼请求数'],
    unit: '件',
  },
  { key: 'litigation.corrected', label: '行政诉讼 · 被依法纠错数', texts: [], unit: '件' },
  { key: 'litigation.other', label: '行政诉讼 · 其他情形数', texts: [], unit: '件' },
  { key: 'complaints.total', label: '举报投诉数量', texts: ['举报投诉数量', '投诉举报数量'], unit: '件' },
  {
    key: 'appeals.total',
    label: '行政申诉数 / 行政申诉、举报数 / 接受行政诉讼、举报数 (Fujian)',
    texts: ['行政申诉、举报数', '接受行政诉讼、举报数', '接受行政申诉、举报数', '行政申诉数'],
    unit: '件',
    cumulative: true,
    region: 'fujian',
  },
  {
    key: 'org.dedicatedUnits',
    label: '政府信息公开工作专门机构数',
    texts: ['政府信息公开工作专门机构数'],
    unit: '个',
  },
  {
    key: 'org.readingPoints',
    label: '设置政府信息公开查阅点数',
    texts: ['设置政府信息公开查阅点数'],
    unit: '个',
  },
  {
    key: 'org.staff.total',
    label: '从事政府信息公开工作人员数',
    texts: ['从事政府信息公开工作人员数'],
    unit: '人',
  },
  { key: 'org.staff.fullTime', label: '专职人员数', texts: ['专职人员数'], unit: '人' },
  { key: 'org.staff.partTime', label: '兼职人员数', texts: ['兼职人员数'], unit: '人' },
  { key: 'org.budget', label: '政府信息公开专项经费', texts: ['政府信息公开专项经费'], unit: '万元' },
  {
    key: 'meetings.total',
    label: '召开政府信息公开工作会议或专题会议数',
    texts: ['召开政府信息公开工作会议或专题会议数'],
    unit: '次',
  },
  { key: 'training.sessions', label: '举办各类培训班数', texts: ['举办各类培训班数'], unit: '次' },
  { key: 'training.trainees', label: '接受培训人员数', texts: ['接受培训人员数'], unit: '人次' },
] as const satisfies readonly Indicator[];

/**
 * 其中 rows of the statistics tables: a child never exceeds its parent (both columns).
 *
 * @example
 * PARENT_OF['active.channels.website']; // 'active.total'
 */
export const PARENT_OF: Record<string, string> = {
  'active.channels.website': 'active.total',
  'active.channels.gazette': 'active.total',
  'active.normativeDocs.published': 'active.total',
  'applications.received.inPerson': 'applications.received.total',
  'applications.received.fax': 'applications.received.total',
  'applications.received.email': 'applications.received.total',
  'applications.received.online': 'applications.received.total',
  'applications.received.letter': 'applications.received.total',
  'applications.received.letterOrFax': 'applications.received.total',
  'applications.received.other': 'applications.received.total',
  'applications.answered.alreadyPublic': 'applications.answered.total',
  'applications.answered.granted': 'applications.answered.total',
  'applications.answered.partial': 'applications.answered.total',
  'applications.answered.denied': 'applications.answered.total',
  'applications.answered.notHeld': 'applications.answered.total',
  'applications.answered.notExist': 'applications.answered.total',
  'applications.answered.amend': 'applications.answered.total',
  'applications.answered.otherRoute': 'applications.answered.total',
  'applications.answered.otherType': 'applications.answered.total',
  'applications.closed.onTime': 'applications.closed.total',
  'applications.closed.extended': 'applications.closed.total',
  'review.upheld': 'review.total',
  'review.corrected': 'review.total',
  'review.other': 'review.total',
  'litigation.upheld': 'litigation.total',
  'litigation.corrected': 'litigation.total',
  'litigation.other': 'litigation.total',
  'org.staff.fullTime': 'org.staff.total',
  'org.staff.partTime': 'org.staff.total',
};

/**
 * Rows the national table defines as sums of other rows; `open` where the listed children are only some
 * of the ways in (only an excess is certain).
 *
 * @example
 * SUM_FAMILIES.find((f) => f.parent === 'org.staff.total')?.children; // ['org.staff.fullTime', 'org.staff.partTime']
 */
export const SUM_FAMILIES: SumFamily<IndicatorKey>[] = [
  {
    parent: 'applications.received.total',
    open: true,
    children: under('applications.received', ['inPerson', 'fax', 'online', 'letter']),
  },
  { parent: 'applications.closed.total', children: under('applications.closed', ['onTime', 'extended']) },
  {
    parent: 'applications.answered.total',
    open: true,
    children: under('applications.answered', [
      'alreadyPublic',
      'granted',
      'partial',
      'denied',
      'notHeld',
      'notExist',
      'amend',
      'otherRoute',
    ]),
  },
  {
    parent: 'applications.answered.denied',
    children: under('applications.denialReason', [
      'stateSecret',
      'commercialSecret',
      'privacy',
      'securityStability',
      'notGovInfo',
      'otherLaw',
    ]),
  },
  { parent: 'org.staff.total', children: ['org.staff.fullTime', 'org.staff.partTime'] },
];

function under<P extends string, C extends string>(prefix: P, leaves: C[]): `${P}.${C}`[] {
  return leaves.map((c) => `${prefix}.${c}` as const);
}

/**
 * 其中 rows checked against their parent in any era's figures (a subset is never larger than its set).
 *
 * @example
 * SUBSET_PAIRS[0]; // ['active.normativeDocs.published', 'active.total']
 */
export const SUBSET_PAIRS: [child: FigureKey, parent: FigureKey][] = [
  ['active.normativeDocs.published', 'active.total'],
  ['response.pressConferencesByLeaders', 'response.pressConferences'],
  ['response.interviewsByLeaders', 'response.interviews'],
];

/** The review and litigation counts of the statistics table: results without 尚未审结. */
export const REVIEW_BLOCKS_A = [
  { prefix: 'review', label: '行政复议', name: '行政复议' },
  { prefix: 'litigation', label: '行政诉讼', name: '行政诉讼' },
] as const satisfies readonly ReviewBlock[];
export const REVIEW_COLUMNS_A = [
  { col: 'upheld', label: '维持具体行政行为数' },
  { col: 'corrected', label: '被依法纠错数' },
  { col: 'other', label: '其他情形数' },
  { col: 'total', label: '数量' },
] as const satisfies readonly TemplateColumn[];

/**
 * Era A: the statistical format of 2008–2018.
 *
 * @example
 * ERA_A.tokens.strong?.[0]?.test('申请办结数'); // true
 */
export const ERA_A: Template = {
  id: 'A',
  era: 'A',
  name: '《政府信息公开条例》（国务院令第492号）年度报告与统计表，2008–2018',
  years: [2008, 2018],
  sections: SECTIONS_A,
  tokens: {
    strong: [
      /申请办结数|同意公开答复数|否决公开|回应解读情况|历年累计|收费及减免|国务院令第\s*492\s*号|主动公开政府信息数|受理政府信息依申请公开总数|对申请的答复总数|指标名称/g,
    ],
    firstTitle: /^(?:概述|引言)/,
  },
  review: { blocks: REVIEW_BLOCKS_A, columns: REVIEW_COLUMNS_A },
};
