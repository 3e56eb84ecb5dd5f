/**
 * period-date-malformed — a date of the statistics period is written so that it cannot be read as a date.
 *
 * What: in the statistics-period phrase (`统计期限自…起至…止`, `统计时间…至…`), a date whose year runs into
 * the month without 年 (`自20251月1日起至202512月31日止`), or whose month or day does not exist
 * (`2019年13月1日`, `2019年2月30日`). Expected is the date a reader takes it for, actual the date as written.
 *
 * Why it matters to auditors: the period is what every figure of the report is counted over; a date that
 * a program reads as the year 20251 (or not at all) leaves the report without a period, and shows the
 * report was not proof-read.
 *
 * Known false positives: none known; dates outside the statistics-period phrase are not checked.
 */
import type { Span } from '../model/index.js';
import { defineRule } from './rule.js';

/** The phrase that states the statistics period, up to the end of its sentence. */
const PERIOD_PHRASE = /(?:统计|数据)(?:期限|时限|时间|区间|范围|周期)[^。；;\n]{0,60}/g;
/** A date as written: year (with or without 年), month, day. */
const LOOSE_DATE = /(?<!\d)((?:19|20)\d{2})(年?)\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]/g;

/** A malformed date inside a period phrase. */
interface Malformed {
  span: Span;
  written: string;
  /** The date a reader takes it for; undefined when no such date exists. */
  readable?: string;
}

/**
 * The `period-date-malformed` rule (described in the header of this file), registered in registry.ts.
 *
 * @example
 * checkReport(report).filter((a) => a.ruleId === 'period-date-malformed'); // 自20251月1日起… → expected 2025年1月1日
 */
export const periodDateMalformed = defineRule({
  id: 'period-date-malformed',
  meta: {
    severity: 'warning',
    category: 'dates',
    description: {
      zh: '统计期限中的日期书写错误',
      en: 'A date of the statistics period is malformed',
    },
    why: 'Every figure is counted over the statistics period; a date written without 年 (20251月1日) or with a month or day that does not exist leaves the report without a readable period and shows it was not proof-read.',
    falsePositives: 'None known. Only dates inside the statistics-period phrase are checked.',
  },
  messages: {
    malformed: {
      zh: '统计期限日期书写有误：“{written}”，应为“{readable}”',
      en: 'Malformed date in the statistics period: "{written}", read as "{readable}"',
    },
    impossible: {
      zh: '统计期限日期不存在：“{written}”',
      en: 'The statistics period names a date that does not exist: "{written}"',
    },
  },
  check(_report, ctx) {
    const text = ctx.text;
    if (!text) return;
    PERIOD_PHRASE.lastIndex = 0;
    for (let p = PERIOD_PHRASE.exec(text); p; p = PERIOD_PHRASE.exec(text)) {
      const bad = malformedDates(p[0], p.index);
      if (bad.length === 0) continue;
      const span: Span = [(bad[0] as Malformed).span[0], (bad[bad.length - 1] as Malformed).span[1]];
      const written = bad.map((b) => b.written).join(' … ');
      const impossible = bad.some((b) => b.readable === undefined);
      const readable = impossible ? '一个存在的日期' : bad.map((b) => b.readable).join(' … ');
      ctx.report({
        messageId: impossible ? 'impossible' : 'malformed',
        data: { written, readable },
        place: span,
        evidence: bad.map((b) =>
          ctx.evidence('period-date', b.span, b.readable ? { label: b.readable } : {}),
        ),
        actual: written,
        expected: readable,
      });
    }
  },
});

/** The dates of one period phrase that lack 年 between year and month, or name a month or day that does not exist. */
function malformedDates(phrase: string, offset: number): Malformed[] {
  const out: Malformed[] = [];
  LOOSE_DATE.lastIndex = 0;
  for (let m = LOOSE_DATE.exec(phrase); m; m = LOOSE_DATE.exec(phrase)) {
    const year = Number(m[1]);
    const month = Number(m[3]);
    const day = Number(m[4]);
    const exists =
      month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
    if (m[2] && exists) continue;
    const span: [number, number] = [offset + m.index, offset + m.index + m[0].length];
    out.push(
      exists ? { span, written: m[0], readable: `${year}年${month}月${day}日` } : { span, written: m[0] },
    );
  }
  return out;
}
