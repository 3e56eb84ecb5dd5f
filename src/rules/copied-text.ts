/**
 * copied-text — a long passage is shared with the report of another agency or another year.
 *
 * What: each report's long prose clauses are fingerprinted (digits masked, punctuation dropped; short
 * clauses and sentences of one line taken together); runs of consecutive clauses that another report of
 * a different agency, or of any agency (named or not) for a different year, also contains are reported when they are at least `minChars` long (default 80). Clauses that more
 * than `maxShared` reports contain (default 50) are treated as common phrasing, not copying. Site chrome
 * carried into converted files (text before the report title, menu lines of short unpunctuated words,
 * unpunctuated lines repeated on every page) is not compared: two pages of one portal share it whatever
 * their reports say.
 *
 * Why it matters to auditors: 国办公开办函〔2021〕30号 names 内容雷同 as a failing to be held accountable; an
 * improvement section copied from an earlier year (PT-2016 → PT-2019) means the problems were not
 * reassessed, and a report copied from another body may state someone else's figures.
 *
 * Known false positives: prescribed wording a province asks all its bodies to use; the same report saved
 * under two agency names.
 */
import * as z from 'zod';
import { type Fingerprint, fingerprintAt, type ReportDigest } from './digest.js';
import { defineCrossRule } from './rule.js';
import { agencyKeyOf } from './util/chain.js';

/**
 * The `copied-text` cross-report rule (described in the header of this file), registered in registry.ts.
 *
 * @example
 * checkAcross(digests, { 'copied-text': 'warning' }).filter((f) => f.anomaly.ruleId === 'copied-text');
 */
export const copiedText = defineCrossRule({
  id: 'copied-text',
  meta: {
    severity: 'warning',
    category: 'across',
    description: {
      zh: '大段文字与其他机构或其他年度的报告雷同',
      en: 'A long passage is shared with another agency’s or another year’s report',
    },
    why: 'The 2021 format notice names 内容雷同 as a failing to be held accountable; copied improvement sections mean problems were not reassessed, and text copied from another body may carry its figures.',
    falsePositives:
      'Wording a province prescribes for all its bodies; one report filed under two agency names.',
    options: [
      { name: 'minChars', description: 'shortest shared passage reported, in characters', default: 80 },
      {
        name: 'maxShared',
        description: 'clauses found in more reports than this are common phrasing',
        default: 50,
      },
    ],
  },
  options: z
    .object({
      minChars: z.number().int().positive().default(80),
      maxShared: z.number().int().positive().default(50),
    })
    .prefault({}),
  messages: {
    copied: {
      zh: '{chars} 字的段落与 {otherAgency} {otherYear} 年报告（{other}）雷同',
      en: 'A passage of {chars} characters is shared with the {otherYear} report of {otherAgency} ({other})',
    },
    copiedMany: {
      zh: '{chars} 字的段落与 {otherAgency} {otherYear} 年报告（{other}）等 {more} 份其他报告雷同',
      en: 'A passage of {chars} characters is shared with the {otherYear} report of {otherAgency} ({other}) and {more} more',
    },
  },
  check(digests, ctx) {
    const holders = new Map<number, number[]>();
    digests.forEach((d, i) => {
      for (const h of new Set(d.fingerprints?.hashes ?? [])) {
        const list = holders.get(h);
        if (list) list.push(i);
        else holders.set(h, [i]);
      }
    });
    digests.forEach((d, i) => {
      const packed = d.fingerprints;
      if (!packed) return;
      const fps: Fingerprint[] = packed.hashes.map((_, k) => fingerprintAt(packed, k));
      // For every other report: the positions of this report's clauses it shares.
      const shared = new Map<number, number[]>();
      fps.forEach((f, k) => {
        const list = holders.get(f.h) ?? [];
        if (list.length > ctx.options.maxShared) return;
        for (const j of list)
          if (j !== i && differ(d, digests[j] as ReportDigest)) shared.set(j, [...(shared.get(j) ?? []), k]);
      });
      // One anomaly per passage: the longest match, the nearest year on ties, and how many others share it.
      const best = new Map<number, { j: number; run: number[]; chars: number; others: Set<string> }>();
      for (const [j, positions] of shared) {
        const other = digests[j] as ReportDigest;
        for (const run of runs(positions)) {
          const chars = run.reduce((a, k) => a + ((fps[k] as Fingerprint).e - (fps[k] as Fingerprint).s), 0);
          if (chars < ctx.options.minChars) continue;
          const start = (fps[run[0] as number] as Fingerprint).s;
          const seen = best.get(start);
          const key = `${agencyKeyOf(other) ?? ''}|${other.reportYear ?? ''}`;
          if (!seen) {
            best.set(start, { j, run, chars, others: new Set([key]) });
            continue;
          }
          seen.others.add(key);
          const gap = (x: number) =>
            Math.abs(((digests[x] as ReportDigest).reportYear ?? 0) - (d.reportYear ?? 0));
          if (chars > seen.chars || (chars === seen.chars && gap(j) < gap(seen.j)))
            Object.assign(seen, { j, run, chars });
        }
      }
      for (const { j, run, chars, others } of best.values()) {
        const other = digests[j] as ReportDigest;
        const first = fps[run[0] as number] as Fingerprint;
        const last = fps[run[run.length - 1] as number] as Fingerprint;
        const theirs = other.fingerprints as NonNullable<ReportDigest['fingerprints']>;
        const there = fingerprintAt(theirs, theirs.hashes.indexOf(first.h));
        ctx.report({
          file: d.file,
          line: first.line,
          messageId: others.size > 1 ? 'copiedMany' : 'copied',
          data: {
            chars,
            other: other.file,
            otherAgency: other.agency ?? '?',
            otherYear: other.reportYear ?? '?',
            more: others.size - 1,
          },
          place: [first.s, last.e],
          evidence: [
            { role: 'passage', span: [first.s, first.s + first.head.length], text: first.head },
            {
              role: 'copy',
              span: [there.s, there.s + there.head.length],
              text: there.head,
              file: other.file,
            },
          ],
          actual: chars,
        });
      }
    });
  },
});

/**
 * Two reports that may not share text: different agencies, or one agency in different years. Reports of
 * different years may not share text whoever wrote them, so an agency the report does not name is no
 * reason to skip them; in one year, only two named and different agencies tell two reports from one
 * report saved twice.
 */
function differ(a: ReportDigest, b: ReportDigest): boolean {
  if (a.hash && a.hash === b.hash) return false;
  if (a.reportYear === undefined || b.reportYear === undefined) return false;
  if (a.reportYear !== b.reportYear) return true;
  const ka = agencyKeyOf(a);
  const kb = agencyKeyOf(b);
  return ka !== undefined && kb !== undefined && ka !== kb;
}

/** Splits sorted positions into runs of consecutive numbers. */
function runs(positions: number[]): number[][] {
  const out: number[][] = [];
  for (const k of [...new Set(positions)].sort((x, y) => x - y)) {
    const last = out[out.length - 1];
    if (last && last[last.length - 1] === k - 1) last.push(k);
    else out.push([k]);
  }
  return out;
}
