import { joinAccountNames, namedChannels } from '../../extract/channels.js';
import { type DomainDictionary, segmentWords } from '../../extract/segmenter.js';
import type { ClaimChannel, CountClaim } from '../../model/index.js';
import { findNumbers, type NumberMention } from '../../text/cn-number.js';
import { SUBJECTS } from '../indicators.js';
import { scopeOf, subjectsIn, zeroSubjects } from '../subject.js';
import { clauseAt, sectionOf } from '../text.js';
import type { ClaimContext, ClaimParser } from '../types.js';
import { CLAIM_UNITS, inFamily } from '../units.js';

/** Characters that end the words leading up to a count (a count's subject stands in its own clause). */
const LEAD_END = /[，,；;：:（）()“”"。！？!?\n]/;
/** Verbs that publish: the channel is named before them. */
const PUBLISH_VERBS = new Set([
  '公开',
  '主动公开',
  '发布',
  '公布',
  '推送',
  '刊登',
  '刊发',
  '刊出',
  '编发',
  '播出',
  '上传',
  '更新',
  '发送',
]);
/** Verbs showing a count is of something other than published items. */
const NOT_PUBLISHING = /开展|征集|调查|回复|答复|受理|办理|访问|浏览|接待|解答|回应|召开|举办|留言|咨询|点击/;
/** A change against another period, not a count (`比上年增加20条`). */
const CHANGE = /(?:比|较|同比|环比|相比)[^，,；;。]*?(?:增加|减少|增长|下降|提高|上升|新增|多出|多|少)了?$/;
/** Channels that prose names without a word jieba knows (`网上公开20条`, `揭示板上公开45条`). */
const PLACE_CHANNELS: [RegExp, ClaimChannel['kind']][] = [
  [/(?:政府)?网上|网站上|网页上|专栏/, 'website'],
  [/揭示板|公开栏|公示栏|宣传栏|公告栏|电子屏|显示屏|信息栏/, 'bulletinBoard'],
];
/** A short bracketed aside ending right before a count (`（含转发）`). */
const ASIDE = /[（(][^（）()]{1,12}[）)]$/;
/** A category of published information (`公开财政类信息20条`), a part and not the total. */
const CATEGORY = /(?<!各)类(?:信息)?$|项目信息$/;

/**
 * Counts: every number with a unit in running text (Arabic or Chinese numerals, with 余/多/近/约), tied
 * to the indicator its clause names (`主动公开政府信息件数为123件` → `active.total`), to the channel it
 * was published through (`网上公开20条` → `active.channels.website`), or to none (`indicator: ''`).
 * The scope is `cumulative` after 到目前/至今/历年 and `period` for another year.
 *
 * @example
 * countParser.parse(ctx)[0]; // { kind: 'count', indicator: 'active.total', value: 84, unit: '条', … }
 */
export const countParser: ClaimParser = {
  name: 'count',
  parse(ctx) {
    const out: CountClaim[] = [];
    for (const [s, e] of ctx.sentences) {
      let prevEnd = s;
      for (const n of findNumbers(ctx.text, s, e)) {
        if (n.span[0] < prevEnd) continue;
        if (!CLAIM_UNITS.has(n.unit) || n.unit === '%' || !ctx.text.startsWith(n.unit, n.span[1])) continue;
        out.push(...readCount(ctx, n, s, e, prevEnd));
        prevEnd = n.extent[1];
      }
    }
    return out;
  },
};

/** The staff a count of people stands for, named after a modifier ending in 的: `…的人员`, `…的专职工作人员`. */
const MODIFIED_STAFF = /^[^，,；;。：:]{1,24}?的((?:专职|兼职)?(?:工作)?人员)/;

function readCount(ctx: ClaimContext, n: NumberMention, s: number, e: number, prevEnd: number): CountClaim[] {
  const text = ctx.text;
  // A bracketed aside right before the count (`微信(含转发)851条`) belongs to the words before it.
  const aside = ASIDE.exec(text.slice(Math.max(prevEnd, n.span[0] - 14), n.span[0]));
  let from = n.span[0] - (aside?.[0].length ?? 0);
  while (from > prevEnd && from > n.span[0] - 80 && !LEAD_END.test(text[from - 1] as string)) from--;
  const lead = text.slice(from, n.span[0]);
  if (CHANGE.test(lead)) return [];
  const sentence = `${text.slice(s, e)}\n${sectionOf(ctx.sections, s)?.title ?? ''}`;
  const clause = clauseAt(text, n.span[0], s, e);
  const unit = n.unit;
  let indicator = '';
  let subjectSpan: [number, number] | undefined;
  let channels: ClaimChannel[] | undefined;
  let partOf: string | undefined;
  // The subject before the count, or right after it (`收到70件申请`, `配备1名兼职工作人员`): the most
  // specific wins. After it, the proactive total only when it follows at once (`发布14条主动公开政府信息`),
  // not in a list of headings after `共分六个部分：`.
  let to = n.extent[1];
  while (to < clause[1] && to < n.extent[1] + 8 && !/[、：:（(]/.test(text[to] as string)) to++;
  const sentenceLead = text.slice(s, n.span[0]);
  const hits = [
    ...subjectsIn(text, from, n.span[0], unit, sentence, sentenceLead),
    ...subjectsIn(text, n.extent[1], to, unit, sentence, sentenceLead).filter(
      (h) =>
        h.subject.indicator !== 'active.total' ||
        /^(?:的)?主动公开(?:的)?政府信息/.test(text.slice(n.extent[1], n.extent[1] + 12)),
    ),
  ].sort((a, b) => SUBJECTS.indexOf(a.subject) - SUBJECTS.indexOf(b.subject));
  // A measure word whose noun comes after a modifier (`抽调两名工作责任心强、处理业务熟的人员具体负责`).
  if (hits.length === 0 && inFamily(unit, 'people')) {
    const noun = MODIFIED_STAFF.exec(text.slice(n.extent[1], clause[1]));
    if (noun) {
      const at = n.extent[1] + noun[0].length - (noun[1] as string).length;
      hits.push(...subjectsIn(text, at, at + (noun[1] as string).length, unit, sentence));
    }
  }
  const hit = hits[0];
  if (hit && hit.subject.indicator !== 'active.total') {
    indicator = hit.subject.indicator;
    subjectSpan = [hit.start, hit.end];
  } else if (inFamily(unit, 'items')) {
    channels = channelsIn(text, from, n.span[0], ctx.dictionary);
    if (channels.length > 0) {
      const only = channels.length === 1 ? channels[0] : undefined;
      indicator = only ? `active.channels.${only.kind}` : 'active.channels';
      const first = channels[0] as ClaimChannel;
      const last = channels[channels.length - 1] as ClaimChannel;
      subjectSpan = [first.span[0], last.span[1]];
      if (hit && !CATEGORY.test(lead)) partOf = 'active.total';
    } else if (hit && !CATEGORY.test(lead)) {
      indicator = 'active.total';
      subjectSpan = [hit.start, hit.end];
      const heading = headingChannel(ctx, s);
      if (heading) channels = [heading];
    }
  }
  const claim: CountClaim = {
    kind: 'count',
    indicator,
    ...scopeOf(text.slice(s, n.span[0]), text.slice(clause[0], n.span[0]), ctx.reportYear),
    value: n.value,
    unit,
    qualifier: n.qualifier,
    stated: n.stated,
    span: n.span,
    clause,
    sentence: [s, e],
    parser: 'count',
  };
  if (subjectSpan) {
    claim.subjectSpan = subjectSpan;
    claim.subject = text.slice(subjectSpan[0], subjectSpan[1]);
  }
  if (channels && channels.length > 0) claim.channels = channels;
  if (partOf) claim.partOf = partOf;
  if (n.value !== 0 || !hit) return [claim];
  // `依申请和不予公开政府信息条数0条`, `申请行政复议、提起行政诉讼的案件0件`: a zero for each subject named.
  const others = zeroSubjects(text, from, n.span[0]).filter((h) => h.subject !== hit.subject);
  return [
    claim,
    ...others.map((h) => ({
      ...claim,
      indicator: h.subject.indicator,
      subject: h.words,
      subjectSpan: [h.start, h.end] as [number, number],
    })),
  ];
}

/**
 * The one channel a section's heading publishes through (`（一）镇政府信息公开网站主动公开政府信息情况`): the
 * proactive counts under it are that channel's. A heading naming several channels gives none.
 */
function headingChannel(ctx: ClaimContext, at: number): ClaimChannel | undefined {
  const section = sectionOf(ctx.sections, at);
  if (!section || !/主动公开|发布|公开政府信息/.test(section.title)) return undefined;
  const named = channelsIn(ctx.text, section.span[0], section.span[1], ctx.dictionary);
  return named.length === 1 ? named[0] : undefined;
}

/**
 * The channels named in the words leading up to a count: jieba words with the domain dictionary, the
 * words after the publishing verb when none come before it (`刊出政务公开栏12期`), or a place word.
 *
 * @example
 * channelsIn('网上公开20条', 0, 4, dictionary)[0]?.kind; // 'website'
 */
export function channelsIn(
  text: string,
  from: number,
  to: number,
  dictionary: DomainDictionary,
): ClaimChannel[] {
  const lead = text.slice(from, to);
  const words = joinAccountNames(segmentWords(lead, from, dictionary));
  const verb = words.findIndex((w) => PUBLISH_VERBS.has(w.word));
  let found = namedChannels(verb > 0 ? words.slice(0, verb) : words, lead, from);
  if (found.length === 0 && verb > 0) found = namedChannels(words.slice(verb + 1), lead, from);
  const last = found[found.length - 1];
  // The count must be of items published there, not of other activities run through the channel.
  if (last && NOT_PUBLISHING.test(text.slice(last.end, to))) return [];
  const first = found[0];
  if (first && first.start === from) {
    const quoted = /[“"][^“”"]{1,20}[”"]$/.exec(text.slice(Math.max(0, from - 22), from));
    if (quoted) {
      first.start = from - quoted[0].length;
      first.name = text.slice(first.start, first.end);
    }
  }
  if (found.length === 0 && !NOT_PUBLISHING.test(lead) && /公开|发布|公布|张贴|刊登|推送/.test(lead)) {
    for (const [re, kind] of PLACE_CHANNELS) {
      const m = re.exec(lead);
      if (m) return [{ kind, name: m[0], span: [from + m.index, from + m.index + m[0].length] }];
    }
  }
  return found.map((c) => ({ kind: c.kind, name: c.name, span: [c.start, c.end] }));
}
