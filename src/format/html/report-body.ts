import { ALL_KEYS } from '../../extract/keys.js';
import type { Era, Report, Section, Severity } from '../../model/index.js';
import { type AnomalyRef, type BatchIndex, ids } from './anomaly-index.js';
import { escapeHtml as h } from './escape.js';
import { markupText, type TextRange } from './span-markup.js';
import { type CellContext, figureList, sourceTable, templateTables } from './tables.js';

/**
 * Chinese names of the severities.
 *
 * @example
 * SEVERITY_ZH.error; // '错误'
 */
export const SEVERITY_ZH: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

const KEY_DEF = new Map(ALL_KEYS.map((k) => [k.key, k]));
const NUMBERING_ZH: Record<string, string> = { gap: '跳号', repeat: '重号', restart: '重新开始' };

/**
 * The body of one report's section: metadata, its anomalies with links to their evidence, the heading
 * tree, the template tables, other figures, source tables and the text with every evidence span marked.
 * The page keeps it as a JSON string and renders it when the section is opened.
 *
 * @example
 * const body = reportBody(reports, 0, indexAnomalies(reports));
 */
export function reportBody(reports: readonly Report[], r: number, index: BatchIndex): string {
  const report = reports[r] as Report;
  const ctx: CellContext = {
    r,
    report,
    hits: index.cellHits[r] ?? new Map(),
    severity: index.severity,
    placed: new Set(),
    ambiguous: new Map(report.ambiguities.flatMap((a, i) => (a.keys ?? []).map((k) => [k, i] as const))),
  };
  const parts: string[] = [];
  parts.push(
    `<div class="cols"><div>${metaTable(report, r)}</div><div>${anomalyList(index.byReport[r] ?? [], report.sections, report.meta.era ?? undefined)}</div></div>`,
  );
  if (report.sections.length > 0 || report.numbering.length > 0) {
    parts.push(
      `<h3>标题结构 <span class="en">Headings</span></h3>${tree(report.sections, r)}${numberingList(report, r)}`,
    );
  }
  const tables = templateTables(ctx);
  if (tables)
    parts.push(
      `<h3>模板表格 <span class="en">Template tables</span></h3><div class="scroll">${tables}</div>`,
    );
  const figures = figureList(ctx);
  if (figures) {
    parts.push(`<h3>其他数值 <span class="en">Figures</span></h3><div class="scroll">${figures}</div>`);
  }
  if (report.tables.length > 0) {
    parts.push(
      `<details class="grids"><summary>原始表格 <span class="en">Source tables</span> (${report.tables.length})</summary><div class="scroll">${report.tables.map((t) => sourceTable(ctx, t)).join('')}</div></details>`,
    );
  }
  if (report.ambiguities.length > 0) parts.push(ambiguityList(report, r));
  if (report.channels.length > 0) parts.push(channelList(report));
  parts.push(`<h3>正文 <span class="en">Text</span></h3>${textBlock(report, r, index.marks[r] ?? [])}`);
  return parts.join('');
}

function metaTable(report: Report, r: number): string {
  const m = report.meta;
  const link = (field: keyof Report['meta']['spans'], value: string) =>
    m.spans[field] && report.text ? `<a href="#" data-go="${ids.meta(r, field)}">${h(value)}</a>` : h(value);
  const contact = Object.entries(m.contact)
    .filter(([, v]) => v)
    .map(([k, v]) => `${k}: ${v}`)
    .join('；');
  const period = m.periodStart || m.periodEnd ? `${m.periodStart ?? '?'} 至 ${m.periodEnd ?? '?'}` : '';
  const era = m.era
    ? `${m.era}${m.eraConfidence !== undefined ? `（置信 ${m.eraConfidence.toFixed(2)}）` : ''}${
        m.eraEvidence.length ? `：${m.eraEvidence.map((e) => e.token).join('、')}` : ''
      }`
    : '';
  const rows: Array<[string, string]> = [
    ['标题 title', m.title ? link('title', m.title) : ''],
    ['机关 agency', m.agency ? link('agency', m.agency) : ''],
    ['年度 year', m.reportYear !== undefined ? link('reportYear', String(m.reportYear)) : ''],
    ['格式纪元 era', h(era)],
    ['统计期限 period', period ? link('period', period) : ''],
    ['签署日期 signed', m.signedOn ? link('signedOn', m.signedOn) : ''],
    ['联系方式 contact', h(contact)],
    [
      '文件 file',
      h(
        `${report.format} · ${report.stats.bytes.toLocaleString('en')} 字节 · ${report.stats.chars.toLocaleString('en')} 字${
          report.stats.pages ? ` · ${report.stats.pages} 页` : ''
        } · ${report.stats.ms} ms`,
      ),
    ],
    ['sha256', `<code>${h(report.hash.slice(0, 16))}</code>`],
  ];
  return `<table class="kv"><tbody>${rows
    .filter(([, v]) => v)
    .map(([k, v]) => `<tr><th scope="row">${h(k)}</th><td>${v}</td></tr>`)
    .join('')}</tbody></table>`;
}

/**
 * A report's anomalies as a list; each entry links to where it lands and to each piece of evidence.
 *
 * @example
 * anomalyList(index.byReport[0]); // '<ol class="anoms"><li id="a-0-0" …>…</li></ol>'
 */
export function anomalyList(
  refs: readonly AnomalyRef[],
  sections: readonly Section[] = [],
  era?: Era,
): string {
  const titles = new Map<string, string>();
  const walk = (list: readonly Section[]) => {
    for (const s of list) {
      titles.set(s.id, `${s.marker}${s.title}`);
      walk(s.children);
    }
  };
  walk(sections);
  if (refs.length === 0) return '<p class="ok">未发现异常 <span class="en">No anomalies</span></p>';
  const items = refs.map((ref) => {
    const a = ref.anomaly;
    const go = ref.targets.length ? ` data-go="${h(ref.targets.join(' '))}" data-hl="${ref.key}"` : '';
    const ev = ref.evidence
      .map((e) => {
        // A canonical key as label reads better as the label the report printed, when the key means the
        // same in this report's era (review.total is labelled differently in era A and era C).
        const def = e.evidence.label ? KEY_DEF.get(e.evidence.label) : undefined;
        const printed = def && (!era || def.eras.includes(era)) ? def.label : (e.evidence.label ?? '');
        const label = `${e.evidence.role}${printed ? ` · ${printed}` : ''}`;
        const quote = `“${e.evidence.text}”`;
        const page = e.evidence.origin?.page ? `（第 ${e.evidence.origin.page} 页）` : '';
        const from = `${e.evidence.file && e.host !== ref.report ? `（${e.evidence.file}）` : ''}${page}`;
        const text = e.markId
          ? `<a href="#${e.markId}" data-go="${e.markId}" data-hl="${ref.key}">${h(label)} ${h(quote)}</a>`
          : `${h(label)} ${h(quote)}`;
        const cells = e.cellIds.length
          ? ` <a href="#${e.cellIds[0]}" class="cell-link" data-go="${h(e.cellIds.join(' '))}" data-hl="${ref.key}" title="表格单元格">▦ 表格</a>`
          : '';
        return `<li>${text}${h(from)}${cells}</li>`;
      })
      .join('');
    const ea = [
      a.expected !== undefined ? `应为 expected ${a.expected}` : '',
      a.actual !== undefined ? `实为 actual ${a.actual}` : '',
    ]
      .filter(Boolean)
      .join('，');
    return `<li id="${ids.anomaly(ref.report, ref.index)}" class="anom sev-${a.severity}" data-rule="${h(a.ruleId)}" data-sev="${a.severity}"><a href="#" class="flag"${go}><span class="sev">${SEVERITY_ZH[a.severity]}</span> <code>${h(a.ruleId)}</code></a> <span class="reason">${h(a.reason)}</span>${where(ref, titles)}<br><span class="en">${h(a.reasonEn)}</span>${ea ? ` <span class="ea">${h(ea)}</span>` : ''}${ev ? `<ul class="evs">${ev}</ul>` : ''}</li>`;
  });
  return `<h3>异常 <span class="en">Anomalies</span> (${refs.length})</h3><ol class="anoms">${items.join('')}</ol>`;
}

/** The section (linked to its heading) and line an anomaly sits at. */
function where(ref: AnomalyRef, titles: Map<string, string>): string {
  const a = ref.anomaly;
  const title = a.section ? titles.get(a.section) : undefined;
  const section = title
    ? ` <a href="#" class="ea" data-go="${ids.heading(ref.report, a.section ?? '')}">§ ${h(title.length > 24 ? `${title.slice(0, 23)}…` : title)}</a>`
    : '';
  return `${section}${a.line ? ` <span class="ea">第 ${a.line} 行</span>` : ''}`;
}

function tree(sections: readonly Section[], r: number): string {
  if (sections.length === 0) return '';
  return `<ol class="tree">${sections
    .map(
      (s) =>
        `<li><a href="#" data-go="${ids.heading(r, s.id)}"><span class="marker">${h(s.marker)}</span>${h(s.title)}</a>${tree(s.children, r)}</li>`,
    )
    .join('')}</ol>`;
}

function numberingList(report: Report, r: number): string {
  if (report.numbering.length === 0) return '';
  const items = report.numbering.map((n, i) => {
    const text = report.text?.slice(n.span[0], n.span[1]) ?? '';
    return `<li><a href="#" data-go="${ids.numbering(r, i)}">${h(NUMBERING_ZH[n.kind] ?? n.kind)}：应为 ${n.expected}，实为 ${n.actual} “${h(text)}”</a></li>`;
  });
  return `<p class="sub">编号问题 <span class="en">Numbering</span></p><ul class="numbering">${items.join('')}</ul>`;
}

function ambiguityList(report: Report, r: number): string {
  const items = report.ambiguities.map(
    (a, i) =>
      `<li><a href="#" data-go="${ids.ambiguity(r, i)}">${h(a.label ?? a.kind)} “${h(a.text)}”</a>：${h(
        a.candidates.map((c) => c.join(' / ')).join(' 或 '),
      )}${a.note ? `（${h(a.note)}）` : ''}</li>`,
  );
  return `<h3>歧义 <span class="en">Ambiguities</span></h3><ul>${items.join('')}</ul>`;
}

function channelList(report: Report): string {
  const rows = report.channels.map(
    (c) =>
      `<tr><td>${h(c.channel)}</td><td>${h(c.name)}</td><td class="num">${h(c.stated)}</td><td>${h(c.unit)}</td></tr>`,
  );
  return `<h3>公开渠道 <span class="en">Channels</span></h3><div class="scroll"><table class="figures"><thead><tr><th>类别</th><th>名称</th><th>原文</th><th>单位</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}

/**
 * The report text with evidence marks, figure spans, headings and metadata spans wrapped in elements.
 *
 * @example
 * textBlock(report, 0, index.marks[0]); // '<div class="text" lang="zh">…<mark id="e-0-0-0-0" …>84</mark>…</div>'
 */
export function textBlock(report: Report, r: number, evidence: readonly TextRange[]): string {
  const text = report.text;
  if (text === undefined)
    return '<p class="note">正文未包含在数据中 <span class="en">Text not included</span></p>';
  if (text === '') return '<p class="note">无正文 <span class="en">No text</span></p>';
  const ranges: TextRange[] = [...evidence];
  const walk = (sections: readonly Section[]) => {
    for (const s of sections) {
      ranges.push({
        start: s.span[0],
        end: s.span[1],
        tag: 'span',
        id: ids.heading(r, s.id),
        className: 'hd',
      });
      walk(s.children);
    }
  };
  walk(report.sections);
  for (const [field, span] of Object.entries(report.meta.spans)) {
    if (span)
      ranges.push({ start: span[0], end: span[1], tag: 'span', id: ids.meta(r, field), className: 'meta' });
  }
  for (const [key, fig] of Object.entries(report.figures)) {
    if (fig.derived || fig.span[1] <= fig.span[0]) continue;
    ranges.push({
      start: fig.span[0],
      end: fig.span[1],
      tag: 'span',
      id: ids.figure(r, key),
      className: 'fv',
    });
  }
  report.ambiguities.forEach((a, i) => {
    ranges.push({ start: a.span[0], end: a.span[1], tag: 'span', id: ids.ambiguity(r, i), className: 'amb' });
  });
  report.numbering.forEach((n, i) => {
    ranges.push({
      start: n.span[0],
      end: n.span[1],
      tag: 'span',
      id: ids.numbering(r, i),
      className: 'numissue',
    });
  });
  return `<div class="text" lang="zh">${markupText(text, ranges)}</div>`;
}
