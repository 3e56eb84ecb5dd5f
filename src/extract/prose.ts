import type { DocContext } from '../model/doc-context.js';
import type { Channel, ChannelKind, Figure } from '../model/index.js';
import { parseCnNumber } from '../text/cn-number.js';
import { joinAccountNames, namedChannels } from './channels.js';
import { makeFigure, sectionAt } from './figure-util.js';
import { segmentWords } from './segmenter.js';

/** A count of published items: number (with 近/约/余/多) followed by its unit. */
const COUNT =
  /((?:近|约|不足|不到|超过)?(?:(?:\d{1,3}(?:[,，]\d{3})+|\d+)(?:\.\d+)?[万亿]?|万)(?:余|多)?)(条|篇|期)/g;
/** Characters that end a clause for the purpose of tying a count to its subject. */
const CLAUSE_END = /[，,；;：:（）()“”"]/;
const SENTENCE_END = /[。！？!?\n]/;
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
/** Where the report states its proactive-disclosure total. */
const ACTIVE_HEADING = /主动公开(?:政府信息)?(?:情况|方面|的数量|政府信息数|数量)/g;
/** Channel families that have an era A key `active.channels.<kind>`. */
const ACTIVE_CHANNEL_KEYS = new Set<ChannelKind>(['website', 'gazette', 'weibo', 'wechat', 'other']);

interface Count {
  start: number;
  end: number;
  stated: string;
  unit: string;
  value: number;
  qualifier: Figure['qualifier'];
  /** Start of the clause text that leads up to the count. */
  from: number;
  sentence: number;
}

interface Statement extends Count {
  channels: ReturnType<typeof namedChannels>;
  isTotal: boolean;
}

/**
 * Reads figures stated in running text: the proactive-disclosure total and its breakdown by channel
 * (`累计主动公开…84条。其中，在市政府政务公开网公开信息64条`), every publication channel named with a count
 * (channels sharing one count get one `group`), the 信息处理费 collected, and 未收到 statements as zeros.
 * jieba with the domain dictionary splits each clause into words, so a count is tied to the channel
 * named in its own clause.
 *
 * @example
 * extractProse(ctx).channels.find((c) => c.name === '舒兰发布')?.value; // 20
 */
export function extractProse(ctx: DocContext): { figures: Record<string, Figure>; channels: Channel[] } {
  const figures: Record<string, Figure> = {};
  const statements = readStatements(ctx.text);
  const channels: Channel[] = [];
  let group = 0;
  for (const s of statements) {
    if (s.channels.length === 0) continue;
    const shared = s.channels.length > 1 ? ++group : undefined;
    for (const c of s.channels) {
      const channel: Channel = {
        channel: c.kind,
        name: c.name,
        value: s.value,
        unit: s.unit,
        qualifier: s.qualifier,
        stated: s.stated,
        span: [s.start, s.end],
        nameSpan: [c.start, c.end],
      };
      if (shared !== undefined) channel.group = shared;
      const section = sectionAt(ctx.sections, s.start);
      if (section) channel.section = section;
      channels.push(channel);
    }
  }
  const total = chooseTotal(ctx.text, statements);
  if (total) {
    figures['active.total'] = countFigure(ctx, total, '主动公开政府信息数');
    for (const s of breakdownOf(ctx.text, statements, total)) {
      const only = s.channels.length === 1 ? s.channels[0] : undefined;
      if (!only || !ACTIVE_CHANNEL_KEYS.has(only.kind)) continue;
      const key = `active.channels.${only.kind}`;
      figures[key] ??= countFigure(ctx, s, only.name);
    }
  }
  Object.assign(figures, processingFees(ctx), statedNone(ctx), noApplicationFees(ctx));
  if (ctx.meta.era !== 'B' && ctx.meta.era !== 'C' && !figures['applications.received.total']) {
    const received = receivedInProse(ctx);
    if (received) figures['applications.received.total'] = received;
  }
  return { figures, channels };
}

function countFigure(ctx: DocContext, c: Count, label: string): Figure {
  return makeFigure(ctx, {
    start: c.start,
    end: c.end,
    value: c.value,
    unit: c.unit,
    qualifier: c.qualifier,
    source: 'prose',
    label,
  });
}

function readStatements(text: string): Statement[] {
  const out: Statement[] = [];
  COUNT.lastIndex = 0;
  let prevEnd = 0;
  for (let m = COUNT.exec(text); m; m = COUNT.exec(text)) {
    const stated = m[1] ?? '';
    const parsed = parseCnNumber(stated);
    const before = text[m.index - 1] ?? '';
    if (!parsed || /[\d.第]/.test(before)) continue;
    let from = m.index;
    while (from > prevEnd && from > m.index - 80) {
      const c = text[from - 1] ?? '';
      if (CLAUSE_END.test(c) || SENTENCE_END.test(c)) break;
      from--;
    }
    let sentence = m.index;
    while (sentence > 0 && !SENTENCE_END.test(text[sentence - 1] ?? '')) sentence--;
    prevEnd = m.index + m[0].length;
    const lead = text.slice(from, m.index);
    const words = joinAccountNames(segmentWords(lead, from));
    // Words after the publishing verb are what was published (`官方微博发布微博1288条`), unless no
    // channel comes before it (`刊出政务公开栏12期`).
    const verb = words.findIndex((w) => PUBLISH_VERBS.has(w.word));
    let channels = namedChannels(verb > 0 ? words.slice(0, verb) : words, lead, from);
    if (channels.length === 0 && verb > 0) channels = namedChannels(words.slice(verb + 1), lead, from);
    const last = channels[channels.length - 1];
    // The count must be of items published there, not of other activities run through the channel.
    if (last && NOT_PUBLISHING.test(text.slice(last.end, m.index))) channels = [];
    const first = channels[0];
    if (first && first.start === from) {
      const quoted = /[“"][^“”"]{1,20}[”"]$/.exec(text.slice(Math.max(0, from - 22), from));
      if (quoted) {
        first.start = from - quoted[0].length;
        first.name = text.slice(first.start, first.end);
      }
    }
    const isTotal =
      channels.length === 0 &&
      /主动公开|(?:公开|公布|发布)(?:各类|各项)?政府信息/.test(lead) &&
      !/类(?:信息)?$|项目信息$/.test(lead);
    out.push({
      start: m.index,
      end: m.index + stated.length,
      stated,
      unit: m[2] ?? '条',
      value: parsed.value,
      qualifier: parsed.qualifier,
      from,
      sentence,
      channels,
      isTotal,
    });
  }
  return out;
}

/** The total is the first candidate under a 主动公开 heading, else the first candidate of the report. */
function chooseTotal(text: string, statements: Statement[]): Statement | undefined {
  const candidates = statements.filter((s) => s.isTotal);
  ACTIVE_HEADING.lastIndex = 0;
  for (let m = ACTIVE_HEADING.exec(text); m; m = ACTIVE_HEADING.exec(text)) {
    const at = m.index;
    const hit = candidates.find((s) => s.start > at && s.start - at < 300);
    if (hit) return hit;
  }
  return candidates[0];
}

/** Statements after the total in its own sentence, and in the next sentence when it opens with 其中. */
function breakdownOf(text: string, statements: Statement[], total: Statement): Statement[] {
  let end = total.end;
  while (end < text.length && !SENTENCE_END.test(text[end] ?? '')) end++;
  if (/^[。！？!?\n]\s*其中/.test(text.slice(end, end + 6))) {
    end++;
    while (end < text.length && !SENTENCE_END.test(text[end] ?? '')) end++;
  }
  return statements.filter((s) => s.start > total.end && s.start < end);
}

const FEE_NONE =
  /(无|(?:未|没有)(?:发生|收取|产生)?)(?:收取|产生|发生)?(?:任何)?(?:政府信息公开|信息公开)?(?:信息处理费|收费事项)|信息处理费[为：:]?(无)(?![^。；;\n]{0,4}(?:\d|元))/g;
const FEE_AMOUNT =
  /信息处理费[^。；;，,\d无]{0,12}?(?:共计|合计|总计|共|计|为)?[ \t]*(\d+(?:\.\d+)?)[ \t]*(万元|元)/g;

/** 信息处理费 collected (era C §六): an amount in 元 or 万元, or 无/未收取 as zero. */
function processingFees(ctx: DocContext): Record<string, Figure> {
  const text = ctx.text;
  FEE_AMOUNT.lastIndex = 0;
  const amount = FEE_AMOUNT.exec(text);
  if (amount?.[1] && amount[2]) {
    const start = amount.index + amount[0].lastIndexOf(amount[1]);
    return {
      'fees.informationProcessing': makeFigure(ctx, {
        start,
        end: start + amount[1].length,
        value: Number(amount[1]),
        unit: amount[2],
        source: 'prose',
        label: '信息处理费',
      }),
    };
  }
  FEE_NONE.lastIndex = 0;
  const none = FEE_NONE.exec(text);
  const word = none?.[1] ?? none?.[2];
  if (none && word) {
    const start = none[1] ? none.index : none.index + none[0].length - word.length;
    return {
      'fees.informationProcessing': makeFigure(ctx, {
        start,
        end: start + word.length,
        value: 0,
        unit: '万元',
        source: 'prose',
        label: '信息处理费',
      }),
    };
  }
  return {};
}

const NOT_RECEIVED = /(未收到|没有收到|未发生|未受理)([^。；;，,]{0,40}?)申请/g;

/**
 * `未收到…申请` as stated zeros: 行政复议/行政诉讼 when the clause names them, else the applications.
 * Only the first statement of each key counts.
 */
function statedNone(ctx: DocContext): Record<string, Figure> {
  const out: Record<string, Figure> = {};
  NOT_RECEIVED.lastIndex = 0;
  for (let m = NOT_RECEIVED.exec(ctx.text); m; m = NOT_RECEIVED.exec(ctx.text)) {
    const what = m[2] ?? '';
    const keys: [string, string][] = [];
    if (/行政复议/.test(what)) keys.push(['review.total', '行政复议']);
    if (/行政诉讼/.test(what)) keys.push(['litigation.total', '行政诉讼']);
    if (keys.length === 0 && /信息公开|公开/.test(what))
      keys.push(['applications.received.total', '收到申请']);
    for (const [key, label] of keys) {
      out[key] ??= makeFigure(ctx, {
        start: m.index,
        end: m.index + (m[1]?.length ?? 0),
        value: 0,
        unit: '件',
        source: 'prose',
        label,
      });
    }
  }
  return out;
}

const NO_FEES = /暂不收费|未收取任何费用|未收取费用|没有收取(?:任何)?费用|不收取任何费用/;

/** Era A 收费及减免: `依申请提供政府信息暂不收费` as a stated zero of 依申请公开信息收取的费用. */
function noApplicationFees(ctx: DocContext): Record<string, Figure> {
  const m = NO_FEES.exec(ctx.text);
  if (!m || /信息处理费/.test(ctx.text)) return {};
  return {
    'applications.fees': makeFigure(ctx, {
      start: m.index,
      end: m.index + m[0].length,
      value: 0,
      unit: '万元',
      source: 'prose',
      label: '收费及减免',
    }),
  };
}

const RECEIVED =
  /(?:收到|受理)(?:了)?(?:各类|有关)?(?:政府信息公开|信息公开|依申请公开)(?:的)?[\u4e00-\u9fff]{0,3}?申请(?:共|共计)?(\d+)(件|条|份)/g;

/**
 * Era A `共收到有关政府信息公开的申请21条` as 收到申请数 (the statistics table, when there is one, wins).
 * Requests for 行政复议 or 行政诉讼 are other counts.
 */
function receivedInProse(ctx: DocContext): Figure | undefined {
  RECEIVED.lastIndex = 0;
  for (let m = RECEIVED.exec(ctx.text); m; m = RECEIVED.exec(ctx.text)) {
    if (/复议|诉讼/.test(m[0]) || !m[1]) continue;
    const start = m.index + m[0].length - m[1].length - (m[2]?.length ?? 0);
    return makeFigure(ctx, {
      start,
      end: start + m[1].length,
      value: Number(m[1]),
      unit: m[2] ?? '件',
      source: 'prose',
      label: '收到申请数',
    });
  }
  return undefined;
}
