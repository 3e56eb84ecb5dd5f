import type { ZeroClaim } from '../../model/index.js';
import { findNumbers } from '../../text/cn-number.js';
import { type SubjectHit, scopeOf, zeroSubjects } from '../subject.js';
import { sectionOf } from '../text.js';
import type { ClaimContext, ClaimParser } from '../types.js';
import { CLAIM_UNITS } from '../units.js';

/** Clause ends for stated zeros: a colon stays inside (`信息处理费：无`). */
const ZERO_CLAUSE_END = /[，,；;。！？!?\n]/;
/** A negation before its subject (`未发生…行政复议`, `没有收费`, `也不存在不予公开…`). */
const NEGATION =
  /(?:(?:暂免|免于|免予|一律免|免)(?=收费|收取)|没有|未曾|从未|尚未|均未|暂未|并未|也未|亦未|未|并无|尚无|暂无|均无|亦无|也无|无|不存在|零)(?:发生|收到|受理|涉及|出现|接到|接收)?/g;
/** Words that begin with a negation character but do not deny anything. */
const NOT_NEGATION =
  /^(?:未来|未成年|未能|未按|未予|未经|未及|未满|未作|未尽|未对|未被|未公开|无法|无偿|无纸|无障碍|无误|无缝|无论|无关|无需|无须|无条件|无线|无效|无疑|零距离|零星|零售|零散)/;
/** A stated zero after its subject, ending the clause (`依申请办理事项为零`, `信息处理费：无`). */
const AFTER_SUBJECT =
  /^[^，,；;。\d]{0,12}?(?:均|都|全部)?(?:(?:为|是|：|:)[ \t]*(0)|(?:为|是|：|:)?[ \t]*(零|无|空白))(?:件|条|次|人|元|起|个)?[ \t]*(?:[。.]|$)/;

/**
 * Stated zeros written as negative sentences: `没有…的情况`, `未发生…行政复议案、行政诉讼案` (one zero for
 * each indicator the clause names), `没有收费`, `未收取任何费用`, `也不存在不予公开政府信息`,
 * `依申请办理事项为零`, `信息处理费：无`, `申请数为0`. A zero belongs to the indicator named in its own clause only,
 * never to one of a neighbouring sentence; a clause stating a count is left to the count parser.
 *
 * @example
 * zeroParser.parse(ctx).map((c) => c.indicator); // ['review.total', 'litigation.total']
 */
export const zeroParser: ClaimParser = {
  name: 'zero',
  parse(ctx) {
    const out: ZeroClaim[] = [];
    for (const [s, e] of ctx.sentences) {
      let a = s;
      for (let i = s; i <= e; i++) {
        if (i < e && !ZERO_CLAUSE_END.test(ctx.text[i] as string)) continue;
        if (i > a) out.push(...zerosInClause(ctx, a, i, s, e));
        a = i + 1;
      }
    }
    return out;
  },
};

function zerosInClause(ctx: ClaimContext, a: number, b: number, s: number, e: number): ZeroClaim[] {
  const text = ctx.text;
  const clause = text.slice(a, b);
  const counted = findNumbers(text, a, b).some((n) => n.value !== 0 && CLAIM_UNITS.has(n.unit));
  if (counted) return [];
  const out: ZeroClaim[] = [];
  const seen = new Set<string>();
  const add = (hit: SubjectHit, cueStart: number, cue: string) => {
    const indicator = indicatorOf(ctx, hit, clause, a);
    if (!indicator || seen.has(indicator)) return;
    seen.add(indicator);
    out.push({
      kind: 'zero',
      indicator,
      subject: hit.words,
      subjectSpan: [hit.start, hit.end],
      ...scopeOf(text.slice(s, cueStart), text.slice(a, cueStart), ctx.reportYear),
      value: 0,
      unit: hit.subject.units.includes('money') ? '万元' : '件',
      cue,
      stated: cue,
      span: [cueStart, cueStart + cue.length],
      clause: [a, b],
      sentence: [s, e],
      parser: 'zero',
    });
  };
  NEGATION.lastIndex = 0;
  for (let m = NEGATION.exec(clause); m; m = NEGATION.exec(clause)) {
    if (NOT_NEGATION.test(clause.slice(m.index))) continue;
    // 不予公开 inside a subject is not a negation of it.
    const cueStart = a + m.index;
    const cueEnd = cueStart + m[0].length;
    for (const hit of zeroSubjects(text, cueEnd, b)) add(hit, cueStart, m[0]);
    if (out.length > 0) break;
  }
  for (const hit of zeroSubjects(text, a, b)) {
    const after = AFTER_SUBJECT.exec(text.slice(hit.end, b));
    const word = after?.[1] ?? after?.[2];
    if (!after || !word) continue;
    const at = hit.end + after[0].lastIndexOf(word);
    add(hit, at, word);
  }
  return out;
}

/** The figure key a zero is stated for; requests only where the clause or its section is about disclosure. */
function indicatorOf(ctx: ClaimContext, hit: SubjectHit, clause: string, at: number): string | undefined {
  const key = hit.subject.indicator;
  if (key === 'applications.received.total') {
    const title = sectionOf(ctx.sections, at)?.title ?? '';
    // `未收到相关政府信息申请` names the information asked for instead of 公开.
    if (!/公开|依申请|政府信息/.test(clause) && !/申请/.test(title)) return undefined;
  }
  return key;
}
