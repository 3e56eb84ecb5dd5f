/**
 * How an era A indicator is printed. `key` is the canonical key; `byParent` replaces it for labels the
 * national table repeats under 行政复议 and 行政诉讼 (维持具体行政行为数, 被依法纠错数, 其他情形数).
 *
 * @example
 * const label: IndicatorLabel = { key: 'org.staff.total', texts: ['从事政府信息公开工作人员数'], unit: '人' };
 */
export interface IndicatorLabel {
  key: string;
  texts: string[];
  unit: string;
  byParent?: Record<string, string>;
}

const review = (leaf: string) => ({
  'review.total': `review.${leaf}`,
  'litigation.total': `litigation.${leaf}`,
});

/**
 * Every printed form of the era A indicators: the national 统计表, the Fujian two-column table and the
 * numbered headings of prose reports.
 *
 * @example
 * INDICATOR_LABELS.find((l) => l.texts.includes('收到申请数'))?.key; // 'applications.received.total'
 */
export const INDICATOR_LABELS: IndicatorLabel[] = [
  { key: 'active.total', texts: ['主动公开政府信息数', '主动公开信息数', '主动公开文件数'], unit: '条' },
  { key: 'active.normativeDocs.published', texts: ['主动公开规范性文件数'], unit: '条' },
  { key: 'active.normativeDocs.issuedTotal', texts: ['制发规范性文件总数'], unit: '件' },
  {
    key: 'active.channels.gazette',
    texts: ['政府公报公开政府信息数', '政府公报公开数', '政府公报公开'],
    unit: '条',
  },
  {
    key: 'active.channels.website',
    texts: ['政府网站公开政府信息数', '政府网站公开数', '网站公开数', '网站公开'],
    unit: '条',
  },
  { key: 'active.channels.weibo', texts: ['政务微博公开政府信息数'], unit: '条' },
  { key: 'active.channels.wechat', texts: ['政务微信公开政府信息数'], unit: '条' },
  { key: 'active.channels.other', texts: ['其他方式公开政府信息数', '其它方式公开政府信息数'], unit: '条' },
  { key: 'response.hotspots', texts: ['回应公众关注热点或重大舆情数'], unit: '次' },
  { key: 'response.pressConferences', texts: ['参加或举办新闻发布会总次数'], unit: '次' },
  { key: 'response.pressConferencesByLeaders', texts: ['主要负责同志参加新闻发布会次数'], unit: '次' },
  { key: 'response.interviews', texts: ['政府网站在线访谈次数'], unit: '次' },
  { key: 'response.interviewsByLeaders', texts: ['主要负责同志参加政府网站在线访谈次数'], unit: '次' },
  { key: 'response.interpretations', texts: ['政策解读稿件发布数'], unit: '篇' },
  { key: 'response.weiboWechat', texts: ['微博微信回应事件数'], unit: '次' },
  { key: 'response.other', texts: ['其他方式回应事件数', '其它方式回应事件数'], unit: '次' },
  {
    key: 'applications.received.total',
    texts: [
      '收到申请数',
      '收到申请总数',
      '受理申请总数',
      '受理依申请公开信息总数',
      '受理政府信息依申请公开总数',
      '申请总数',
    ],
    unit: '件',
  },
  { key: 'applications.received.inPerson', texts: ['当面申请数'], unit: '件' },
  { key: 'applications.received.letterOrFax', texts: ['信函、传真申请数', '信函传真申请数'], unit: '件' },
  { key: 'applications.received.fax', texts: ['传真申请数'], unit: '件' },
  { key: 'applications.received.email', texts: ['电子邮件申请数'], unit: '件' },
  { key: 'applications.received.online', texts: ['网络申请数', '网上申请数'], unit: '件' },
  { key: 'applications.received.letter', texts: ['信函申请数'], unit: '件' },
  { key: 'applications.received.other', texts: ['其它形式申请数', '其他形式申请数'], unit: '件' },
  { key: 'applications.closed.total', texts: ['申请办结数'], unit: '件' },
  { key: 'applications.closed.onTime', texts: ['按时办结数'], unit: '件' },
  { key: 'applications.closed.extended', texts: ['延期办结数'], unit: '件' },
  {
    key: 'applications.answered.total',
    texts: ['申请答复数', '对申请的答复总数', '对申请的答复数'],
    unit: '件',
  },
  { key: 'applications.answered.alreadyPublic', texts: ['属于已主动公开范围数'], unit: '件' },
  { key: 'applications.answered.partial', texts: ['同意部分公开答复数'], unit: '件' },
  {
    key: 'applications.answered.denied',
    texts: ['不同意公开答复数', '否决公开答复总数', '否决公开答复数', '不予公开答复总数', '不予公开答复数'],
    unit: '件',
  },
  { key: 'applications.answered.granted', texts: ['同意公开答复数'], unit: '件' },
  { key: 'applications.answered.notHeld', texts: ['不属于本行政机关公开数'], unit: '件' },
  { key: 'applications.answered.notExist', texts: ['申请信息不存在数'], unit: '件' },
  { key: 'applications.answered.amend', texts: ['告知作出更改补充数'], unit: '件' },
  { key: 'applications.answered.otherRoute', texts: ['告知通过其他途径办理数'], unit: '件' },
  { key: 'applications.answered.otherType', texts: ['其他类型答复数', '其它类型答复数'], unit: '件' },
  { key: 'applications.denialReason.stateSecret', texts: ['涉及国家秘密'], unit: '件' },
  { key: 'applications.denialReason.commercialSecret', texts: ['涉及商业秘密'], unit: '件' },
  { key: 'applications.denialReason.privacy', texts: ['涉及个人隐私'], unit: '件' },
  {
    key: 'applications.denialReason.securityStability',
    texts: ['危及国家安全、公共安全、经济安全和社会稳定'],
    unit: '件',
  },
  { key: 'applications.denialReason.notGovInfo', texts: ['不是《条例》所指政府信息'], unit: '件' },
  { key: 'applications.denialReason.otherLaw', texts: ['法律法规规定的其他情形'], unit: '件' },
  { key: 'applications.fees', texts: ['依申请公开信息收取的费用'], unit: '万元' },
  { key: 'fees.waived', texts: ['政府信息公开收费减免金额', '收费减免金额'], unit: '万元' },
  { key: 'review.total', texts: ['行政复议数量', '行政复议数'], unit: '件' },
  { key: 'litigation.total', texts: ['行政诉讼数量', '行政诉讼数'], unit: '件' },
  { key: 'litigation.upheld', texts: ['维持具体行政行为或者驳回原告诉讼请求数'], unit: '件' },
  { key: 'review.upheld', texts: ['维持具体行政行为数'], unit: '件', byParent: review('upheld') },
  { key: 'review.corrected', texts: ['被依法纠错数'], unit: '件', byParent: review('corrected') },
  { key: 'review.other', texts: ['其他情形数'], unit: '件', byParent: review('other') },
  { key: 'complaints.total', texts: ['举报投诉数量', '投诉举报数量'], unit: '件' },
  {
    key: 'appeals.total',
    texts: ['行政申诉、举报数', '接受行政诉讼、举报数', '接受行政申诉、举报数', '行政申诉数'],
    unit: '件',
  },
  { key: 'org.dedicatedUnits', texts: ['政府信息公开工作专门机构数'], unit: '个' },
  { key: 'org.readingPoints', texts: ['设置政府信息公开查阅点数'], unit: '个' },
  { key: 'org.staff.total', texts: ['从事政府信息公开工作人员数'], unit: '人' },
  { key: 'org.staff.fullTime', texts: ['专职人员数'], unit: '人' },
  { key: 'org.staff.partTime', texts: ['兼职人员数'], unit: '人' },
  { key: 'org.budget', texts: ['政府信息公开专项经费'], unit: '万元' },
  { key: 'meetings.total', texts: ['召开政府信息公开工作会议或专题会议数'], unit: '次' },
  { key: 'training.sessions', texts: ['举办各类培训班数'], unit: '次' },
  { key: 'training.trainees', texts: ['接受培训人员数'], unit: '人次' },
];

/**
 * Parent rows of the statistics tables: a 其中 row never exceeds its parent (both columns).
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

/** A label found in the text. */
export interface LabelHit {
  key: string;
  unit: string;
  start: number;
  end: number;
  label: string;
}

const COMPILED = INDICATOR_LABELS.flatMap((l) =>
  l.texts.map((t) => ({ label: l, re: new RegExp([...t].map(escapeChar).join('[ \\t]*'), 'g') })),
);

function escapeChar(c: string): string {
  return /[.*+?^${}()|[\]\\]/.test(c) ? `\\${c}` : c;
}

/**
 * Finds indicator labels in the text (spaces inside a label tolerated), longest first where they
 * overlap, with context labels resolved against the nearest preceding 行政复议/行政诉讼 total.
 *
 * @example
 * findIndicatorLabels('(一)收到申请数。\n无')[0].key; // 'applications.received.total'
 */
export function findIndicatorLabels(text: string): LabelHit[] {
  const raw: { label: IndicatorLabel; start: number; end: number }[] = [];
  for (const { label, re } of COMPILED) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      raw.push({ label, start: m.index, end: m.index + m[0].length });
    }
  }
  raw.sort((a, b) => a.start - b.start || b.end - a.end);
  const hits: LabelHit[] = [];
  let lastEnd = -1;
  let parent: string | undefined;
  for (const r of raw) {
    if (r.start < lastEnd) continue;
    lastEnd = r.end;
    let key = r.label.key;
    if (r.label.byParent) key = (parent && r.label.byParent[parent]) || key;
    if (key === 'review.total' || key === 'litigation.total') parent = key;
    hits.push({ key, unit: r.label.unit, start: r.start, end: r.end, label: text.slice(r.start, r.end) });
  }
  return hits;
}
