/**
 * breakdown-sum-mismatch — the parts listed after 其中 add up to more than the total they break down.
 *
 * What: for every `…N条。其中，A a条；B b条，C c条` the rule takes the last count before 其中 (in the
 * same sentence, or the previous one when 其中 opens a sentence) as the total and the counts of the same
 * unit in the 其中 clause as its parts. Parts that add up to more than the total are flagged; parts that
 * add up to less only when their stated shares (占…%) add up to 100% — the list is then complete, and it
 * may go on in the following sentences (`其中，区直…1397条，占73%。各乡镇…534条，占27%。`) — or with the
 * option `exact`. 包括, 分别为 and 含 open the same claim when they follow the total in its sentence (an
 * aside in brackets, 网站(含转发)319条, does not). The parts stop at a ；that opens a new statement or, as
 * the claims layer reads it, another subject (其中…；行政复议2件、行政诉讼7件 are not parts of the
 * requests). Asides in brackets are not parts; qualified numbers
 * (余, 近, 约) are compared by their bounds.
 *
 * Why it matters to auditors: a breakdown larger than its total means at least one of the numbers is wrong
 * (the seed report: 84 items in total, 64 + 20 + 10 = 94 by channel).
 *
 * Known false positives: channel breakdowns where one item was published on several channels and the
 * report counts it once in the total but in every channel (the national table counts such an item once,
 * so the report should say so).
 */
import * as z from 'zod';
import { defineRule } from './rule.js';
import { findCounts, lowerBound, type TextCount, upperBound } from './util/numbers.js';
import { inSpans, sentenceSpans, tableSpans } from './util/report-facts.js';
import { insideParens } from './util/text.js';

/**
 * The `breakdown-sum-mismatch` rule (described in the header of this file), registered in registry.ts.
 *
 * @example
 * checkReport(report, { 'breakdown-sum-mismatch': 'error' }).filter((a) => a.ruleId === 'breakdown-sum-mismatch');
 */
export const breakdownSumMismatch = defineRule({
  id: 'breakdown-sum-mismatch',
  meta: {
    severity: 'error',
    category: 'arithmetic',
    description: {
      zh: '“其中”所列分项之和与总数不符',
      en: 'The parts listed after 其中 do not add up to the total',
    },
    why: 'A breakdown larger than its total means at least one of the numbers is wrong; auditors cannot tell which without the source data.',
    falsePositives:
      'Channel breakdowns where one item appeared on several channels but was counted once in the total.',
    options: [
      { name: 'exact', description: 'also flag parts that add up to less than the total', default: false },
    ],
  },
  options: z.object({ exact: z.boolean().default(false) }).prefault({}),
  messages: {
    exceeds: {
      zh: '分项之和 {sum} 超过总数 {total}（{parts}）',
      en: 'Parts add up to {sum}, more than the total {total} ({parts})',
    },
    short: {
      zh: '分项之和 {sum} 小于总数 {total}（{parts}）',
      en: 'Parts add up to {sum}, less than the total {total} ({parts})',
    },
  },
  check(report, ctx) {
    const text = ctx.text;
    if (!text) return;
    const tables = tableSpans(report);
    const sentences = sentenceSpans(text);
    const reported = new Set<number>();
    const breakdowns = (report.claims ?? []).filter((c) => c.kind === 'breakdown');
    /** Where the claims layer ends the parts after a cue: it stops at a ；that opens another subject. */
    const claimedEnd = (k: number, e: number): number => {
      const claim = breakdowns.find(
        (b) => b.sentence[0] <= k && k < b.sentence[1] && (b.parts[0]?.span[0] ?? -1) > k,
      );
      if (!claim) return e;
      const last = Math.max(...claim.parts.map((p) => p.span[1]));
      const stop = text.slice(last, e).search(/[；;]/);
      return stop === -1 ? e : last + stop;
    };
    sentences.forEach(([s, e], i) => {
      for (let k = nextCue(text, s); k !== -1 && k < e; k = nextCue(text, k + 1)) {
        if (inSpans(k, tables)) continue;
        const opensSentence = /^[\s，,、:：]*$/.test(text.slice(s, k));
        const from = opensSentence && i > 0 ? (sentences[i - 1] as [number, number])[0] : s;
        const before = findCounts(text, from, k).filter((c) => c.unit !== '%');
        // 包括/分别为/含 name their parts right after a total of the same clause (共84条，包括…), not a sentence later.
        const isQizhong = text.startsWith('其中', k);
        // An aside in brackets (网站(含转发)319条) is no list of parts.
        if (!isQizhong && (opensSentence || insideParens(text, k, s))) continue;
        const total = before[before.length - 1];
        if (!total) continue;
        const clauseEnd = Math.min(breakdownEnd(text, k, e), claimedEnd(k, e));
        const parts = findCounts(text, k, clauseEnd).filter(
          (c) => c.unit === total.unit && !insideParens(text, c.span[0], k),
        );
        // Parts that each carry a share (…1397条，占73%。各乡镇…534条，占27%。) may go on in the next sentences.
        const shares = parts.map((c) => shareAfter(text, c, e));
        if (parts.length > 0 && shares.every((x) => x !== undefined) && clauseEnd === e) {
          for (const [ns, ne] of sentences.slice(i + 1)) {
            const sentence = text.slice(ns, ne);
            if (NEW_STATEMENT.test(sentence)) break;
            const same = findCounts(text, ns, ne).filter((c) => c.unit === total.unit);
            const share = same.length === 1 ? shareAfter(text, same[0] as TextCount, ne) : undefined;
            if (share === undefined) break;
            parts.push(same[0] as TextCount);
            shares.push(share);
          }
        }
        if (parts.length < 2) continue;
        const shareSum = shares.every((x) => x !== undefined) ? shares.reduce((a, x) => a + (x ?? 0), 0) : 0;
        check(total, parts, Math.abs(shareSum - 100) <= 1);
      }
    });

    function check(total: TextCount, parts: TextCount[], partition: boolean): void {
      if (reported.has(total.span[0])) return;
      const low = parts.reduce((a, c) => a + lowerBound(c), 0);
      const exact = parts.every((c) => c.qualifier === 'exact') && total.qualifier === 'exact';
      const sum = parts.reduce((a, c) => a + c.value, 0);
      const messageId =
        low > upperBound(total)
          ? 'exceeds'
          : exact && sum < total.value && (partition || ctx.options.exact)
            ? 'short'
            : null;
      if (!messageId) return;
      reported.add(total.span[0]);
      ctx.report({
        messageId,
        data: { sum, total: total.value, parts: parts.map((c) => c.stated).join(' + ') },
        place: total.span,
        evidence: [
          ctx.evidence('total', total.span, { value: total.value }),
          ...parts.map((c) => ctx.evidence('part', c.span, { value: c.value })),
        ],
        actual: sum,
        expected: total.value,
      });
    }
  },
});

/** Words that open a list of the parts of the count before them. */
const CUE = /其中|包括|分别为|分别是|含/g;

/** The next breakdown cue at or after `from` (-1 when none). */
function nextCue(text: string, from: number): number {
  CUE.lastIndex = from;
  const m = CUE.exec(text);
  return m ? m.index : -1;
}

/** A segment after ；that starts a new statement (its own total or 其中) ends the breakdown. */
const NEW_STATEMENT = /其中|总数|总计|合计|(?<![公一])共(?!享|建|同|计划)|累计|全年|另外|此外|同时/;

/**
 * Where the 其中 clause starting at `k` ends: the sentence end, or the first ；whose following segment
 * is a new statement (`…其中当面18条，邮件3条；对申请的答复总数21条…`).
 */
function breakdownEnd(text: string, k: number, end: number): number {
  for (let i = k + 2; i < end; i++) {
    const c = text[i];
    if (c !== '；' && c !== ';') continue;
    const next = text.slice(i + 1, end).search(/[；;。]/);
    const segment = text.slice(i + 1, next === -1 ? end : i + 1 + next);
    if (NEW_STATEMENT.test(segment)) return i;
  }
  return end;
}

/** The share stated right after a count (`1397条，占73%`), in percent. */
function shareAfter(text: string, c: TextCount, end: number): number | undefined {
  const pct = findCounts(text, c.fullSpan[1], Math.min(end, c.fullSpan[1] + 12)).find((x) => x.unit === '%');
  if (!pct || !/^[，,、\s]*(?:约)?占(?:比|总数的?)?[为达]?$/.test(text.slice(c.fullSpan[1], pct.span[0])))
    return undefined;
  return pct.value;
}
