/**
 * text-table-mismatch — the prose restates a table quantity with a different number.
 *
 * What: sentences outside the tables that say how many requests were received (收到/受理…申请 N 件),
 * closed (办结 N 件), carried forward (结转 N 件) or how many reviews and lawsuits there were (行政复议 N 件,
 * 行政诉讼 N 件) are compared with table 三 and 四 (or the era A statistics). 收到 N 件 is accepted when N
 * is 本年新收 or 本年新收 + 上年结转, since reports use it both ways.
 *
 * Why it matters to auditors: readers quote the prose; if it disagrees with the table, one of them was
 * not updated (SH-2019 states 258 and 265 where the table has 275 and 337).
 *
 * Known false positives: sentences about a narrower group (“其中自然人申请 N 件”) or another period
 * that the patterns do not recognise as such.
 */
import type { Figure, Report } from '../model/index.js';
import { defineRule } from './rule.js';
import { figureEvidence, round, stated } from './util/figures.js';
import { findCounts, type TextCount } from './util/numbers.js';
import { inSpans, sentenceSpans, tableSpans } from './util/report-facts.js';

interface Claim {
  name: string;
  /** Recognises the sentence and places the verb; the count is the first 件/起 count after it. */
  pattern: RegExp;
  /** The table values the stated number may equal, each with the figures it comes from. */
  accepted(report: Report): { value: number; figures: [string, Figure][] }[];
}

const one = (report: Report, ...keys: string[]) => {
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
    pattern: /(?:共|累计)?(?:收到|受理|接收|接到)[^。；\n其]{0,12}?(?:信息公开)?申请/,
    accepted: (r) => [
      ...one(r, 'requests.newReceived.total'),
      ...one(r, 'requests.newReceived.total', 'requests.carriedOver.total'),
      ...(r.figures['requests.newReceived.total'] ? [] : one(r, 'applications.received.total')),
    ],
  },
  {
    name: '办结',
    pattern: /(?:共|累计|已|全部)?办结(?!率)/,
    accepted: (r) => [...one(r, 'requests.resultTotal.total'), ...one(r, 'applications.closed.total')],
  },
  {
    name: '结转下年度',
    pattern: /结转(?:至|到)?(?:下一?年度?|下年|次年|2\d{3}年)/,
    accepted: (r) => one(r, 'requests.carriedForward.total'),
  },
  {
    name: '行政复议',
    pattern: /(?:被申请|提起|发生|收到)?行政复议(?!、|和|及|与|诉讼)/,
    accepted: (r) => one(r, 'review.total'),
  },
  {
    name: '行政诉讼',
    pattern: /(?:被提起|提起|发生)?行政诉讼(?!、|和|及|与)/,
    accepted: (r) => [
      ...one(r, 'litigation.direct.total', 'litigation.afterReview.total'),
      ...one(r, 'litigation.total'),
    ],
  },
];

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
  },
  check(report, ctx) {
    const text = ctx.text;
    if (!text) return;
    const tables = tableSpans(report);
    const figureStarts = new Set(Object.values(report.figures).map((f) => f.span[0]));
    for (const [s, e] of sentenceSpans(text)) {
      if (inSpans(s, tables)) continue;
      const sentence = text.slice(s, e);
      // Sentences about a part of the requests (其中, 自然人, 同比) or another year are not restatements.
      if (/其中|自然人|法人|同比|较上年|上年度?[共收]|占/.test(sentence)) continue;
      for (const claim of CLAIMS) {
        const m = claim.pattern.exec(sentence);
        if (!m) continue;
        const from = s + m.index + m[0].length;
        const count: TextCount | undefined = findCounts(text, from, Math.min(e, from + 16)).find(
          (c) => c.unit === '件' || c.unit === '起',
        );
        if (count?.qualifier !== 'exact' || figureStarts.has(count.span[0]) || inSpans(count.span[0], tables))
          continue;
        const accepted = claim.accepted(report);
        if (accepted.length === 0 || accepted.some((a) => a.value === count.value)) continue;
        const best = accepted[0] as (typeof accepted)[number];
        ctx.report({
          messageId: 'claim',
          data: { claim: claim.name, stated: count.value, table: accepted.map((a) => a.value).join(' / ') },
          place: count.span,
          evidence: [
            ctx.evidence('prose', count.span, { value: count.value, label: claim.name }),
            ...best.figures.map(([k, f]) => figureEvidence('table', k, f)),
          ],
          actual: count.value,
          expected: best.value,
        });
      }
    }
  },
});
