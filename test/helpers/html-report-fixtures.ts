/**
 * Reports built for the HTML report tests: real texts (the seed, a pingtan era C report from the corpus)
 * run through the pipeline, with metadata, headings, figures and anomalies written in by hand where the
 * pipeline does not yet provide them. Every span is located in the normalized text with indexOf, so the
 * invariant `text.slice(span) === stated` holds.
 */
import { readFileSync } from 'node:fs';
import { parseText } from '../../src/core/pipeline.js';
import type { Anomaly, Evidence, Figure, Report, Section, Span } from '../../src/model/index.js';
import { corpusPath, fixturePath } from './corpus.js';

/** The span of `needle` in `text`, searching from `from`; throws when absent so a broken fixture fails loudly. */
export function spanOf(text: string, needle: string, from = 0): Span {
  const at = text.indexOf(needle, from);
  if (at < 0) throw new Error(`fixture text not found: ${needle}`);
  return [at, at + needle.length];
}

/** A piece of evidence at the `nth` occurrence of `needle` (after `from`). */
export function evidenceAt(text: string, role: string, needle: string, from = 0, value?: number): Evidence {
  const span = spanOf(text, needle, from);
  return { role, span, text: text.slice(span[0], span[1]), ...(value !== undefined ? { value } : {}) };
}

/** Level-1 (一、) and level-2 ((一)/（一）) headings at line starts or after a space, as a section tree. */
export function roughSections(text: string): Section[] {
  const top: Section[] = [];
  const re = /(^|\n| )([一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）])([^\n。 ]{2,40})/g;
  let parent: Section | undefined;
  for (const m of text.matchAll(re)) {
    const start = (m.index ?? 0) + (m[1]?.length ?? 0);
    const marker = m[2] ?? '';
    const level = marker.endsWith('、') ? 1 : 2;
    if (level === 2 && !parent) continue;
    const siblings = level === 1 ? top : (parent?.children ?? []);
    const s: Section = {
      id: level === 1 ? String(siblings.length + 1) : `${parent?.id}.${siblings.length + 1}`,
      level,
      marker,
      markerKind: level === 1 ? 'cn' : 'cn-paren',
      ordinal: siblings.length + 1,
      title: m[3] ?? '',
      span: [start, start + marker.length + (m[3]?.length ?? 0)],
      extent: [start, text.length],
      children: [],
    };
    siblings.push(s);
    if (level === 1) parent = s;
  }
  return top;
}

/**
 * The seed report (舒兰市民政局 2018) with its five expected anomalies: period-year-mismatch on
 * 截至2019年12月31日 and on 2019年在优抚安置, signed-before-period-end, breakdown-sum-mismatch (84 vs
 * 64+20+10) and subset-exceeds-total (近万条 vs 84).
 */
export function seedReport(): Report {
  const report = parseText(readFileSync(fixturePath('seed-2018-shulan-minzheng.txt'), 'utf8'), {
    file: 'fixtures/seed-2018-shulan-minzheng.txt',
    rules: false,
  });
  const text = report.text ?? '';
  const total = evidenceAt(text, 'total', '84', text.indexOf('累计主动公开'), 84);
  const parts = [
    evidenceAt(text, 'part', '64', total.span[1], 64),
    evidenceAt(text, 'part', '20', total.span[1], 20),
    evidenceAt(text, 'part', '10', total.span[1], 10),
  ];
  const asOf = evidenceAt(text, 'statement', '截至2019年12月31日');
  const focus = evidenceAt(text, 'statement', '2019年', text.indexOf('2019年在优抚安置'));
  const signed = evidenceAt(text, 'signedOn', '2019年1月14日');
  const nearly = evidenceAt(text, 'subset', '近万', text.indexOf('9大类近万条'), 10000);
  const anomaly = (a: Omit<Anomaly, 'source'>): Anomaly => ({ source: 'xxgk-report', ...a });
  report.meta = {
    ...report.meta,
    title: '舒兰市民政局2018年政府信息公开工作年度报告',
    agency: '舒兰市民政局',
    reportYear: 2018,
    era: 'A',
    signedOn: '2019-01-14',
    spans: { signedOn: signed.span, agency: spanOf(text, '舒兰市民政局', text.length - 40) },
  };
  report.sections = roughSections(text);
  report.figures = {
    'active.total': figure(text, total.span, 'prose'),
    'active.channels.website': figure(text, parts[0]?.span as Span, 'prose'),
  };
  report.anomalies = [
    anomaly({
      ruleId: 'period-year-mismatch',
      severity: 'warning',
      reason: '统计时点“截至2019年12月31日”不在报告年度 2018 年内',
      reasonEn: 'Statement dated 2019 in a report for 2018',
      evidence: [asOf],
      expected: 2018,
      actual: 2019,
    }),
    anomaly({
      ruleId: 'period-year-mismatch',
      severity: 'warning',
      reason: '工作情况写作“2019年”，报告年度为 2018 年',
      reasonEn: 'Work described under 2019 in a report for 2018',
      evidence: [focus],
      expected: 2018,
      actual: 2019,
    }),
    anomaly({
      ruleId: 'signed-before-period-end',
      severity: 'error',
      reason: '落款日期 2019-01-14 早于统计截止日 2019-12-31',
      reasonEn: 'Signed on 2019-01-14, before the stated period end 2019-12-31',
      evidence: [signed, { ...asOf, role: 'periodEnd' }],
    }),
    anomaly({
      ruleId: 'breakdown-sum-mismatch',
      severity: 'error',
      reason: '分项之和 94 与总数 84 不一致',
      reasonEn: 'Parts add up to 94, expected the total 84',
      evidence: [total, ...parts],
      expected: 84,
      actual: 94,
    }),
    anomaly({
      ruleId: 'subset-exceeds-total',
      severity: 'error',
      reason: '部分“近万条”大于总数 84 条',
      reasonEn: 'A part (nearly 10,000) exceeds the total 84',
      evidence: [nearly, { ...total, role: 'total' }],
    }),
  ];
  return report;
}

function figure(text: string, span: Span, source: 'prose' | 'table', unit = '条'): Figure {
  const stated = text.slice(span[0], span[1]);
  return { value: Number(stated), unit, qualifier: 'exact', stated, span, source };
}

/** Cells of a flattened table row: the label, then the stated cell texts one after another. */
function rowFigures(
  text: string,
  from: number,
  label: string,
  keys: string[],
  cells: string[],
  unit = '件',
): { figures: Record<string, Figure>; end: number } {
  let p = spanOf(text, label, from)[1];
  const figures: Record<string, Figure> = {};
  cells.forEach((stated, i) => {
    while (text[p] === ' ') p++;
    if (!text.startsWith(stated, p)) throw new Error(`fixture cell ${stated} not at ${p} after ${label}`);
    const key = keys[i];
    if (key) figures[key] = { ...figure(text, [p, p + stated.length], 'table', unit), label };
    p += stated.length;
  });
  return { figures, end: p };
}

const COLS = ['natural', 'commercial', 'research', 'publicInterest', 'legalService', 'otherOrg', 'total'];

/** Table 三 of 平潭综合实验区 2022 as printed: row key, label, the seven cells. */
const PINGTAN_2022_REQUESTS: Array<[string, string, string[]]> = [
  ['newReceived', '一、本年新收政府信息公开申请数量', ['71', '3', '0', '0', '0', '0', '74']],
  ['carriedOver', '二、上年结转政府信息公开申请数量', ['1', '0', '0', '0', '0', '0', '1']],
  ['granted', '（一）予以公开', ['21', '0', '0', '0', '0', '0', '21']],
  ['partial', '不计其他情形）', ['8', '1', '0', '0', '0', '0', '9']],
  ['denied.stateSecret', '1.属于国家秘密', ['0', '0', '0', '0', '0', '0', '0']],
  ['denied.prohibitedByLaw', '2.其他法律行政法规禁止公开', ['0', '0', '0', '0', '0', '0', '0']],
  ['denied.securityStability', '3.危及“三安全一稳定”', ['0', '0', '0', '0', '0', '0', '0']],
  ['denied.thirdParty', '4.保护第三方合法权益', ['0', '0', '0', '0', '0', '0', '0']],
  ['denied.internalAffairs', '5.属于三类内部事务信息', ['1', '0', '0', '0', '0', '0', '1']],
  ['denied.processInfo', '6.属于四类过程性信息', ['2', '0', '0', '0', '0', '0', '2']],
  ['denied.enforcementFiles', '7.属于行政执法案卷', ['1', '0', '0', '0', '0', '0', '1']],
  ['denied.queryMatters', '8.属于行政查询事项', ['0', '0', '0', '0', '0', '0', '0']],
  ['unavailable.notHeld', '1.本机关不掌握相关政府信息', ['37', '0', '0', '0', '0', '0', '37']],
  ['unavailable.needsCreation', '2.没有现成信息需要另行制作', ['0', '0', '0', '0', '0', '0', '0']],
  ['unavailable.stillUnclear', '3.补正后申请内容仍不明确', ['0', '0', '0', '0', '0', '0', '0']],
  ['notProcessed.petition', '1.信访举报投诉类申请', ['0', '0', '0', '0', '0', '0', '0']],
  ['notProcessed.repeated', '2.重复申请', ['0', '0', '0', '0', '0', '0', '0']],
  ['notProcessed.publication', '3.要求提供公开出版物', ['0', '0', '0', '0', '0', '0', '0']],
  ['notProcessed.massRepeated', '4.无正当理由大量反复申请', ['0', '0', '0', '0', '0', '0', '0']],
  [
    'notProcessed.confirmation',
    '5.要求行政机关确认或重新出具已获取信息',
    ['0', '0', '0', '0', '0', '0', '0'],
  ],
  ['otherHandling.noCorrection', '行政机关不再处理其政府信息公开申请', ['2', '0', '0', '0', '0', '0', '2']],
  ['otherHandling.unpaidFee', '行政机关不再处理其政府信息公开申请', ['0', '0', '0', '0', '0', '0', '0']],
  ['otherHandling.other', '3.其他', ['0', '2', '0', '0', '0', '0', '2']],
  ['resultTotal', '（七）总计', ['72', '3', '0', '0', '0', '0', '75']],
  ['carriedForward', '四、结转下年度继续办理', ['0', '0', '0', '0', '0', '0', '0']],
];

/**
 * 平潭综合实验区 2022 (era C) from the corpus, with tables 二, 三 and 四 filled cell by cell from its
 * flattened text, and one invented text-table-mismatch anomaly (the prose says 75 requests, table 三's
 * 本年新收 总计 says 74) whose evidence is a sentence and a table cell.
 */
export function pingtanReport(): Report {
  const file = 'pingtan-syq-2022.txt';
  const report = parseText(readFileSync(corpusPath(file), 'utf8'), { file, rules: false });
  const text = report.text ?? '';
  const figures: Record<string, Figure> = {};
  let p = text.indexOf('三、收到和处理政府信息公开申请情况');
  for (const [row, label, cells] of PINGTAN_2022_REQUESTS) {
    const got = rowFigures(
      text,
      p,
      label,
      COLS.map((c) => `requests.${row}.${c}`),
      cells,
    );
    Object.assign(figures, got.figures);
    p = got.end;
  }
  const t2 = text.indexOf('第二十条第（一）项');
  const active: Array<[string, string[], string[]]> = [
    [
      '规章',
      ['active.regulations.issued', 'active.regulations.repealed', 'active.regulations.inForce'],
      ['0', '0', '0'],
    ],
    [
      '行政规范性文件',
      ['active.normativeDocs.issued', 'active.normativeDocs.repealed', 'active.normativeDocs.inForce'],
      ['88', '55', '698'],
    ],
    ['行政许可', ['active.licensing.decisions'], ['10690']],
    ['行政处罚', ['active.penalty.decisions'], ['2113']],
    ['行政强制', ['active.coercion.decisions'], ['0']],
  ];
  for (const [label, keys, cells] of active)
    Object.assign(figures, rowFigures(text, t2, label, keys, cells).figures);
  const fees = rowFigures(text, t2, '行政事业性收费', ['active.fees.amount'], ['9116.36'], '万元');
  Object.assign(figures, fees.figures);
  // The 15 numbers follow the last header cell of table 四 (its headers repeat per block).
  const t4 = text.lastIndexOf('尚未审结总计', text.indexOf('五、存在的主要问题')) - 1;
  const reviewKeys = ['review', 'litigation.direct', 'litigation.afterReview'].flatMap((b) =>
    ['upheld', 'corrected', 'other', 'pending', 'total'].map((f) => `${b}.${f}`),
  );
  const reviewCells = '0 1 1 0 2 1 0 0 0 1 0 0 0 0 0'.split(' ');
  Object.assign(figures, rowFigures(text, t4, '尚未审结总计', reviewKeys, reviewCells).figures);
  report.figures = figures;
  const agency = '平潭综合实验区管委会';
  report.meta = {
    ...report.meta,
    title: '平潭综合实验区2022年度政府信息公开工作年度报告',
    agency,
    reportYear: 2022,
    era: 'C',
    periodStart: '2022-01-01',
    periodEnd: '2022-12-31',
    spans: { period: spanOf(text, '2022年1月1日至2022年12月31日') },
  };
  report.sections = roughSections(text);
  const prose = evidenceAt(text, 'prose', '75', text.indexOf('全区收到政府信息公开申请'), 75);
  const cell = figures['requests.newReceived.total'] as Figure;
  report.anomalies = [
    {
      ruleId: 'text-table-mismatch',
      source: 'xxgk-report',
      severity: 'warning',
      reason: '正文“收到政府信息公开申请75件”与表三本年新收总计 74 不一致',
      reasonEn: 'The prose says 75 requests received, table 三 says 74 newly received',
      evidence: [
        {
          role: 'table',
          label: '一、本年新收政府信息公开申请数量 · 总计',
          span: cell.span,
          text: cell.stated,
          value: 74,
        },
        prose,
      ],
      expected: 74,
      actual: 75,
    },
  ];
  return report;
}
