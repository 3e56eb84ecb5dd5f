/**
 * doubled-word — a word or phrase printed twice in a row (预决算决算, 网站网站, 的的).
 *
 * What: in the prose (not in tables), a run of two to six Chinese characters immediately repeated, and
 * the particle 的 doubled; the verb reduplications reports use (研究研究) and 的的确确 are left alone.
 *
 * Why it matters to auditors: a doubled phrase is the trace of a careless edit, often where text was
 * pasted over last year's wording; it is worth a look at the sentence, not more (info).
 *
 * Known false positives: a deliberate repetition for emphasis; a name that repeats a syllable pair.
 */
import { defineRule } from './rule.js';
import { inSpans, tableSpans } from './util/report-facts.js';

const DOUBLED = /([\u4e00-\u9fff]{2,6})\1|的的(?!确)/g;
/** Four-character idioms whose halves repeat a character (同时适时适地 reads 时适 twice). */
const IDIOM =
  /适时适地|随时随地|因时因地|时时处处|一心一意|全心全意|尽心尽力|尽职尽责|自查自纠|边查边改|即查即改|应公开尽公开/;
/** Site navigation carried into converted pages repeats its path (政务公开政府信息公开政府信息公开年报). */
const NAVIGATION = /首页|当前位置|您的位置|所在位置/;
/** Verb reduplications (AB AB) that mean "a little", which reports do use. */
const REDUPLICATION = /^(研究|讨论|学习|商量|了解|交流|沟通|看看|想想)$/;

/**
 * The `doubled-word` rule (described in the header of this file), registered in registry.ts.
 *
 * @example
 * checkReport(report, { 'doubled-word': 'info' }).filter((a) => a.ruleId === 'doubled-word');
 */
export const doubledWord = defineRule({
  id: 'doubled-word',
  meta: {
    severity: 'info',
    category: 'text',
    description: { zh: '词语重复（疑为编辑失误）', en: 'A word printed twice in a row' },
    why: 'A doubled phrase is the trace of a careless edit, often where text was pasted over last year’s wording.',
    falsePositives: 'A deliberate repetition; a name that repeats a syllable pair.',
  },
  messages: {
    doubled: {
      zh: '“{word}”连续出现两次：“{stated}”',
      en: '"{word}" is printed twice in a row: "{stated}"',
    },
  },
  check(report, ctx) {
    const text = ctx.text;
    if (!text) return;
    const tables = tableSpans(report);
    for (const m of text.matchAll(DOUBLED)) {
      const word = m[1] ?? '的';
      if (inSpans(m.index, tables) || REDUPLICATION.test(word) || (m[1] && new Set(word).size === 1))
        continue;
      if (IDIOM.test(text.slice(Math.max(0, m.index - 3), m.index + m[0].length + 3))) continue;
      // Flattened pages run the navigation into the body: look only near the match.
      const lineStart = text.lastIndexOf('\n', m.index) + 1;
      if (NAVIGATION.test(text.slice(Math.max(lineStart, m.index - 40), m.index))) continue;
      ctx.report({
        messageId: 'doubled',
        data: { word, stated: m[0] },
        place: [m.index, m.index + m[0].length],
        evidence: [ctx.evidence('doubled', [m.index, m.index + m[0].length])],
        actual: m[0],
        expected: word,
      });
    }
  },
});
