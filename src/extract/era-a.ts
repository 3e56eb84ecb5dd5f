import type { DocContext } from '../model/doc-context.js';
import type { Ambiguity, Figure } from '../model/index.js';
import { parseCnNumber } from '../text/cn-number.js';
import { type Pair, type SplitRow, solveRows, splitPairs } from './digit-split.js';
import { findIndicatorLabels, type LabelHit, PARENT_OF } from './era-a-labels.js';
import { makeFigure, UNIT_RE } from './figure-util.js';

/** A statistics-table row read from text: label, unit, and the raw value text after it. */
interface TextRow {
  hit: LabelHit;
  unit: string;
  /** Start of the value text and the text itself (digits and spaces). */
  at: number;
  raw: string;
}

/** Labels that name a row only inside a statistics table (with a unit column). */
const TABLE_ONLY = new Set(['网站公开', '网站公开数', '政府公报公开', '申请总数']);
const NOTE = /^[ \t]*[（(][^）)]{0,80}[）)]/;
const ROW_VALUE = new RegExp(
  `^[ \\t]*(${UNIT_RE})?[ \\t]*(\\d+(?:\\.\\d+)?(?:[ \\t]+\\d+(?:\\.\\d+)?)*)[ \\t]*(${UNIT_RE})?`,
);
/**
 * A value under a numbered heading or after `：`: on the same line or the next, optionally after a few
 * words (`共召开4次`), then the end of the line or the next heading. Zero words count as 0.
 */
const LINE_VALUE = new RegExp(
  `^[ \\t]*[。.:：为]?[ \\t]*(?:\\n[ \\t]*)?(?:共计|合计|共|计)?((?!其中)[\\u4e00-\\u9fff]{0,10}?)(无|零|没有|暂无|未收到|未发生|\\d+(?:\\.\\d+)?(?:余|多)?)[ \\t]*(${UNIT_RE})?[ \\t]*(?=[。;；，,]|[ \\t]*(?:\\n|$|[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、))`,
);
const ZERO_WORDS = /^(无|零|没有|暂无|未收到|未发生)$/;

/**
 * Reads the era A statistical indicators: rows of a statistics table printed as text (the Fujian
 * two-column table with 历年累计, flattened or space-separated; the national 统计表) and values written
 * under numbered headings (`(三)从事政府信息公开工作人员数。` then `1人`). A heading followed by a name
 * (`人秘科`) gives nothing.
 *
 * @example
 * extractEraA(ctx).figures['org.staff.total'].value; // 1
 */
export function extractEraA(ctx: DocContext): { figures: Record<string, Figure>; ambiguities: Ambiguity[] } {
  const text = ctx.text;
  const hits = findIndicatorLabels(text);
  const figures: Record<string, Figure> = {};
  const ambiguities: Ambiguity[] = [];
  const rows: TextRow[] = [];
  hits.forEach((hit, i) => {
    let at = hit.end;
    const note = NOTE.exec(text.slice(at, at + 90));
    if (note) at += note[0].length;
    const limit = Math.min(hits[i + 1]?.start ?? text.length, at + 60);
    const region = text.slice(at, limit);
    const line = LINE_VALUE.exec(region);
    const row = ROW_VALUE.exec(region);
    if (row?.[2] && (row[1] || /^[ \t]*\d/.test(region))) {
      const rest = region.slice(row.index + row[0].length);
      if (/^[年月日%]/.test(rest)) return;
      const valueStart = at + row.index + row[0].indexOf(row[2]);
      let raw = row[2];
      // A digit glued to the next row's list marker (`…1509` + `2、政府公报`) is that marker, not data.
      if (!row[3] && /^[、.．]/.test(rest)) raw = raw.slice(0, -1).trimEnd();
      if (!raw) return;
      if (row[1]) {
        rows.push({ hit, unit: row[1], at: valueStart, raw });
        return;
      }
      // No unit column: an inline statement (`当面申请数18条`), one value; short table labels
      // (`网站公开`) are too common in running text to be read this way.
      if (TABLE_ONLY.has(hit.label.replace(/\s/g, ''))) return;
      if (/^[余多]/.test(rest)) return;
      const token = /^\S+/.exec(raw)?.[0] ?? raw;
      addOnce(
        figures,
        hit.key,
        makeFigure(ctx, {
          start: valueStart,
          end: valueStart + token.length,
          value: Number(token),
          unit: row[3] ?? hit.unit,
          source: 'prose',
          label: hit.label,
        }),
      );
      return;
    }
    const stated = line?.[2];
    if (line && stated) {
      const unit = line[3];
      if (line[1] && /^\d/.test(stated) && !unit) return;
      const parsed = parseCnNumber(ZERO_WORDS.test(stated) ? '无' : stated);
      if (!parsed) return;
      const start = at + line.index + line[0].lastIndexOf(stated, line[0].length - (unit?.length ?? 0));
      addOnce(
        figures,
        hit.key,
        makeFigure(ctx, {
          start,
          end: start + stated.length,
          value: parsed.value,
          unit: unit ?? hit.unit,
          qualifier: parsed.qualifier,
          source: 'prose',
          label: hit.label,
        }),
      );
    }
  });
  for (const table of groupRows(rows)) readTable(ctx, table, figures, ambiguities);
  return { figures, ambiguities };
}

/** Keeps the first figure of a key, except that a table row replaces a prose statement. */
function addOnce(figures: Record<string, Figure>, key: string, figure: Figure): void {
  const seen = figures[key];
  if (!seen || (seen.source === 'prose' && figure.source === 'table')) figures[key] = figure;
}

/** Consecutive rows close to each other form one table. */
function groupRows(rows: TextRow[]): TextRow[][] {
  const tables: TextRow[][] = [];
  let current: TextRow[] = [];
  let lastEnd = -1;
  for (const row of rows) {
    if (current.length > 0 && row.hit.start - lastEnd > 40) {
      tables.push(current);
      current = [];
    }
    current.push(row);
    lastEnd = row.at + row.raw.length;
  }
  if (current.length > 0) tables.push(current);
  return tables;
}

function readTable(
  ctx: DocContext,
  rows: TextRow[],
  figures: Record<string, Figure>,
  ambiguities: Ambiguity[],
): void {
  const first = rows[0];
  if (!first) return;
  const head = ctx.text.slice(Math.max(0, first.hit.start - 200), first.hit.start);
  const twoColumns = /历年\s*累计|累\s*计/.test(head);
  const spaced = rows.some((r) => /\d\s+\d/.test(r.raw));
  const emit = (row: TextRow, key: string, offset: number, value: string) => {
    const start = row.at + offset;
    addOnce(
      figures,
      key,
      makeFigure(ctx, {
        start,
        end: start + value.length,
        value: Number(value),
        unit: row.unit,
        source: 'table',
        label: row.hit.label,
      }),
    );
  };
  if (!twoColumns) {
    for (const row of rows) {
      const token = /^\S+/.exec(row.raw)?.[0];
      if (token) emit(row, row.hit.key, 0, token);
    }
    return;
  }
  const toSplit: SplitRow[] = [];
  const pending = new Map<string, TextRow>();
  for (const row of rows) {
    const tokens = [...row.raw.matchAll(/\S+/g)];
    const [a, c] = tokens;
    if (tokens.length >= 2 && a && c) {
      toSplit.push({
        key: row.hit.key,
        parent: PARENT_OF[row.hit.key],
        candidates: [{ annual: a[0], cumulative: c[0] }],
      });
      pending.set(row.hit.key, row);
    } else if (a && (spaced || a[0].length === 1)) {
      // One value where two belong: only a zero is certain (a zero total means a zero year).
      if (a[0] === '0') emit(row, row.hit.key, 0, '0');
      else ambiguities.push(loneAmbiguity(row, a[0]));
    } else if (a && !a[0].includes('.')) {
      const { plausible, possible } = splitPairs(a[0]);
      toSplit.push({
        key: row.hit.key,
        parent: PARENT_OF[row.hit.key],
        candidates: plausible.length > 0 ? plausible : possible,
        fallback: possible,
      });
      pending.set(row.hit.key, row);
    }
  }
  const solved = solveRows(toSplit);
  for (const split of toSplit) {
    const row = pending.get(split.key);
    if (!row) continue;
    const pair = solved.get(split.key);
    if (pair) {
      const tokens = [...row.raw.matchAll(/\S+/g)];
      const cumulativeAt = tokens.length >= 2 ? (tokens[1]?.index ?? pair.annual.length) : pair.annual.length;
      emit(row, split.key, 0, pair.annual);
      emit(row, `${split.key}@cumulative`, cumulativeAt, pair.cumulative);
    } else {
      ambiguities.push(runAmbiguity(row, split.fallback ?? split.candidates));
    }
  }
}

function loneAmbiguity(row: TextRow, value: string): Ambiguity {
  return {
    kind: 'table-shape',
    label: row.hit.label,
    keys: [row.hit.key, `${row.hit.key}@cumulative`],
    text: value,
    span: [row.at, row.at + value.length],
    candidates: [[Number(value)]],
    note: 'one value where the table has two columns (本年度, 历年累计)',
  };
}

function runAmbiguity(row: TextRow, candidates: Pair[]): Ambiguity {
  return {
    kind: 'digit-run',
    label: row.hit.label,
    keys: [row.hit.key, `${row.hit.key}@cumulative`],
    text: row.raw,
    span: [row.at, row.at + row.raw.length],
    candidates: candidates.map((p) => [Number(p.annual), Number(p.cumulative)]),
    note: 'run-together 本年度 and 历年累计 values with more than one reading',
  };
}
