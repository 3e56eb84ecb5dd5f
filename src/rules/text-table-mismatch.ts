/**
 * text-table-mismatch — the prose restates a table quantity with a different number.
 *
 * What: sentences outside the tables that say how many requests were received (收到/受理…申请 N 件, in a
 * sentence or section about information requests), closed (办结 N 件), carried forward (N 件结转下年度) or how
 * many reviews and lawsuits there were (行政复议 N 件, 行政诉讼 N 件) are compared with table 三 and 四 (or the
 * era A statistics); the count must stand in the same clause as its verb. A sentence saying that all
 * requests were completed (所有申请均已办理完成) contradicts a table that carries requests forward. 收到 N 件 is accepted when N
 * is 本年新收 or 本年新收 + 上年结转, since reports use it both ways.
 *
 * Why it matters to auditors: readers quote the prose; if it disagrees with the table, one of them was
 * not updated (SH-2019 states 258 and 265 where the table has 275 and 337).
 *
 * Known false positives: sentences about a narrower group (“其中自然人申请 N 件”) or another period
 * that the patterns do not recognise as such.
 */
import type { Figure, FigureKey, Report } from '../model/index.js';
import { defineRule } from './rule.js';
import { APPLICANT_COLS, figureEvidence, round, stated } from './util/figures.js';
import { findCounts, type TextCount } from './util/numbers.js';
import { inSpans, sentenceSpans, tableSpans } from './util/report-facts.js';

interface Claim {
  name: string;
  /** The verb or noun that introduces the quantity. */
  pattern: RegExp;
  /** A word the clause must also contain (收到 alone may be about anything). */
  needs?: RegExp;
  /** The table values the stated number may equal, each with the figures it comes from. */
  accepted(report: Report): { value: number; figures: [string, Figure][] }[];
}

const one = (report: Report, ...keys: FigureKey[]) => {
  const figures = keys.map((k) => [k, stated(report, k)] as const);
  if (figures.some(([, f]) => !f)) return [];
  return [
    {
      value: round(figures.reduce((a, [, f]) => a + (f as Figure).value, 0)),
      figures: figures as [string, Figure][],
    },
  ];
};

const CLAIMS: Claim[] = [
  {
    name: '收到申请',
    pattern: /(?:收到|受理|接收|接到)/g,
    needs: /申请/,
    accepted: (r) => [
      ...one(r, 'requests.newReceived.total'),
      ...one(r, 'requests.newReceived.total', 'requests.carriedOver.total'),
      ...(r.figures['requests.newReceived.total'] ? [] : one(r, 'applications.received.total')),
    ],
  },
  {
    name: '办结',
    pattern: /办结(?!率)/g,
    accepted: (r) => [...one(r, 'requests.resultTotal.total'), ...one(r, 'applications.closed.total')],
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
];

const PROBES = new Map<Claim, RegExp>();

/** A non-global copy of a claim's pattern, for a stateless does-it-occur test. */
function probeOf(claim: Claim): RegExp {
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
      'Sentences about a narrower group or another period that the patterns do not recognise as such.',
  },
  messages: {
    claim: {
      zh: '正文称{claim} {stated} 件，统计表为 {table}',
      en: 'The prose states {claim} {stated}, the table has {table}',
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
    checkAllClosed(report, text, tables, ctx);
    for (const [s, e] of sentenceSpans(text)) {
      if (inSpans(s, tables)) continue;
      const sentence = text.slice(s, e);
      // Sentences about a part of the requests (其中, 自然人, 同比) are not restatements of the table.
      if (/其中|自然人|法人|同比|较上年|占/.test(sentence)) continue;
      for (const claim of CLAIMS) {
        // matchAll copies the regex; most sentences hold no claim, so test first with a shared copy.
        if (!probeOf(claim).test(sentence)) continue;
        for (const m of sentence.matchAll(claim.pattern)) {
          const verb = s + m.index;
          const count = claimedCount(text, verb, verb + m[0].length, s, e, claim.needs);
          if (count?.qualifier !== 'exact' || figureStarts.has(count.span[0])) continue;
          if (claim.name === '收到申请' && !aboutRequests(report, sentence, s)) continue;
          const accepted = claim.accepted(report);
          if (accepted.length === 0 || accepted.some((a) => a.value === count.value)) continue;
          const best = accepted[0] as (typeof accepted)[number];
          ctx.report({
            messageId: 'claim',
            data: {
              claim: claim.name,
              stated: count.value,
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
    }
  },
});

/**
 * The count a claim states: the first 件/起 count in the verb's clause after the verb (`收到申请75件`,
 * `收到70件申请`), else one just before it (`1件结转下年度`).
 */
function claimedCount(
  text: string,
  verbStart: number,
  verbEnd: number,
  sentenceStart: number,
  sentenceEnd: number,
  needs?: RegExp,
): TextCount | undefined {
  let clauseEnd = verbEnd;
  while (clauseEnd < sentenceEnd && !CLAUSE_END.test(text[clauseEnd] as string)) clauseEnd++;
  let clauseStart = verbStart;
  while (clauseStart > sentenceStart && !CLAUSE_END.test(text[clauseStart - 1] as string)) clauseStart--;
  if (needs && !needs.test(text.slice(clauseStart, clauseEnd))) return undefined;
  const isCount = (c: TextCount) => c.unit === '件' || c.unit === '起';
  const after = findCounts(text, verbEnd, clauseEnd).find(isCount);
  if (after) return after;
  const before = findCounts(text, clauseStart, verbStart).filter(isCount).pop();
  return before && verbStart - before.fullSpan[1] <= 2 ? before : undefined;
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
