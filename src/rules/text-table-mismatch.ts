/**
 * text-table-mismatch — the prose restates a table quantity with a different number.
 *
 * What: counts in running text that restate table 三, 四 or 二 (or the era A statistics) are compared with
 * it: requests received (收到/受理…申请 N 件), from 自然人 and from 法人或其他组织, carried over from last year
 * (上年结转), answered (答复), closed (办结), carried forward (结转下年度), reviews and lawsuits (行政复议,
 * 行政诉讼), requests made online and by letter (网上申请数3条, 信函申请数4条, against the era A statistics
 * table), normative documents made and in force (制定/现行有效规范性文件), and the items published
 * proactively (2012年主动公开政府信息1913条, where nothing but a time names the subject: 各乡镇主动公开… is a
 * part) against the statistics table's 主动公开信息数. The count must stand in the same
 * clause as its word. Each clause is judged on its own: a clause about a change (同比, 较上年, 增加), about
 * another year (2022年结转的), or (for totals) after 其中 or naming a channel (网上, 当面) is a part or a
 * difference, not a restatement. 收到 N 件 may equal 本年新收 + 上年结转 only where the sentence says it
 * includes the carried-over requests (含上年结转); otherwise that is flagged on its own message. A sentence
 * that says all requests were completed (所有申请均已办理完成) contradicts a table that carries requests
 * forward, and 办结, 办理, 答复 or 结转下年度 more than were received and carried over (受理10件，办结90件)
 * cannot be, whether or not a table states them. 办理 (handled) may equal the received, the received and
 * carried over, or the answered requests; its clause may leave 申请 to the sentence (受理申请749件…；共办理
 * 718件), not when it names cases (办理相关案件). Requests may be counted in 件, 条 or 份.
 *
 * Why it matters to auditors: readers quote the prose; if it disagrees with the table, one of them was
 * not updated (SH-2019 states 258 and 265 where the table has 275 and 337).
 *
 * Known false positives: sentences about a narrower group or another period that the clause words do not
 * show as such.
 */
import type { Figure, FigureKey, Claim as ProseClaim, Qualifier, Report } from '../model/index.js';
import { defineRule } from './rule.js';
import { APPLICANT_COLS, figureEvidence, round, stated } from './util/figures.js';
import { inSpans, sentenceSpans, tableSpans } from './util/report-facts.js';

interface Statement {
  name: string;
  /** The verb or noun that introduces the quantity. */
  pattern: RegExp;
  /** A word the clause must also contain (收到 alone may be about anything). */
  needs?: RegExp;
  /** A word the sentence must contain. */
  needsInSentence?: RegExp;
  /** Words that put the clause about something else (办理相关案件). */
  notInClause?: RegExp;
  /** Only in sentences about information-disclosure requests. */
  requests?: boolean;
  /** A total of all requests: a clause that names a channel or follows 其中 states a part of it. */
  total?: boolean;
  /** The count must follow the word within this many characters (答复29件, not 答复…的申请中…9件). */
  near?: number;
  /** Words just before the verb that make the count a part (予以公开答复 is one outcome, not all). */
  notAfter?: RegExp;
  /** Only where nothing but a time stands before the word in its clause (各乡镇主动公开… is a part). */
  bare?: boolean;
  /** The units the count is stated in (件 or 起 unless said). */
  units?: readonly string[];
  /**
   * The table values the stated number may equal, each with the figures it comes from. `withCarried`
   * marks a value that counts the requests carried over from last year: the prose may only state it
   * when it says so (含上年结转…).
   */
  accepted(report: Report): Accepted[];
}

interface Accepted {
  value: number;
  figures: [string, Figure][];
  withCarried?: boolean;
}

/** A figure the report states in a table (a prose figure may come from the very sentence compared). */
const inTable = (report: Report, key: string): Figure | undefined => {
  // Keys are composed from row and column names here; an unknown key simply finds no figure.
  const f = stated(report, key as FigureKey);
  return f && f.source !== 'prose' ? f : undefined;
};

const one = (report: Report, ...keys: string[]): Accepted[] => {
  const figures = keys.map((k) => [k, inTable(report, k)] as const);
  if (figures.some(([, f]) => !f)) return [];
  return [
    {
      value: round(figures.reduce((a, [, f]) => a + (f as Figure).value, 0)),
      figures: figures as [string, Figure][],
    },
  ];
};

/** The sum of some table 三 columns of a row, `withCarried` adding the same columns of 上年结转. */
const columns = (report: Report, cols: string[], withCarried: boolean): Accepted[] => {
  const rows = withCarried ? ['newReceived', 'carriedOver'] : ['newReceived'];
  const keys = rows.flatMap((row) => cols.map((c) => `requests.${row}.${c}`));
  const figures = keys.map((k) => [k, inTable(report, k)] as const);
  // A row that is not in the table at all cannot be compared; a blank cell of a present row counts 0.
  if (rows.some((row) => cols.every((c) => !inTable(report, `requests.${row}.${c}`)))) return [];
  const present = figures.filter(([, f]) => f) as [string, Figure][];
  const value = round(present.reduce((a, [, f]) => a + f.value, 0));
  return [{ value, figures: present, ...(withCarried ? { withCarried } : {}) }];
};

const ORG_COLS = APPLICANT_COLS.filter((c) => c !== 'natural');

const CLAIMS: Statement[] = [
  {
    name: '收到申请',
    pattern: /(?:收到|受理|接收|接到)/g,
    needs: /申请/,
    // 收到1份…行政复议申请 is an appeal, not a disclosure request.
    notInClause: /复议|诉讼|举报|投诉/,
    requests: true,
    total: true,
    accepted: (r) => [
      ...one(r, 'requests.newReceived.total'),
      ...one(r, 'requests.newReceived.total', 'requests.carriedOver.total').map((a) => ({
        ...a,
        withCarried: true,
      })),
      ...(r.figures['requests.newReceived.total'] ? [] : one(r, 'applications.received.total')),
    ],
  },
  {
    name: '自然人申请',
    pattern: /自然人(?:提出)?(?:的)?(?:申请)?/g,
    requests: true,
    near: 6,
    accepted: (r) => [...columns(r, ['natural'], false), ...columns(r, ['natural'], true)],
  },
  {
    name: '法人或其他组织申请',
    pattern: /法人(?:或|和|及)?(?:其他)?(?:组织)?(?:提出)?(?:的)?(?:申请)?/g,
    requests: true,
    near: 6,
    accepted: (r) => [...columns(r, ORG_COLS, false), ...columns(r, ORG_COLS, true)],
  },
  {
    name: '上年结转',
    pattern: /(?:上一?年度?|去年)(?:度)?结转(?:的)?(?:政府信息公开)?(?:申请)?/g,
    near: 8,
    accepted: (r) => one(r, 'requests.carriedOver.total'),
  },
  {
    name: '办结',
    pattern: /办结(?!率)/g,
    total: true,
    accepted: (r) => [...one(r, 'requests.resultTotal.total'), ...one(r, 'applications.closed.total')],
  },
  {
    // 办理 counts the requests handled: those received, with or without the ones carried over, or those
    // answered. Its clause may leave 申请 to the sentence (受理申请749件…；共办理718件).
    name: '办理申请',
    pattern: /办理(?!率|结果|情况|工作|流程|质效|质量|程序|时限|期限|机制)/g,
    needsInSentence: /申请/,
    notInClause: /案件|复议|诉讼|事项|业务|手续|证|服务|来信|来访|信访|提案|建议/,
    requests: true,
    total: true,
    near: 12,
    notAfter: /(?:依法|按时|及时|延期|转|规范|继续)$/,
    accepted: (r) => [
      ...one(r, 'requests.newReceived.total'),
      ...one(r, 'requests.newReceived.total', 'requests.carriedOver.total'),
      ...one(r, 'requests.resultTotal.total'),
      ...(r.figures['requests.newReceived.total']
        ? []
        : [...one(r, 'applications.received.total'), ...one(r, 'applications.answered.total')]),
    ],
  },
  {
    name: '答复',
    pattern: /答复(?:申请)?(?:人)?/g,
    requests: true,
    total: true,
    near: 3,
    notAfter: /(?:公开|同意|不予|无法|告知|补正|处理|办理|延期|按时|依法|书面|电话|网上|当面|转|结转)$/,
    accepted: (r) => [
      ...one(r, 'requests.resultTotal.total'),
      ...(r.figures['requests.resultTotal.total'] ? [] : one(r, 'applications.answered.total')),
    ],
  },
  {
    name: '结转下年度',
    pattern: /结转(?:至|到)?(?:下一?年度?|下年|次年)/g,
    accepted: (r) => one(r, 'requests.carriedForward.total'),
  },
  {
    name: '行政复议',
    pattern: /行政复议(?!、|和|及|与|诉讼)/g,
    accepted: (r) => one(r, 'review.total'),
  },
  {
    name: '行政诉讼',
    pattern: /行政诉讼(?!、|和|及|与)/g,
    accepted: (r) => [
      ...one(r, 'litigation.direct.total', 'litigation.afterReview.total'),
      ...one(r, 'litigation.total'),
    ],
  },
  {
    name: '网上申请',
    pattern: /(?:网上|网络|在线)申请(?:数)?(?:为)?/g,
    requests: true,
    near: 2,
    units: ['件', '条'],
    accepted: (r) => one(r, 'applications.received.online'),
  },
  {
    name: '信函申请',
    pattern: /信函申请(?:数)?(?:为)?/g,
    requests: true,
    near: 2,
    units: ['件', '条'],
    accepted: (r) => one(r, 'applications.received.letter'),
  },
  {
    name: '主动公开信息',
    pattern: /主动公开(?:了)?(?:各类)?(?:政府)?信息(?:数)?(?:为|共)?/g,
    bare: true,
    near: 2,
    units: ['条'],
    accepted: (r) => one(r, 'active.total'),
  },
  {
    name: '制发规范性文件',
    pattern: /(?:制定|制发|出台|印发)(?:了)?(?:行政)?规范性文件/g,
    accepted: (r) => one(r, 'active.normativeDocs.issued'),
  },
  {
    name: '现行有效规范性文件',
    pattern: /现行有效(?:的)?(?:行政)?规范性文件/g,
    accepted: (r) => one(r, 'active.normativeDocs.inForce'),
  },
];

/** Words that only place a clause in time (2012年, 全年): the subject is the reporting body itself. */
/** Units a count of requests is stated in. */
const REQUEST_UNITS = ['件', '起', '条', '份'] as const;
/**
 * Statements of requests handled or carried forward, with the word for the message: none can exceed the
 * requests received and carried over.
 */
const HANDLED = new Map([
  ['办结', '办结'],
  ['办理申请', '办理'],
  ['答复', '答复'],
  ['结转下年度', '结转下年度'],
]);

const TIME_ONLY = /^(?:\s|(?:19|20)\d{2}\s*年度?|全年|本年度?|今年|[，,]|共|我(?:区|县|市|镇|乡|局|委|办))*$/;

/** A clause about a change or a comparison states a difference, not the count itself. */
const DELTA = /同比|较上年|比上年|较去年|比去年|与上年|环比|增长|增加|减少|下降|上升|持平|相比|累计/;
/** A clause that names a channel or a kind of request states a part of the requests. */
const PART = /网上|在线|当面|现场|信函|邮寄|传真|电子邮件|邮件|电话|网络|平台|依职权|涉及|关于/;
/**
 * The sentence says its count includes the requests carried over from last year. 结转下一年 (carried
 * forward) says nothing about them (shuyang-2025: 受理749件…结转下一年31件, where 749 = 713 new + 36 carried).
 */
const WITH_CARRIED = /结转(?!(?:至|到)?(?:下一?年|下年|次年))|含上年|包括上年|加上上年/;

const PROBES = new Map<Statement, RegExp>();

/** A non-global copy of a claim's pattern, for a stateless does-it-occur test. */
function probeOf(claim: Statement): RegExp {
  let probe = PROBES.get(claim);
  if (!probe) {
    probe = new RegExp(claim.pattern.source, claim.pattern.flags.replace(/[gy]/g, ''));
    PROBES.set(claim, probe);
  }
  return probe;
}

/** Clause boundaries inside a sentence. */
const CLAUSE_END = /[，,；;。：:]/;

/** Whether a sentence is about information-disclosure requests (by its words or its section). */
function aboutRequests(report: Report, sentence: string, offset: number): boolean {
  if (/信息公开|依申请|公开申请/.test(sentence)) return true;
  let list = report.sections;
  for (;;) {
    const s = list.find((x) => x.extent[0] <= offset && offset < x.extent[1]);
    if (!s) return false;
    if (/申请/.test(s.title)) return true;
    list = s.children;
  }
}

/**
 * The `text-table-mismatch` rule (described in the header of this file), registered in registry.ts.
 *
 * @example
 * checkReport(report, { 'text-table-mismatch': 'error' }).filter((a) => a.ruleId === 'text-table-mismatch');
 */
export const textTableMismatch = defineRule({
  id: 'text-table-mismatch',
  meta: {
    severity: 'warning',
    category: 'text',
    description: {
      zh: '正文数字与统计表不一致',
      en: 'A number in the prose contradicts the table',
    },
    why: 'Readers quote the prose; if it disagrees with the table, one of them was not updated and the report contradicts itself.',
    falsePositives:
      'Sentences about a narrower group or another period that the clause words do not show as such.',
  },
  messages: {
    claim: {
      zh: '正文称{claim} {stated} {unit}，统计表为 {table}',
      en: 'The prose states {claim} {stated}, the table has {table}',
    },
    withCarried: {
      zh: '正文称{claim} {stated} 件，含上年结转的申请而未说明；统计表本年新收为 {table}',
      en: 'The prose states {claim} {stated}, which counts the requests carried over without saying so; the table has {table} new',
    },
    closedExceeds: {
      zh: '正文称{verb} {closed} 件，多于收到的 {received} 件与上年结转的 {carried} 件之和',
      en: 'The prose states {closed} {verbEn}, more than the {received} received plus {carried} carried over',
    },
    allClosed: {
      zh: '正文称“{stated}”，但统计表结转下年度继续办理 {table} 件',
      en: 'The prose says "{stated}", but the table carries {table} requests forward',
    },
  },
  check(report, ctx) {
    const text = ctx.text;
    if (!text) return;
    const tables = tableSpans(report);
    const figureStarts = new Set(Object.values(report.figures).map((f) => f.span[0]));
    const counts = countsOf(report.claims ?? []);
    checkAllClosed(report, text, tables, ctx);
    const year = report.meta.reportYear;
    // 收到 and 办结 are compared when they stand in one sentence or two neighbouring ones.
    let received: { value: number; span: [number, number]; at: number } | undefined;
    let index = -1;
    for (const [s, e] of sentenceSpans(text)) {
      index++;
      if (received && index - received.at > 1) received = undefined;
      if (inSpans(s, tables)) continue;
      const sentence = text.slice(s, e);
      let closed: Handled | undefined;
      for (const claim of CLAIMS) {
        // matchAll copies the regex; most sentences hold no claim, so test first with a shared copy.
        if (!probeOf(claim).test(sentence)) continue;
        for (const m of sentence.matchAll(claim.pattern)) {
          const verb = s + m.index;
          const clause = clauseAround(text, verb, verb + m[0].length, s, e);
          const clauseText = text.slice(clause[0], clause[1]);
          // A clause about a change, or about another year (2022年结转的申请), is not this year's table. A
          // sentence that only opens with another year (2022年，…共制定…0件) is a stale statement: compared.
          if (DELTA.test(clauseText) || otherYear(clauseText, year)) continue;
          if (claim.notAfter?.test(text.slice(clause[0], verb))) continue;
          if (claim.bare && !TIME_ONLY.test(text.slice(clause[0], verb))) continue;
          if (claim.total) {
            // 其中 opens the parts up to the next ；(其中当面申请18条；对申请的答复总数21条).
            const lead = text.slice(s, verb);
            if (lead.slice(Math.max(lead.lastIndexOf('；'), lead.lastIndexOf(';')) + 1).includes('其中'))
              continue;
            if (PART.test(text.slice(clause[0], verb))) continue;
          }
          if (claim.needsInSentence && !claim.needsInSentence.test(sentence)) continue;
          if (claim.notInClause?.test(clauseText)) continue;
          // Era A reports count requests in 条 as often as in 件 (收到…申请21条).
          const units = claim.units ?? (claim.requests ? REQUEST_UNITS : ['件', '起']);
          const inUnits = counts.filter((c) => units.includes(c.unit));
          const count = claimedCount(
            text,
            inUnits,
            verb,
            verb + m[0].length,
            clause,
            claim.needs,
            claim.near,
          );
          if (count?.qualifier !== 'exact') continue;
          if (claim.requests && !aboutRequests(report, sentence, s)) continue;
          // Received and handled are compared with each other even where the prose is all there is.
          if (claim.name === '收到申请') received ??= { value: count.value, span: count.span, at: index };
          const verbName = HANDLED.get(claim.name);
          if (verbName && (!closed || count.value > closed.value))
            closed = { value: count.value, span: count.span, verb: verbName };
          if (figureStarts.has(count.span[0])) continue;
          const carriedSaid = WITH_CARRIED.test(sentence);
          const all = claim.accepted(report);
          const accepted = all.filter((a) => !a.withCarried || carriedSaid);
          if (accepted.length === 0 || accepted.some((a) => a.value === count.value)) continue;
          const best = accepted[0] as Accepted;
          const withCarried = all.find((a) => a.withCarried && a.value === count.value);
          ctx.report({
            messageId: withCarried ? 'withCarried' : 'claim',
            data: {
              claim: claim.name,
              stated: count.value,
              unit: count.unit,
              table: [...new Set(accepted.map((a) => a.value))].join(' / '),
            },
            place: count.span,
            evidence: [
              ctx.evidence('prose', count.span, { value: count.value, label: claim.name }),
              ...best.figures.map(([k, f]) => figureEvidence('table', k, f)),
            ],
            actual: count.value,
            expected: best.value,
          });
          break;
        }
      }
      if (received && closed) {
        checkClosedExceeds(report, received, closed, ctx);
        received = undefined;
      }
    }
  },
});

/** Whether a clause names a year other than the report's (not as a comparison: 比2022年). */
function otherYear(sentence: string, year: number | undefined): boolean {
  if (year === undefined) return false;
  for (const m of sentence.matchAll(/((?:19|20)\d{2})\s*年(?!\d|\s*\d{1,2}\s*月)/g)) {
    if (Number(m[1]) !== year && !/比|较|与|同/.test(sentence.slice(Math.max(0, m.index - 2), m.index)))
      return true;
  }
  return false;
}

/** A count of requests handled (办结, 办理, 答复) and the word that states it. */
interface Handled {
  value: number;
  span: [number, number];
  verb: string;
}

const VERB_EN: Record<string, string> = {
  办结: 'closed',
  办理: 'handled',
  答复: 'answered',
  结转下年度: 'carried forward',
};

/** More requests handled than were received and carried over: more than there were to handle. */
function checkClosedExceeds(
  report: Report,
  received: { value: number; span: [number, number] },
  closed: Handled,
  ctx: Parameters<typeof textTableMismatch.check>[1],
): void {
  const carried = stated(report, 'requests.carriedOver.total');
  const open = received.value + (carried?.value ?? 0);
  if (closed.value <= open) return;
  ctx.report({
    messageId: 'closedExceeds',
    data: {
      verb: closed.verb,
      verbEn: VERB_EN[closed.verb] ?? 'handled',
      closed: closed.value,
      received: received.value,
      carried: carried?.value ?? 0,
    },
    place: closed.span,
    evidence: [
      ctx.evidence('closed', closed.span, { value: closed.value, label: closed.verb }),
      ctx.evidence('received', received.span, { value: received.value, label: '收到申请' }),
      ...(carried ? [figureEvidence('table', 'requests.carriedOver.total', carried)] : []),
    ],
    actual: closed.value,
    expected: open,
  });
}

/** The clause around a word: between the clause marks before and after it within the sentence. */
function clauseAround(
  text: string,
  verbStart: number,
  verbEnd: number,
  sentenceStart: number,
  sentenceEnd: number,
): [number, number] {
  let clauseEnd = verbEnd;
  while (clauseEnd < sentenceEnd && !CLAUSE_END.test(text[clauseEnd] as string)) clauseEnd++;
  let clauseStart = verbStart;
  while (clauseStart > sentenceStart && !CLAUSE_END.test(text[clauseStart - 1] as string)) clauseStart--;
  return [clauseStart, clauseEnd];
}

/** A count of requests or cases the prose claims (`收到申请75件`, `1件结转下年度`). */
interface ProseCount {
  value: number;
  qualifier: Qualifier;
  span: [number, number];
  /** Where the number and its unit end. */
  end: number;
  unit: string;
}

/** The prose counts in text order, whether or not a table restates them. */
function countsOf(claims: ProseClaim[]): ProseCount[] {
  const out: ProseCount[] = [];
  for (const c of claims) {
    if (c.kind !== 'count' && c.kind !== 'restatement') continue;
    out.push({
      value: c.value,
      qualifier: c.qualifier,
      span: c.span,
      end: c.span[1] + c.unit.length,
      unit: c.unit,
    });
  }
  return out.sort((a, b) => a.span[0] - b.span[0]);
}

/**
 * The count a statement states: the first count in the verb's clause after the verb (`收到申请75件`,
 * `收到70件申请`), else one just before it (`1件结转下年度`).
 */
function claimedCount(
  text: string,
  counts: ProseCount[],
  verbStart: number,
  verbEnd: number,
  [clauseStart, clauseEnd]: [number, number],
  needs?: RegExp,
  near?: number,
): ProseCount | undefined {
  if (needs && !needs.test(text.slice(clauseStart, clauseEnd))) return undefined;
  const after = counts.find((c) => c.span[0] >= verbEnd && c.span[0] < clauseEnd);
  if (after) {
    if (near !== undefined && after.span[0] - verbEnd > near) return undefined;
    return after;
  }
  const before = counts.filter((c) => c.span[0] >= clauseStart && c.end <= verbStart).pop();
  return before && verbStart - before.end <= 2 ? before : undefined;
}

/** `所有申请均已按要求办理完成`, `申请已全部办结`: nothing is carried forward. */
const ALL_CLOSED =
  /(?:所有|全部)(?:的)?(?:政府信息公开)?申请(?:均|都|已|全部)*(?:按要求|按时|依法)?(?:办理完成|办结|办理完毕|答复完毕)|申请(?:均|都|已)*全部(?:办结|办理完成|答复)/g;

function checkAllClosed(
  report: Report,
  text: string,
  tables: [number, number][],
  ctx: Parameters<typeof textTableMismatch.check>[1],
): void {
  const total = stated(report, 'requests.carriedForward.total');
  const parts = APPLICANT_COLS.map(
    (c) => [`requests.carriedForward.${c}`, stated(report, `requests.carriedForward.${c}`)] as const,
  );
  const value = total ? total.value : parts.reduce((a, [, f]) => a + (f?.value ?? 0), 0);
  if (!(value > 0)) return;
  const shown: [string, Figure][] = total
    ? [['requests.carriedForward.total', total]]
    : (parts.filter(([, f]) => f && f.value > 0) as [string, Figure][]);
  for (const m of text.matchAll(ALL_CLOSED)) {
    if (inSpans(m.index, tables)) continue;
    const span: [number, number] = [m.index, m.index + m[0].length];
    ctx.report({
      messageId: 'allClosed',
      data: { stated: m[0], table: value },
      place: span,
      evidence: [
        ctx.evidence('prose', span, { label: '全部办结' }),
        ...shown.map(([k, f]) => figureEvidence('table', k, f)),
      ],
      actual: value,
      expected: 0,
    });
    return;
  }
}
