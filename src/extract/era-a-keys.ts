import type { KeyDef } from './key-def.js';

type Row = [key: string, label: string, unit: string, cumulative?: boolean];

/** Rows of the era A statistics (national 统计表, Fujian two-column table, prose under numbered headings). */
const ROWS: Row[] = [
  ['active.total', '主动公开政府信息数 / 主动公开信息数 / 主动公开文件数', '条', true],
  ['active.normativeDocs.published', '其中：主动公开规范性文件数', '条'],
  ['active.normativeDocs.issuedTotal', '制发规范性文件总数', '件'],
  ['active.channels.gazette', '政府公报公开政府信息数 / 政府公报公开数', '条', true],
  ['active.channels.website', '政府网站公开政府信息数 / 政府网站公开数 / 网站公开', '条', true],
  ['active.channels.weibo', '政务微博公开政府信息数', '条'],
  ['active.channels.wechat', '政务微信公开政府信息数', '条'],
  ['active.channels.other', '其他方式公开政府信息数', '条'],
  ['response.hotspots', '回应公众关注热点或重大舆情数', '次'],
  ['response.pressConferences', '参加或举办新闻发布会总次数', '次'],
  ['response.pressConferencesByLeaders', '其中：主要负责同志参加新闻发布会次数', '次'],
  ['response.interviews', '政府网站在线访谈次数', '次'],
  ['response.interviewsByLeaders', '其中：主要负责同志参加政府网站在线访谈次数', '次'],
  ['response.interpretations', '政策解读稿件发布数', '篇'],
  ['response.weiboWechat', '微博微信回应事件数', '次'],
  ['response.other', '其他方式回应事件数', '次'],
  ['applications.received.total', '收到申请数 / 受理依申请公开信息总数 / 申请总数', '件', true],
  ['applications.received.inPerson', '当面申请数', '件', true],
  ['applications.received.fax', '传真申请数', '件', true],
  ['applications.received.email', '电子邮件申请数', '件', true],
  ['applications.received.online', '网络申请数 / 网上申请数', '件', true],
  ['applications.received.letter', '信函申请数', '件', true],
  ['applications.received.letterOrFax', '信函、传真申请数 (Fujian)', '件', true],
  ['applications.received.other', '其它形式申请数', '件', true],
  ['applications.closed.total', '申请办结数', '件'],
  ['applications.closed.onTime', '按时办结数', '件'],
  ['applications.closed.extended', '延期办结数', '件'],
  ['applications.answered.total', '申请答复数 / 对申请的答复总数', '件', true],
  ['applications.answered.alreadyPublic', '属于已主动公开范围数', '件'],
  ['applications.answered.granted', '同意公开答复数', '件', true],
  ['applications.answered.partial', '同意部分公开答复数', '件', true],
  ['applications.answered.denied', '不同意公开答复数 / 否决公开答复数 / 不予公开答复数', '件', true],
  ['applications.answered.notHeld', '不属于本行政机关公开数', '件'],
  ['applications.answered.notExist', '申请信息不存在数', '件'],
  ['applications.answered.amend', '告知作出更改补充数', '件'],
  ['applications.answered.otherRoute', '告知通过其他途径办理数', '件'],
  ['applications.answered.otherType', '其他类型答复数 (Fujian)', '件', true],
  ['applications.denialReason.stateSecret', '涉及国家秘密', '件'],
  ['applications.denialReason.commercialSecret', '涉及商业秘密', '件'],
  ['applications.denialReason.privacy', '涉及个人隐私', '件'],
  ['applications.denialReason.securityStability', '危及国家安全、公共安全、经济安全和社会稳定', '件'],
  ['applications.denialReason.notGovInfo', '不是《条例》所指政府信息', '件'],
  ['applications.denialReason.otherLaw', '法律法规规定的其他情形', '件'],
  ['applications.fees', '依申请公开信息收取的费用', '万元'],
  ['fees.waived', '政府信息公开收费减免金额 (Fujian)', '万元', true],
  ['review.total', '行政复议数量 / 行政复议数', '件', true],
  ['review.upheld', '行政复议 · 维持具体行政行为数', '件'],
  ['review.corrected', '行政复议 · 被依法纠错数', '件'],
  ['review.other', '行政复议 · 其他情形数', '件'],
  ['litigation.total', '行政诉讼数量 / 行政诉讼数', '件', true],
  ['litigation.upheld', '行政诉讼 · 维持具体行政行为或者驳回原告诉讼请求数', '件'],
  ['litigation.corrected', '行政诉讼 · 被依法纠错数', '件'],
  ['litigation.other', '行政诉讼 · 其他情形数', '件'],
  ['complaints.total', '举报投诉数量', '件'],
  ['appeals.total', '行政申诉数 / 行政申诉、举报数 / 接受行政诉讼、举报数 (Fujian)', '件', true],
  ['org.dedicatedUnits', '政府信息公开工作专门机构数', '个'],
  ['org.readingPoints', '设置政府信息公开查阅点数', '个'],
  ['org.staff.total', '从事政府信息公开工作人员数', '人'],
  ['org.staff.fullTime', '专职人员数', '人'],
  ['org.staff.partTime', '兼职人员数', '人'],
  ['org.budget', '政府信息公开专项经费', '万元'],
  ['meetings.total', '召开政府信息公开工作会议或专题会议数', '次'],
  ['training.sessions', '举办各类培训班数', '次'],
  ['training.trainees', '接受培训人员数', '人次'],
];

/**
 * Keys of the era A statistical indicators, in the order of the national 统计表.
 *
 * @example
 * ERA_A_KEYS.find((k) => k.key === 'org.staff.total')?.unit; // '人'
 */
export const ERA_A_KEYS: KeyDef[] = ROWS.map(([key, label, unit, cumulative]) => ({
  key,
  label,
  unit,
  eras: ['A'],
  group: key.split('.')[0] ?? key,
  ...(cumulative ? { cumulative: true } : {}),
}));

/**
 * Keys read from the prose of any era.
 *
 * @example
 * PROSE_KEYS[0].key; // 'fees.informationProcessing'
 */
export const PROSE_KEYS: KeyDef[] = [
  {
    key: 'fees.informationProcessing',
    label: '信息处理费 (六、其他需要报告的事项)',
    unit: '万元',
    eras: ['C'],
    group: 'fees',
  },
];

type CoreRow = [key: string, label: string, unit: string];
const CORE_ROWS: CoreRow[] = [
  ['core.requestsReceived', '收到的申请 (A: 收到申请数; B/C: 本年新收 · 总计)', '件'],
  ['core.requestsCarriedOver', '上年结转的申请 (B/C: 上年结转 · 总计)', '件'],
  ['core.requestsClosed', '办结的申请 (A: 申请办结数, else 申请答复数; B/C: 办理结果总计)', '件'],
  ['core.reviewTotal', '行政复议总数 (A: 行政复议数量; B/C: 表四 行政复议 总计)', '件'],
  ['core.litigationTotal', '行政诉讼总数 (A: 行政诉讼数量; B/C: 直接起诉 + 复议后起诉 总计)', '件'],
  ['core.staff', '从事政府信息公开工作人员数 (A)', '人'],
];

/**
 * The harmonized `core.*` series: one comparable value across eras, always derived from other keys.
 *
 * @example
 * CORE_KEYS.map((k) => k.key); // ['core.requestsReceived', …]
 */
export const CORE_KEYS: KeyDef[] = CORE_ROWS.map(([key, label, unit]) => ({
  key,
  label,
  unit,
  eras: ['A', 'B', 'C'],
  group: 'core',
  derived: true,
}));
