import type { Figure, Report, Section, Span } from '../../src/model/index.js';

/**
 * Single realistic faults, one per mutated copy of a clean report, each with the span it changed, and
 * harmless edits that a reader would not call a fault. The runner checks that a rule of the kind's family
 * points at the changed span (faults) or that nothing new is raised (harmless edits).
 */

/** A clean report as parsed, its normalized text being the base every mutation edits. */
export interface Base {
  file: string;
  text: string;
  report: Report;
}

/** One mutated copy of a base report. */
export interface Fault {
  kind: FaultKind;
  file: string;
  text: string;
  /** The changed places in the mutated text; an anomaly must overlap one of them. */
  spans: Span[];
  /** What was changed, for the miss list. */
  note: string;
  /** Cross-report faults: the unchanged report checked together with the mutated one. */
  partner?: Base;
}

/** The rule families a fault of each kind should be found by. */
const FIGURES = [
  'table-row-sum',
  'outcome-total-mismatch',
  'flow-balance-mismatch',
  'review-litigation-total',
  'subtotal-mismatch',
  'parent-sum-mismatch',
  'child-exceeds-parent',
  'breakdown-sum-mismatch',
  'subset-exceeds-total',
  'text-table-mismatch',
  'blank-total',
  'invalid-count',
  'empty-part',
];
const YEARS = ['period-year-mismatch', 'plan-year-mismatch', 'stale-year', 'title-year-mismatch'];
const STRUCTURE = ['numbering-gap', 'section-order', 'missing-section', 'heading-duplicated', 'empty-part'];

/**
 * Every fault kind: the rules that count as finding it, whether an anomaly without any place counts
 * (a missing part has nowhere to point), and whether it is a harmless edit that must raise nothing.
 */
export const FAULT_KINDS = {
  'table-row-total': { rules: FIGURES },
  'table-column-total': { rules: FIGURES },
  flow: { rules: ['flow-balance-mismatch', 'outcome-total-mismatch', 'text-table-mismatch'] },
  'table-four': { rules: ['review-litigation-total', 'table-row-sum', 'blank-total'] },
  'prose-vs-table': { rules: ['text-table-mismatch', 'subset-exceeds-total', 'breakdown-sum-mismatch'] },
  'closed-exceeds-received': {
    // The raised 办结 count is a part of the stated 收到 total: its breakdown then exceeds the total.
    rules: [
      'subset-exceeds-total',
      'child-exceeds-parent',
      'flow-balance-mismatch',
      'text-table-mismatch',
      'breakdown-sum-mismatch',
    ],
  },
  'title-year': { rules: YEARS },
  'signed-before-end': { rules: ['signed-before-period-end'] },
  'signed-outside-window': { rules: ['signed-outside-window'] },
  breakdown: {
    rules: ['breakdown-sum-mismatch', 'subtotal-mismatch', 'parent-sum-mismatch', 'percentage-mismatch'],
  },
  'numbering-skipped': { rules: STRUCTURE },
  'numbering-duplicated': { rules: STRUCTURE },
  'section-removed': { rules: STRUCTURE, placeless: true },
  'sections-swapped': { rules: STRUCTURE },
  'copied-paragraph': { rules: ['copied-text'], cross: true },
  'carryover-mismatch': { rules: ['carryover-chain'], cross: true },
  'empty-table': { rules: ['empty-part', 'blank-total', 'missing-section'], placeless: true },
  'empty-cell': {
    rules: ['empty-part', 'blank-total', 'table-row-sum', 'outcome-total-mismatch', 'flow-balance-mismatch'],
  },
  'stale-year': { rules: YEARS },
  'doubled-word': { rules: ['doubled-word'] },
  whitespace: { rules: [], harmless: true },
  'punctuation-width': { rules: [], harmless: true },
  reflow: { rules: [], harmless: true },
  synonym: { rules: [], harmless: true },
} as const satisfies Record<
  string,
  { rules: readonly string[]; placeless?: true; cross?: true; harmless?: true }
>;

/** The name of a fault kind. */
export type FaultKind = keyof typeof FAULT_KINDS;

/** Deterministic generator so the sampled faults never change between runs. */
export function seeded(seed: string): () => number {
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619);
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Edit {
  span: Span;
  by: string;
}

/** Applies non-overlapping edits; returns the new text and where each replacement now stands. */
export function applyEdits(text: string, edits: Edit[]): { text: string; spans: Span[] } {
  const sorted = [...edits].sort((a, b) => a.span[0] - b.span[0]);
  let out = '';
  let at = 0;
  const spans: Span[] = [];
  for (const e of sorted) {
    if (e.span[0] < at) throw new Error('overlapping edits');
    out += text.slice(at, e.span[0]);
    spans.push([out.length, out.length + e.by.length]);
    out += e.by;
    at = e.span[1];
  }
  return { text: out + text.slice(at), spans };
}

function fault(base: Base, kind: FaultKind, edits: Edit[], note: string, partner?: Base): Fault {
  const { text, spans } = applyEdits(base.text, edits);
  // A deletion leaves a point; widen it to the next printed character (past the indentation of a following
  // heading), so an anomaly on what now follows the cut overlaps.
  const widened = spans.map(([s, e]): Span => {
    if (s !== e) return [s, e];
    const blank = /^\s*/.exec(text.slice(s, s + 80))?.[0].length ?? 0;
    return [Math.max(0, s - 1), s + blank + 1];
  });
  return { kind, file: base.file, text, spans: widened, note, ...(partner ? { partner } : {}) };
}

/** A different count of the same width where possible, so the layout of the row does not change. */
function bumped(value: number): number {
  if (value < 8) return value + 2;
  if (value < 10) return value - 2;
  return String(value + 10).length === String(value).length ? value + 10 : value - 10;
}

function digitsAt(text: string, f: Figure | undefined): f is Figure {
  return f !== undefined && f.value !== null && /^\d+$/.test(text.slice(f.span[0], f.span[1]));
}

function tableFigures(base: Base, test: (key: string) => boolean): [string, Figure][] {
  return Object.entries(base.report.figures).filter(
    ([k, f]) => test(k) && f.source === 'table' && digitsAt(base.text, f),
  ) as [string, Figure][];
}

function changeFigure(base: Base, kind: FaultKind, key: string, f: Figure): Fault {
  const v = Number(f.value);
  return fault(base, kind, [{ span: f.span, by: String(bumped(v)) }], `${key} ${v} → ${bumped(v)}`);
}

const REQUEST_ROW_TOTAL =
  /^requests\.(newReceived|carriedOver|granted|partial|resultTotal|carriedForward|denied\.\w+|unavailable\.\w+|notProcessed\.\w+|otherHandling\.\w+)\.total$/;
const RESULT_COLUMN =
  /^requests\.resultTotal\.(natural|commercial|research|publicInterest|legalService|otherOrg)$/;

function tableRowTotal(base: Base): Fault[] {
  return tableFigures(base, (k) => REQUEST_ROW_TOTAL.test(k)).map(([k, f]) =>
    changeFigure(base, 'table-row-total', k, f),
  );
}

function tableColumnTotal(base: Base): Fault[] {
  return tableFigures(base, (k) => RESULT_COLUMN.test(k) || k === 'requests.resultTotal.total').map(
    ([k, f]) => changeFigure(base, 'table-column-total', k, f),
  );
}

/** Moves a whole row of the flow (a part and its total alike), so only received vs handled breaks. */
function flow(base: Base): Fault[] {
  const out: Fault[] = [];
  for (const row of ['newReceived', 'carriedOver', 'carriedForward']) {
    const part = base.report.figures[`requests.${row}.natural`];
    const total = base.report.figures[`requests.${row}.total`];
    if (!digitsAt(base.text, part) || !digitsAt(base.text, total) || part.source !== 'table') continue;
    const d = Number(part.value) < 8 ? 2 : 10;
    out.push(
      fault(
        base,
        'flow',
        [
          { span: part.span, by: String(Number(part.value) + d) },
          { span: total.span, by: String(Number(total.value) + d) },
        ],
        `requests.${row} natural and total +${d}`,
      ),
    );
  }
  return out;
}

function tableFour(base: Base): Fault[] {
  return tableFigures(base, (k) => /^(review|litigation)\./.test(k) && !k.includes('@')).map(([k, f]) =>
    changeFigure(base, 'table-four', k, f),
  );
}

/** The extent of the template's tables: from the first table figure to the last. */
function tableRegion(base: Base): Span | undefined {
  const spans = Object.values(base.report.figures)
    .filter((f) => f.source === 'table')
    .map((f) => f.span);
  if (spans.length === 0) return undefined;
  return [Math.min(...spans.map((s) => s[0])), Math.max(...spans.map((s) => s[1]))];
}

const inside = (p: number, s: Span | undefined) => s !== undefined && p >= s[0] && p < s[1];

/** Numbers with a count unit in the prose, outside the tables, with the sentence around them. */
function proseCounts(base: Base): { span: Span; value: number; sentence: string }[] {
  const region = tableRegion(base);
  const out: { span: Span; value: number; sentence: string }[] = [];
  for (const m of base.text.matchAll(/(?<![\d.年月日第])(\d{1,6})(?=(件|条|个|次|人次|项|份))/g)) {
    const at = m.index ?? 0;
    if (inside(at, region)) continue;
    const start = Math.max(base.text.lastIndexOf('。', at), base.text.lastIndexOf('\n', at)) + 1;
    const endDot = base.text.indexOf('。', at);
    const end = endDot < 0 ? base.text.length : endDot;
    out.push({
      span: [at, at + (m[1] ?? '').length],
      value: Number(m[1]),
      sentence: base.text.slice(start, end),
    });
  }
  return out;
}

/** A prose number that restates a table-three or table-four figure, changed so the two disagree. */
function proseVsTable(base: Base): Fault[] {
  const values = new Set(
    tableFigures(base, (k) => /^(requests|review|litigation)\.[\w.]*total$|\.total$/.test(k))
      .map(([, f]) => Number(f.value))
      .filter((v) => v > 0),
  );
  if (values.size === 0) return [];
  return proseCounts(base)
    .filter((c) => values.has(c.value) && /申请|收到|受理|办结|答复|复议|诉讼|结转/.test(c.sentence))
    .map((c) =>
      fault(
        base,
        'prose-vs-table',
        [{ span: c.span, by: String(bumped(c.value)) }],
        `prose ${c.value} → ${bumped(c.value)}`,
      ),
    );
}

/** A prose 办结/答复 count raised above what was received. */
function closedExceedsReceived(base: Base): Fault[] {
  const out: Fault[] = [];
  const fig = base.report.figures;
  const received =
    Number(fig['requests.newReceived.total']?.value ?? Number.NaN) +
      Number(fig['requests.carriedOver.total']?.value ?? 0) ||
    Number(fig['applications.received.total']?.value ?? fig['core.requestsReceived']?.value ?? Number.NaN);
  if (!Number.isFinite(received) || received <= 0) return out;
  for (const c of proseCounts(base)) {
    const before = base.text.slice(Math.max(0, c.span[0] - 8), c.span[0]);
    if (!/(办结|答复|办理)[^，,。；]{0,6}$/.test(before) || c.value > received) continue;
    const by = String(received + (received < 8 ? 3 : 10));
    out.push(
      fault(
        base,
        'closed-exceeds-received',
        [{ span: c.span, by }],
        `办结 ${c.value} → ${by} (received ${received})`,
      ),
    );
  }
  return out;
}

/** The year printed in the title changed to the next or previous year. */
function titleYear(base: Base): Fault[] {
  const title = base.report.meta.spans?.title;
  const year = base.report.meta.reportYear;
  if (!title || !year) return [];
  const at = base.text.slice(title[0], title[1]).indexOf(String(year));
  if (at < 0) return [];
  const s: Span = [title[0] + at, title[0] + at + 4];
  return [year - 1, year + 1].map((y) =>
    fault(base, 'title-year', [{ span: s, by: String(y) }], `title ${year} → ${y}`),
  );
}

function signature(base: Base): Fault[] {
  const s = base.report.meta.spans?.signedOn;
  const year = base.report.meta.reportYear;
  const periodEnd = base.report.meta.periodEnd;
  if (!s || !year || !periodEnd) return [];
  const stated = base.text.slice(s[0], s[1]);
  const arabic = /^\d{4}年\d{1,2}月\d{1,2}日$/.test(stated);
  const before = arabic ? `${year}年12月10日` : `${cnYear(year)}年十二月十日`;
  const late = arabic ? `${year + 1}年9月15日` : `${cnYear(year + 1)}年九月十五日`;
  return [
    fault(base, 'signed-before-end', [{ span: s, by: before }], `signed ${stated} → ${before}`),
    fault(base, 'signed-outside-window', [{ span: s, by: late }], `signed ${stated} → ${late}`),
  ];
}

const CN_DIGITS = '〇一二三四五六七八九';
function cnYear(year: number): string {
  return [...String(year)].map((d) => CN_DIGITS[Number(d)]).join('');
}

/** A part of a stated breakdown (total, 其中 parts) changed so the parts no longer add up. */
function breakdown(base: Base): Fault[] {
  const out: Fault[] = [];
  for (const c of base.report.claims) {
    if (c.kind !== 'breakdown') continue;
    const sentence = base.text.slice(c.sentence[0], c.sentence[1]);
    const after = sentence.indexOf('其中');
    if (after < 0) continue;
    for (const m of sentence.slice(after).matchAll(/(?<![\d.])(\d{1,6})(?=[件条个项次])/g)) {
      const at = c.sentence[0] + after + (m.index ?? 0);
      const v = Number(m[1]);
      out.push(
        fault(
          base,
          'breakdown',
          [{ span: [at, at + (m[1] ?? '').length], by: String(bumped(v)) }],
          `part ${v} → ${bumped(v)}`,
        ),
      );
    }
  }
  return out;
}

const CN_NUM = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

/** Where the marker's number is written in the heading, and how to write another number the same way. */
function markerNumber(text: string, s: Section): { span: Span; write: (n: number) => string } | undefined {
  const head = text.slice(s.span[0], s.span[1]);
  const at = head.indexOf(s.marker);
  if (at < 0) return undefined;
  const markerStart = s.span[0] + at;
  const cn = /[一二三四五六七八九十]+/.exec(s.marker);
  if (s.markerKind === 'cn' || (cn && !/\d/.test(s.marker))) {
    if (!cn) return undefined;
    return {
      span: [markerStart + cn.index, markerStart + cn.index + cn[0].length],
      write: (n) => CN_NUM[n] ?? String(n),
    };
  }
  const d = /\d+/.exec(s.marker);
  if (!d) return undefined;
  return { span: [markerStart + d.index, markerStart + d.index + d[0].length], write: (n) => String(n) };
}

/** Sibling lists of headings (top level and each parent's children) with at least three members. */
function siblingLists(report: Report): Section[][] {
  const lists: Section[][] = [];
  const walk = (list: Section[]) => {
    if (list.length >= 3) lists.push(list);
    for (const s of list) walk(s.children);
  };
  walk(report.sections);
  return lists;
}

function numbering(base: Base): Fault[] {
  const out: Fault[] = [];
  for (const list of siblingLists(base.report)) {
    for (let i = 1; i < list.length; i++) {
      const s = list[i] as Section;
      const prev = list[i - 1] as Section;
      if (s.ordinal !== prev.ordinal + 1) continue;
      const m = markerNumber(base.text, s);
      if (!m) continue;
      // Skipped: this heading and every later sibling move up by one.
      const skip: Edit[] = [];
      for (const later of list.slice(i)) {
        const lm = markerNumber(base.text, later);
        if (lm) skip.push({ span: lm.span, by: lm.write(later.ordinal + 1) });
      }
      out.push(fault(base, 'numbering-skipped', skip, `${s.marker}${s.title.slice(0, 12)} and later +1`));
      out.push(
        fault(
          base,
          'numbering-duplicated',
          [{ span: m.span, by: m.write(prev.ordinal) }],
          `${s.marker}${s.title.slice(0, 12)} → ${prev.ordinal}`,
        ),
      );
    }
  }
  return out;
}

function sectionRemoved(base: Base): Fault[] {
  const top = base.report.sections;
  return top
    .slice(1)
    .map((s) =>
      fault(
        base,
        'section-removed',
        [{ span: s.extent, by: '' }],
        `removed ${s.marker}${s.title.slice(0, 12)}`,
      ),
    );
}

/** Two adjacent top-level sections exchanged, bodies and headings together. */
function sectionsSwapped(base: Base): Fault[] {
  const top = base.report.sections;
  const out: Fault[] = [];
  for (let i = 0; i + 1 < top.length; i++) {
    const a = top[i] as Section;
    const b = top[i + 1] as Section;
    if (a.extent[1] > b.extent[0]) continue;
    const gap = base.text.slice(a.extent[1], b.extent[0]);
    const aText = base.text.slice(a.extent[0], a.extent[1]);
    const bText = base.text.slice(b.extent[0], b.extent[1]);
    const by = bText + gap + aText;
    out.push(
      fault(
        base,
        'sections-swapped',
        [{ span: [a.extent[0], b.extent[1]], by }],
        `swapped ${a.marker} and ${b.marker}`,
      ),
    );
  }
  return out;
}

/** Long prose lines (paragraphs) without digits in the tables' region. */
function paragraphs(base: Base, min = 100): Span[] {
  const region = tableRegion(base);
  const out: Span[] = [];
  let at = 0;
  for (const line of base.text.split('\n')) {
    if (line.length >= min && !line.includes('|') && !inside(at, region)) out.push([at, at + line.length]);
    at += line.length + 1;
  }
  return out;
}

/** Sentence ends (after 。) in the body of the middle top-level sections, outside the tables. */
function sentenceEnds(base: Base): number[] {
  const region = tableRegion(base);
  const top = base.report.sections;
  const from = top[1]?.extent[0] ?? Math.floor(base.text.length / 3);
  const out: number[] = [];
  for (const m of base.text.matchAll(/。/g)) {
    const at = (m.index ?? 0) + 1;
    if (at > from && !inside(at, region)) out.push(at);
  }
  return out;
}

/** A run of whole prose sentences of at least `min` characters, from the middle of a report's prose. */
function sentenceRun(base: Base, min: number): string | undefined {
  const region = tableRegion(base);
  const from = Math.min(base.report.sections[1]?.extent[0] ?? 0, Math.floor(base.text.length / 3));
  const lines: { at: number; line: string }[] = [];
  let at = 0;
  for (const line of base.text.split('\n')) {
    if (at >= from && !line.includes('|') && !inside(at, region)) lines.push({ at, line });
    at += line.length + 1;
  }
  const order = [
    ...lines.slice(Math.floor(lines.length / 2)),
    ...lines.slice(0, Math.floor(lines.length / 2)),
  ];
  for (const { line } of order) {
    // Prescribed wording (the regulation, the report itself, contacts) is shared by design, not copied.
    const sentences = (line.match(/[^。]+。/g) ?? []).filter((x) => !/条例|报告|电话|网址|地址/.test(x));
    for (let i = 0; i < sentences.length; i++) {
      let run = '';
      for (let j = i; j < sentences.length && j < i + 4; j++) {
        run += sentences[j];
        if (run.trim().length >= min) return run.trim();
      }
    }
  }
  return undefined;
}

/** A passage of another agency's report inserted into the body, at a sentence end. */
function copiedParagraph(base: Base, donors: Base[]): Fault[] {
  const out: Fault[] = [];
  const ends = sentenceEnds(base);
  const at = ends[Math.floor(ends.length / 2)];
  if (at === undefined) return out;
  for (const donor of donors) {
    if (donor.file === base.file || donor.report.meta.agency === base.report.meta.agency) continue;
    const passage = sentenceRun(donor, 100);
    if (!passage) continue;
    out.push(
      fault(base, 'copied-paragraph', [{ span: [at, at], by: passage }], `passage from ${donor.file}`, donor),
    );
  }
  return out;
}

/**
 * The later of two consecutive years states a different carry-over from the earlier; its newly received
 * count moves the other way so that the later report stays balanced on its own.
 */
function carryover(base: Base, donors: Base[]): Fault[] {
  const year = base.report.meta.reportYear;
  const prev = donors.find(
    (d) => d.report.meta.reportYear === (year ?? 0) - 1 && sameAgency(d, base) && d.file !== base.file,
  );
  if (!prev || !year) return [];
  const fig = base.report.figures;
  const cNat = fig['requests.carriedOver.natural'];
  const cTot = fig['requests.carriedOver.total'];
  const nNat = fig['requests.newReceived.natural'];
  const nTot = fig['requests.newReceived.total'];
  if (![cNat, cTot, nNat, nTot].every((f) => digitsAt(base.text, f))) return [];
  const d = Math.min(2, Number(nNat?.value));
  if (d <= 0) return [];
  const edits: Edit[] = [
    { span: (cNat as Figure).span, by: String(Number(cNat?.value) + d) },
    { span: (cTot as Figure).span, by: String(Number(cTot?.value) + d) },
    { span: (nNat as Figure).span, by: String(Number(nNat?.value) - d) },
    { span: (nTot as Figure).span, by: String(Number(nTot?.value) - d) },
  ];
  const f = fault(base, 'carryover-mismatch', edits, `carried over +${d} against ${prev.file}`, prev);
  return [f];
}

function sameAgency(a: Base, b: Base): boolean {
  const stem = (f: string) => f.replace(/-\d{4}\.\w+$/, '');
  return stem(a.file) === stem(b.file);
}

/** A template table whose cells are all left blank. */
function emptyTable(base: Base): Fault[] {
  const out: Fault[] = [];
  for (const [name, test] of [
    ['table four', (k: string) => /^(review|litigation)\./.test(k)],
    ['table two', (k: string) => /^active\./.test(k)],
  ] as const) {
    const cells = Object.entries(base.report.figures)
      .filter(
        ([k, f]) => test(k) && f.source === 'table' && /^[\d.]+$/.test(base.text.slice(f.span[0], f.span[1])),
      )
      .map(([, f]) => f.span);
    if (cells.length < 4) continue;
    const edits = cells.map((span) => ({ span, by: '' }));
    const { text } = applyEdits(base.text, edits);
    // An empty table is found anywhere in the section that holds it.
    const first = Math.min(...cells.map((c) => c[0]));
    const section = base.report.sections.find((s) => s.extent[0] <= first && first < s.extent[1]);
    if (!section) continue;
    const shrink = cells.reduce((n, c) => n + c[1] - c[0], 0);
    out.push({
      kind: 'empty-table',
      file: base.file,
      text,
      spans: [[section.extent[0], section.extent[1] - shrink]],
      note: `${name} blank`,
    });
  }
  return out;
}

/** One cell of table 三 or 四 blanked; the place of a blank cell is its row (line). */
function emptyCell(base: Base): Fault[] {
  return tableFigures(
    base,
    (k) => /^(requests|review|litigation)\./.test(k) && /\.total$|\.natural$|upheld$/.test(k),
  )
    .filter(([, f]) => Number(f.value) > 0)
    .map(([k, f]) => {
      const one = fault(base, 'empty-cell', [{ span: f.span, by: '' }], `${k} ${f.value} blank`);
      const at = one.spans[0]?.[0] ?? f.span[0];
      const lineStart = one.text.lastIndexOf('\n', at) + 1;
      const lineEnd = one.text.indexOf('\n', at);
      return { ...one, spans: [[lineStart, lineEnd < 0 ? one.text.length : lineEnd]] };
    });
}

/**
 * A body sentence opening with the report year as its topic (`2023年，我局…`, `2023年共…`), written with
 * the previous year as if left from last year's report. Comparisons and histories are left alone: there
 * an earlier year is no fault.
 */
function staleYear(base: Base): Fault[] {
  const year = base.report.meta.reportYear;
  if (!year) return [];
  const out: Fault[] = [];
  for (const m of base.text.matchAll(
    new RegExp(`(?<=^|[。；\\n]\\s*)${year}(?=年度?[，,]?\\s*[我全本共该各])`, 'g'),
  )) {
    const at = m.index ?? 0;
    const end = base.text.indexOf('。', at);
    const sentence = base.text.slice(at, end < 0 ? undefined : end);
    if (/同比|上年|去年|相比|[比较]|增|减|以来|累计|历年|至今|将|计划/.test(sentence)) continue;
    out.push(
      fault(
        base,
        'stale-year',
        [{ span: [at, at + 4], by: String(year - 1) }],
        `body ${year} → ${year - 1}: ${sentence.slice(0, 16)}`,
      ),
    );
  }
  return out;
}

/** A two-character word of a prose sentence printed twice, as a careless edit leaves it. */
function doubledWord(base: Base): Fault[] {
  const out: Fault[] = [];
  for (const p of paragraphs(base, 40).slice(0, 6)) {
    const line = base.text.slice(p[0], p[1]);
    const m = /(?<=[，。])(?:加强|完善|公开|推进|规范|落实|信息|工作)/.exec(line);
    if (!m) continue;
    const at = p[0] + m.index;
    out.push(fault(base, 'doubled-word', [{ span: [at, at], by: m[0] }], `${m[0]} doubled`));
  }
  return out;
}

function whitespace(base: Base): Fault[] {
  return paragraphs(base, 40)
    .slice(0, 6)
    .map((p) =>
      fault(
        base,
        'whitespace',
        [
          { span: [p[1], p[1]], by: '  ' },
          { span: [p[0], p[0]], by: '  ' },
        ],
        'indent and trailing spaces',
      ),
    );
}

function punctuationWidth(base: Base): Fault[] {
  const out: Fault[] = [];
  for (const p of paragraphs(base, 40).slice(0, 8)) {
    const line = base.text.slice(p[0], p[1]);
    const edits: Edit[] = [];
    for (const m of line.matchAll(/[，；：]/g)) {
      const at = p[0] + (m.index ?? 0);
      edits.push({ span: [at, at + 1], by: m[0] === '，' ? ',' : m[0] === '；' ? ';' : ':' });
    }
    if (edits.length)
      out.push(fault(base, 'punctuation-width', edits, 'full-width punctuation → half-width'));
  }
  return out;
}

/** A long paragraph broken into two lines after a comma, as a narrow page reflows it. */
function reflow(base: Base): Fault[] {
  const out: Fault[] = [];
  for (const p of paragraphs(base, 60).slice(0, 8)) {
    const line = base.text.slice(p[0], p[1]);
    const m = /，(?=[\u4e00-\u9fff])/.exec(line.slice(Math.floor(line.length / 2)));
    if (!m) continue;
    const at = p[0] + Math.floor(line.length / 2) + m.index + 1;
    if (/^[一二三四五六七八九十（(]/.test(base.text.slice(at, at + 1))) continue;
    out.push(fault(base, 'reflow', [{ span: [at, at], by: '\n' }], 'paragraph reflowed'));
  }
  return out;
}

const SYNONYMS: [string, string][] = [
  ['进一步', '更进一步'],
  ['加强', '强化'],
  ['积极', '主动'],
  ['不断', '持续'],
  ['认真', '切实'],
  ['及时', '适时'],
  ['提高', '提升'],
];

function synonym(base: Base): Fault[] {
  const out: Fault[] = [];
  for (const p of paragraphs(base, 40)) {
    const line = base.text.slice(p[0], p[1]);
    for (const sentence of line.split('。')) {
      if (/[\d〇一二三四五六七八九十百千万]/.test(sentence)) continue;
      // A synonym already in the sentence would print a word twice (积极主动 → 主动主动), which is no harmless edit.
      const pair = SYNONYMS.find(([w, by]) => sentence.includes(w) && !sentence.includes(by));
      if (!pair) continue;
      const at = p[0] + line.indexOf(sentence) + sentence.indexOf(pair[0]);
      out.push(
        fault(base, 'synonym', [{ span: [at, at + pair[0].length], by: pair[1] }], `${pair[0]} → ${pair[1]}`),
      );
      break;
    }
    if (out.length >= 6) break;
  }
  return out;
}

/**
 * Every candidate fault and harmless edit of one report; `others` are the other clean reports (donors
 * of copied paragraphs, earlier years of carry-over chains).
 *
 * @example
 * const all = candidates(base, others).filter((f) => f.kind === 'title-year');
 */
export function candidates(base: Base, others: Base[]): Fault[] {
  return [
    ...tableRowTotal(base),
    ...tableColumnTotal(base),
    ...flow(base),
    ...tableFour(base),
    ...proseVsTable(base),
    ...closedExceedsReceived(base),
    ...titleYear(base),
    ...signature(base),
    ...breakdown(base),
    ...numbering(base),
    ...sectionRemoved(base),
    ...sectionsSwapped(base),
    ...copiedParagraph(base, others),
    ...carryover(base, others),
    ...emptyTable(base),
    ...emptyCell(base),
    ...staleYear(base),
    ...doubledWord(base),
    ...whitespace(base),
    ...punctuationWidth(base),
    ...reflow(base),
    ...synonym(base),
  ];
}
