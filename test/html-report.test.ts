import { createHash } from 'node:crypto';
import { parse, parseFragment } from 'parse5';
import { describe, expect, it } from 'vitest';
import { loadFailedReport, parseText } from '../src/core/pipeline.js';
import { activeBlocks, requestRows } from '../src/format/html/template-layout.js';
import { html, renderHtmlReport, SIZE_NOTE_BYTES } from '../src/format/html.js';
import type { Figure, Report } from '../src/model/index.js';
import type { RuleMeta } from '../src/rules/meta.js';
import { pingtanReport, seedReport, spanOf } from './helpers/html-report-fixtures.js';

interface Node {
  nodeName: string;
  tagName?: string;
  value?: string;
  attrs?: Array<{ name: string; value: string }>;
  childNodes?: Node[];
  content?: Node;
}

const ctx = { rules: [] as RuleMeta[], color: false };

function all(node: Node, out: Node[] = []): Node[] {
  for (const child of node.childNodes ?? []) {
    if (child.tagName) out.push(child);
    all(child, out);
  }
  return out;
}
const attr = (el: Node, name: string) => el.attrs?.find((a) => a.name === name)?.value;
const byId = (nodes: Node[], id: string) => nodes.find((n) => attr(n, 'id') === id);
const hasClass = (el: Node, cls: string) => (attr(el, 'class') ?? '').split(' ').includes(cls);
function textOf(node: Node): string {
  if (node.nodeName === '#text') return node.value ?? '';
  return (node.childNodes ?? []).map(textOf).join('');
}

/** The whole page parsed, plus each report body (kept as JSON) parsed as a fragment. */
function render(reports: Report[], rules: RuleMeta[] = []) {
  const page = renderHtmlReport(reports, { ...ctx, rules });
  const doc = parse(page) as unknown as Node;
  const nodes = all(doc);
  const scripts = nodes.filter((n) => n.tagName === 'script');
  const bodies = reports.map((_, r) => {
    const block = byId(nodes, `d-${r}`);
    const json = block ? textOf(block) : '';
    const bodyHtml = JSON.parse(json) as string;
    return { json, html: bodyHtml, nodes: all(parseFragment(bodyHtml) as unknown as Node) };
  });
  return { page, doc, nodes, scripts, bodies };
}

/** A small report from invented text, run through the pipeline. */
function invented(text: string, file = 'invented.txt'): Report {
  return parseText(text, { file, rules: false });
}

describe('page structure', () => {
  it('is one self-contained document whose only script is allowed by its own CSP hash', () => {
    const { nodes, scripts } = render([seedReport()]);
    const executable = scripts.filter((s) => !attr(s, 'type'));
    expect(executable).toHaveLength(1);
    const code = textOf(executable[0] as Node);
    const hash = createHash('sha256').update(code, 'utf8').digest('base64');
    const csp = nodes.find(
      (n) => n.tagName === 'meta' && attr(n, 'http-equiv') === 'Content-Security-Policy',
    );
    expect(attr(csp as Node, 'content')).toContain(`script-src 'sha256-${hash}'`);
    expect(attr(csp as Node, 'content')).toContain("default-src 'none'");
    // Nothing to fetch: no external scripts, stylesheets, images, frames or fonts.
    expect(
      nodes.filter((n) => ['img', 'link', 'iframe', 'object', 'embed'].includes(n.tagName ?? '')),
    ).toEqual([]);
    expect(nodes.filter((n) => attr(n, 'src') !== undefined)).toEqual([]);
    expect(nodes.filter((n) => /^(https?:)?\/\//.test(attr(n, 'href') ?? ''))).toEqual([]);
    expect(scripts.filter((s) => attr(s, 'type')).every((s) => attr(s, 'type') === 'application/json')).toBe(
      true,
    );
  });

  it('keeps report bodies out of the DOM until opened (inert JSON blocks)', () => {
    const reports = [seedReport(), invented('某机关2020年报告\n一、总体情况\n无。')];
    const { nodes, bodies } = render(reports);
    for (let r = 0; r < reports.length; r++) {
      const section = byId(nodes, `r-${r}`) as Node;
      expect(section.tagName).toBe('details');
      const body = all(section).find((n) => hasClass(n, 'body')) as Node;
      expect(body.childNodes).toEqual([]);
      expect(bodies[r]?.html).toContain('class="text"');
    }
  });

  it('opens the only report of a one-report batch at load', () => {
    const { nodes } = render([seedReport()]);
    expect(attr(byId(nodes, 'r-0') as Node, 'open')).toBe('');
  });

  it('draws the charts and counts eras, failures and anomalies by severity', () => {
    const failed = loadFailedReport('broken.pdf', new Error('truncated'));
    const { nodes, page } = render([seedReport(), failed]);
    const svgs = nodes.filter((n) => n.tagName === 'svg');
    expect(svgs).toHaveLength(2);
    const cards = nodes.filter((n) => hasClass(n, 'card')).map(textOf);
    expect(cards).toContain('2文件 files');
    expect(cards).toContain('1读取失败 load failures');
    expect(cards).toContain('6异常 anomalies');
    expect(cards).toContain('4 / 2 / 0错误 / 警告 / 提示'); // load-failed is an error too
    expect(cards).toContain('1 / 0 / 0 / 0纪元 A / B / C / 未识别');
    // One bar segment per rule and severity that occurred, each titled with its count.
    const bars = all(svgs[0] as Node).filter(
      (n) => n.tagName === 'rect' && (attr(n, 'height') ?? '') !== '10',
    );
    expect(bars.map((b) => textOf(b)).sort()).toEqual(
      [
        'breakdown-sum-mismatch · 错误 1',
        'load-failed · 错误 1',
        'period-year-mismatch · 警告 2',
        'signed-before-period-end · 错误 1',
        'subset-exceeds-total · 错误 1',
      ].sort(),
    );
    expect(page).toContain('读取失败');
  });

  it('offers filters by rule, severity, agency and year built from the batch', () => {
    const other = invented('另一机关2020年报告', 'b.txt');
    other.meta = { ...other.meta, agency: '另一机关', reportYear: 2020 };
    const { nodes } = render([seedReport(), other]);
    const options = (id: string) =>
      all(byId(nodes, id) as Node)
        .filter((n) => n.tagName === 'option')
        .map((o) => attr(o, 'value'));
    expect(options('f-rule')).toEqual([
      '',
      'breakdown-sum-mismatch',
      'period-year-mismatch',
      'signed-before-period-end',
      'subset-exceeds-total',
    ]);
    expect(options('f-sev')).toEqual(['', 'error', 'warning', 'info']);
    expect(options('f-agency')).toEqual(
      ['', '另一机关', '舒兰市民政局'].sort((a, b) => a.localeCompare(b, 'zh')),
    );
    expect(options('f-year')).toEqual(['', '2018', '2020']);
    const rows = all(byId(nodes, 'anomaly-table') as Node).filter(
      (n) => n.tagName === 'tr' && attr(n, 'data-rule'),
    );
    expect(rows.map((r) => [attr(r, 'data-agency'), attr(r, 'data-year')])).toEqual(
      Array(5).fill(['舒兰市民政局', '2018']),
    );
  });

  it('adds a size note only when the file grows large', () => {
    expect(renderHtmlReport([seedReport()], ctx)).not.toContain('id="size-note"');
    const big = invented('大报告');
    big.text = `大报告\n${'a'.repeat(SIZE_NOTE_BYTES)}`;
    const page = renderHtmlReport([big], ctx);
    expect(page.length).toBeGreaterThan(SIZE_NOTE_BYTES);
    expect(page).toMatch(/id="size-note">本文件约 \d+\.\d MB，含 1 份报告/);
  });

  it('is what the html formatter returns, and shows paths relative to cwd', () => {
    const report = seedReport();
    report.file = '/data/batch/fixtures/seed.txt';
    const out = html([report], { ...ctx, cwd: '/data/batch' });
    expect(out).toBe(renderHtmlReport([report], { ...ctx, cwd: '/data/batch' }));
    expect(out).toContain('>fixtures/seed.txt<');
    expect(out).not.toContain('/data/batch/fixtures');
  });

  it('explains the rules that fired from their metadata', () => {
    const rule: RuleMeta = {
      id: 'breakdown-sum-mismatch',
      severity: 'error',
      description: { zh: '分项之和与总数不符', en: 'Parts do not add up to the total' },
      why: '总数与分项应当一致',
      falsePositives: '“其中”只列举部分渠道时',
      url: 'docs/rules.md#breakdown-sum-mismatch',
      scope: 'report',
    };
    const unused: RuleMeta = { ...rule, id: 'carryover-chain', description: { zh: '结转不连续', en: 'x' } };
    const { nodes } = render([seedReport()], [rule, unused]);
    const legend = textOf(byId(nodes, 'rules') as Node);
    expect(legend).toContain('分项之和与总数不符');
    expect(legend).not.toContain('结转不连续');
  });
});

describe('escaping', () => {
  const hostile = '"><img src=x onerror=alert(1)><script>alert(2)</script>';
  function hostileReport(): Report {
    const text = `标题${hostile}\n正文</script><!--<script>alert(3)</script>-->共84条。`;
    const report = invented(text, `${hostile}.txt`);
    const t = report.text ?? '';
    const span = spanOf(t, '84');
    report.meta = {
      ...report.meta,
      agency: hostile,
      title: hostile,
      reportYear: 2022,
      spans: { title: spanOf(t, hostile) },
    };
    report.figures = {
      [`active.total${hostile}`]: {
        value: 84,
        unit: hostile,
        qualifier: 'exact',
        stated: '84',
        span,
        label: hostile,
      },
    };
    report.sections = [
      {
        id: '1',
        level: 1,
        marker: hostile,
        markerKind: 'cn',
        ordinal: 1,
        title: hostile,
        span: [0, 2],
        extent: [0, t.length],
        children: [],
      },
    ];
    report.tables = [{ index: 0, span: [0, 2], rows: [[{ text: hostile, span: [0, 2] }]] }];
    report.anomalies = [
      {
        ruleId: hostile,
        source: hostile,
        severity: 'error',
        reason: hostile,
        reasonEn: hostile,
        expected: hostile,
        evidence: [{ role: hostile, label: hostile, span, text: '84', file: hostile }],
      },
    ];
    return report;
  }

  it('renders markup in text, file name, agency, labels and reasons as text, never as elements', () => {
    const { nodes, scripts, bodies, page } = render([hostileReport()]);
    const bodyNodes = bodies[0]?.nodes ?? [];
    for (const list of [nodes, bodyNodes]) {
      expect(list.filter((n) => n.tagName === 'img')).toEqual([]);
      expect(list.flatMap((n) => n.attrs ?? []).filter((a) => a.name.startsWith('on'))).toEqual([]);
    }
    expect(scripts).toHaveLength(2); // the page script and the one JSON body
    expect(bodyNodes.filter((n) => n.tagName === 'script')).toEqual([]);
    // The strings are there, as text.
    expect(textOf(byId(nodes, 'r-0') as Node)).toContain(`${hostile}.txt`);
    expect(textOf(byId(nodes, 'anomaly-table') as Node)).toContain(hostile);
    const text = bodyNodes.find((n) => hasClass(n, 'text')) as Node;
    expect(textOf(text)).toContain('正文</script><!--<script>alert(3)</script>-->共84条。');
    expect(page).not.toMatch(/<img/i);
  });

  it('escapes </script> and <!-- inside the JSON blocks', () => {
    const { bodies } = render([hostileReport()]);
    const json = bodies[0]?.json ?? '';
    expect(json).not.toMatch(/<\/script/i);
    expect(json).not.toContain('<!--');
    expect(bodies[0]?.html).toContain('&lt;/script&gt;&lt;!--&lt;script&gt;');
  });
});

describe('the seed report', () => {
  const report = seedReport();
  const { nodes, bodies } = render([report]);
  const body = bodies[0]?.nodes ?? [];

  it('lists its five anomalies, each linked to marks whose text is the evidence', () => {
    const rows = all(byId(nodes, 'anomaly-table') as Node).filter(
      (n) => n.tagName === 'tr' && attr(n, 'data-rule'),
    );
    expect(rows.map((r) => attr(r, 'data-rule'))).toEqual([
      'period-year-mismatch',
      'period-year-mismatch',
      'signed-before-period-end',
      'breakdown-sum-mismatch',
      'subset-exceeds-total',
    ]);
    report.anomalies.forEach((anomaly, a) => {
      const link = all(rows[a] as Node).find((n) => attr(n, 'data-hl')) as Node;
      expect(attr(link, 'data-hl')).toBe(`0-${a}`);
      const targets = (attr(link, 'data-go') ?? '').split(' ');
      // Every evidence has a mark in the text with exactly the evidence text; the first target is a mark.
      const marks = anomaly.evidence.map((_, e) => byId(body, `e-0-0-${a}-${e}`) as Node);
      expect(marks.map((m) => m.tagName)).toEqual(anomaly.evidence.map(() => 'mark'));
      expect(marks.map((m) => textOf(m))).toEqual(anomaly.evidence.map((e) => e.text));
      expect(marks.every((m) => attr(m, 'data-a') === `0-${a}`)).toBe(true);
      expect(targets[0]).toBe(`e-0-0-${a}-0`);
    });
  });

  it('nests the marks of evidence that two anomalies share', () => {
    const outer = byId(body, 'e-0-0-0-0') as Node; // 截至2019年12月31日, period-year-mismatch
    const inner = byId(body, 'e-0-0-2-1') as Node; // the same words, signed-before-period-end
    expect(textOf(outer)).toBe('截至2019年12月31日');
    expect(all(outer)).toContain(inner);
    expect(textOf(inner)).toBe('截至2019年12月31日');
  });

  it('keeps the whole text, in order, around the marks', () => {
    const text = body.find((n) => hasClass(n, 'text')) as Node;
    expect(textOf(text)).toBe(report.text);
  });

  it('highlights the figure cell that an evidence span meets', () => {
    const cell = body.find(
      (n) => n.tagName === 'td' && attr(n, 'id')?.startsWith('c-0-active.total'),
    ) as Node;
    expect(textOf(cell)).toBe('84');
    expect(hasClass(cell, 'hit')).toBe(true);
    expect(hasClass(cell, 'sev-error')).toBe(true);
    expect((attr(cell, 'data-a') ?? '').split(' ').sort()).toEqual(['0-3', '0-4']);
  });

  it('links the heading tree to the headings in the text', () => {
    const tree = body.find((n) => hasClass(n, 'tree')) as Node;
    const links = all(tree).filter((n) => n.tagName === 'a');
    expect(links.length).toBe(report.sections.reduce((n, s) => n + 1 + s.children.length, 0));
    for (const link of links) {
      const target = byId(body, attr(link, 'data-go') ?? '') as Node;
      expect(hasClass(target, 'hd')).toBe(true);
      expect(textOf(link)).toBe(textOf(target));
    }
  });
});

describe('template tables', () => {
  /** A report whose table 三 figures are invented numbers written into an invented text, one row per line. */
  function inventedRequests(era: 'B' | 'C'): Report {
    const cols = ['natural', 'commercial', 'research', 'publicInterest', 'legalService', 'otherOrg', 'total'];
    let text = '测试机关2020年报告（虚构）\n';
    const figures: Record<string, Figure> = {};
    requestRows(era)
      .filter((r) => !r.optional)
      .forEach((r, i) => {
        text += r.label;
        [1, 0, 0, 0, 0, 0, 1].forEach((v, c) => {
          const stated = String(v * (i + 1));
          text += '\t';
          figures[`requests.${r.row}.${cols[c]}`] = {
            value: Number(stated),
            unit: '件',
            qualifier: 'exact',
            stated,
            span: [text.length, text.length + stated.length],
            source: 'table',
          };
          text += stated;
        });
        text += '\n';
      });
    const report = invented(text);
    expect(report.text).toBe(text); // nothing for normalization to change, so the spans hold
    report.figures = figures;
    report.meta = { ...report.meta, era };
    return report;
  }

  function table3(report: Report): Node {
    const { bodies } = render([report]);
    return (bodies[0]?.nodes ?? []).find((n) => n.tagName === 'table' && hasClass(n, 't3')) as Node;
  }

  /** Grid width of each body row, counting cells carried down by rowspans. */
  function widths(table: Node): number[] {
    const tbody = all(table).find((n) => n.tagName === 'tbody') as Node;
    const carried: number[] = [];
    return (tbody.childNodes ?? [])
      .filter((n) => n.tagName === 'tr')
      .map((tr) => {
        let width = carried.filter((n) => n > 0).length;
        for (let i = 0; i < carried.length; i++)
          if ((carried[i] ?? 0) > 0) carried[i] = (carried[i] ?? 0) - 1;
        for (const c of (tr.childNodes ?? []).filter((n) => n.tagName === 'td' || n.tagName === 'th')) {
          width += Number(attr(c, 'colspan') ?? 1);
          const rs = Number(attr(c, 'rowspan') ?? 1);
          if (rs > 1) carried.push(rs - 1);
        }
        return width;
      });
  }

  it.each(['B', 'C'] as const)('draws table 三 of era %s in the template layout', (era) => {
    const report = inventedRequests(era);
    const t3 = table3(report);
    const rows = (all(t3).find((n) => n.tagName === 'tbody')?.childNodes ?? []).filter(
      (n) => n.tagName === 'tr',
    );
    expect(rows).toHaveLength(era === 'B' ? 23 : 25);
    expect(new Set(widths(t3))).toEqual(new Set([10]));
    const heads = all(t3)
      .filter((n) => n.tagName === 'th')
      .map(textOf);
    for (const label of [
      '自然人',
      '法人或其他组织',
      '商业企业',
      '科研机构',
      '社会公益组织',
      '法律服务机构',
      '其他',
      '总计',
    ]) {
      expect(heads).toContain(label);
    }
    // Row by row: the labels of the template and the seven numbers written for that row.
    rows.forEach((tr, i) => {
      const cells = (tr.childNodes ?? []).filter((n) => n.tagName === 'td').map(textOf);
      expect(cells).toEqual([1, 0, 0, 0, 0, 0, 1].map((v) => String(v * (i + 1))));
    });
    expect(heads).toContain(
      era === 'B'
        ? '（六）其他处理'
        : '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    );
  });

  it('marks cells the report did not state and shows a printed subtotal row', () => {
    const report = inventedRequests('C');
    delete report.figures['requests.granted.research'];
    const sub = report.figures['requests.denied.stateSecret.total'] as Figure;
    report.figures['requests.denied.subtotal.total'] = { ...sub };
    const t3 = table3(report);
    const na = all(t3).filter((n) => hasClass(n, 'na'));
    expect(na.length).toBe(1 + 6); // the deleted cell and the subtotal row's six unstated columns
    expect(all(t3).some((n) => n.tagName === 'th' && textOf(n) === '小计')).toBe(true);
    expect(new Set(widths(t3))).toEqual(new Set([10]));
  });

  describe('平潭综合实验区 2022 (corpus)', () => {
    const report = pingtanReport();
    const { bodies } = render([report]);
    const body = bodies[0]?.nodes ?? [];
    const table = (cls: string) => body.find((n) => n.tagName === 'table' && hasClass(n, cls)) as Node;

    it('draws tables 二, 三 and 四 with the report numbers', () => {
      const t3 = table('t3');
      const first = (all(t3).find((n) => n.tagName === 'tbody')?.childNodes ?? [])[0] as Node;
      expect(textOf(first)).toBe('一、本年新收政府信息公开申请数量713000074');
      expect(new Set(widths(t3))).toEqual(new Set([10]));
      const t2 = textOf(table('t2'));
      expect(t2).toContain('行政规范性文件8855698');
      expect(t2).toContain('本年收费金额（单位：万元）');
      const t4cells = all(table('t4'))
        .filter((n) => n.tagName === 'td')
        .map(textOf);
      expect(t4cells.join(' ')).toBe('0 1 1 0 2 1 0 0 0 1 0 0 0 0 0');
    });

    it('highlights the cell of a table evidence and links each cell to its digits in the text', () => {
      const cell = byId(body, 'c-0-requests.newReceived.total') as Node;
      expect(textOf(cell)).toBe('74');
      expect(hasClass(cell, 'hit')).toBe(true);
      expect(hasClass(cell, 'src')).toBe(true); // the page script links c-… to f-…
      const fig = byId(body, 'f-0-requests.newReceived.total') as Node;
      expect(textOf(fig)).toBe('74');
      const [s, e] = report.figures['requests.newReceived.total']?.span ?? [0, 0];
      expect(report.text?.slice(s, e)).toBe('74');
      // The anomaly lands on the table cell first, then on the sentence.
      const item = byId(body, 'a-0-0') as Node;
      const flag = all(item).find((n) => hasClass(n, 'flag')) as Node;
      expect((attr(flag, 'data-go') ?? '').split(' ').slice(0, 2)).toEqual([
        'c-0-requests.newReceived.total',
        'e-0-0-0-0',
      ]);
    });
  });
});

describe('cross-report evidence', () => {
  it('marks evidence from another report of the batch in that report’s text', () => {
    const earlier = invented('甲机关2021年报告\n四、结转下年度继续办理 3\n', 'a-2021.txt');
    const later = invented('甲机关2022年报告\n二、上年结转政府信息公开申请数量 1\n', 'a-2022.txt');
    const e1 = spanOf(earlier.text ?? '', '3', 8);
    const e2 = spanOf(later.text ?? '', '1', 10);
    later.anomalies = [
      {
        ruleId: 'carryover-chain',
        source: 'xxgk-report',
        severity: 'warning',
        reason: '上年结转 1 与上一年度结转下年度 3 不一致',
        reasonEn: 'Carried over 1, previous year carried forward 3',
        evidence: [
          { role: 'carriedOver', span: e2, text: '1' },
          { role: 'carriedForward', span: e1, text: '3', file: 'a-2021.txt' },
        ],
      },
    ];
    const { bodies } = render([earlier, later]);
    expect(textOf(byId(bodies[1]?.nodes ?? [], 'e-1-1-0-0') as Node)).toBe('1');
    expect(textOf(byId(bodies[0]?.nodes ?? [], 'e-0-1-0-1') as Node)).toBe('3');
  });
});

describe('reports without text or with unread cells', () => {
  it('shows an ambiguous digit run in the cells it should have filled', () => {
    const report = invented('某机关2021年报告（虚构）\n行政规范性文件693665\n');
    const t = report.text ?? '';
    const span = spanOf(t, '693665');
    report.meta = { ...report.meta, era: 'C' };
    report.figures['active.regulations.issued'] = {
      value: 0,
      unit: '件',
      qualifier: 'exact',
      stated: '0',
      span: [0, 0],
      derived: true,
      from: [],
    };
    report.ambiguities = [
      {
        kind: 'digit-run',
        label: '行政规范性文件',
        keys: [
          'active.normativeDocs.issued',
          'active.normativeDocs.repealed',
          'active.normativeDocs.inForce',
        ],
        text: '693665',
        span,
        candidates: [
          [69, 3, 665],
          [6, 93, 665],
        ],
      },
    ];
    const { bodies } = render([report]);
    const body = bodies[0]?.nodes ?? [];
    const amb = body.filter((n) => n.tagName === 'td' && hasClass(n, 'amb'));
    expect(amb).toHaveLength(3);
    expect(amb.map((c) => attr(c, 'data-go'))).toEqual(['y-0-0', 'y-0-0', 'y-0-0']);
    expect(attr(amb[0] as Node, 'title')).toBe('“693665”有多种读法：69 / 3 / 665 或 6 / 93 / 665');
    expect(textOf(byId(body, 'y-0-0') as Node)).toBe('693665');
  });

  it('lands on table cells when the text was left out (--no-text)', () => {
    const report = pingtanLike();
    delete report.text;
    const { bodies, nodes } = render([report]);
    const body = bodies[0]?.nodes ?? [];
    expect(body.some((n) => hasClass(n, 'text'))).toBe(false);
    expect(bodies[0]?.html).toContain('正文未包含在数据中');
    const flag = all(byId(body, 'a-0-0') as Node).find((n) => hasClass(n, 'flag')) as Node;
    expect(attr(flag, 'data-go')).toBe('c-0-requests.newReceived.total');
    expect(byId(nodes, 'anomaly-table')).toBeDefined();
  });

  it('lists a file that could not be read, with its reason and no body to open', () => {
    const failed = loadFailedReport('scan.pdf', new Error('the PDF is encrypted'));
    const { nodes, bodies } = render([failed]);
    const row = all(byId(nodes, 'report-table') as Node).find(
      (n) => n.tagName === 'tr' && attr(n, 'data-r') === '0',
    );
    expect(textOf(row as Node)).toContain('读取失败');
    expect(textOf(byId(nodes, 'anomaly-table') as Node)).toContain(
      '无法读取文件 scan.pdf：the PDF is encrypted',
    );
    expect(bodies[0]?.html).toContain('无正文');
  });
});

/** An invented report with one table 三 cell (74) and a prose sentence that contradicts it. */
function pingtanLike(): Report {
  const report = invented('某机关2022年报告（虚构）\n收到申请75件。\n一、本年新收政府信息公开申请数量\t74\n');
  const t = report.text ?? '';
  const cell = spanOf(t, '74');
  const prose = spanOf(t, '75');
  report.meta = { ...report.meta, era: 'C' };
  report.figures['requests.newReceived.total'] = {
    value: 74,
    unit: '件',
    qualifier: 'exact',
    stated: '74',
    span: cell,
    source: 'table',
  };
  report.anomalies = [
    {
      ruleId: 'text-table-mismatch',
      source: 'xxgk-report',
      severity: 'warning',
      reason: '正文 75 与表格 74 不一致',
      reasonEn: 'Prose 75, table 74',
      evidence: [
        { role: 'table', span: cell, text: '74' },
        { role: 'prose', span: prose, text: '75' },
      ],
    },
  ];
  return report;
}

describe('table 二 and table 四 layouts', () => {
  /** An invented report stating every table 二 cell of an era, one number per line. */
  function inventedActive(era: 'B' | 'C'): Report {
    let text = '测试机关（虚构）\n';
    const figures: Record<string, Figure> = {};
    let n = 1;
    for (const block of activeBlocks(era)) {
      for (const row of block.rows) {
        for (const col of block.columns) {
          text += `${row.label}\t`;
          const stated = String(n++);
          figures[`active.${row.prefix}.${col.field}`] = {
            value: Number(stated),
            unit: '件',
            qualifier: 'exact',
            stated,
            span: [text.length, text.length + stated.length],
            source: 'table',
          };
          text += `${stated}\n`;
        }
      }
    }
    const report = invented(text);
    report.figures = figures;
    report.meta = { ...report.meta, era };
    return report;
  }

  it.each(['B', 'C'] as const)('draws table 二 of era %s block by block, 4 columns wide', (era) => {
    const report = inventedActive(era);
    const { bodies } = render([report]);
    const t2 = (bodies[0]?.nodes ?? []).find((n) => n.tagName === 'table' && hasClass(n, 't2')) as Node;
    const rows = all(t2).filter((n) => n.tagName === 'tr');
    const width = (tr: Node) =>
      (tr.childNodes ?? [])
        .filter((c) => c.tagName === 'td' || c.tagName === 'th')
        .reduce((w, c) => w + Number(attr(c, 'colspan') ?? 1), 0);
    expect(new Set(rows.map(width))).toEqual(new Set([4]));
    const captions = rows.filter((tr) => all(tr).some((c) => hasClass(c, 'block'))).map(textOf);
    expect(captions).toEqual(activeBlocks(era).map((b) => b.caption));
    // Every figure shows once, in its row and column.
    const cells = all(t2).filter((n) => n.tagName === 'td');
    expect(cells.map(textOf)).toEqual(Object.values(report.figures).map((f) => f.stated));
    expect(cells.map((c) => attr(c, 'id'))).toEqual(Object.keys(report.figures).map((k) => `c-0-${k}`));
    // Nothing left over for the figure list.
    expect(bodies[0]?.html).not.toContain('class="figures');
  });

  it('draws table 四 with its three blocks of five results and leaves era A review figures in the list', () => {
    const c = inventedActive('C');
    const text = `${c.text}0 1 1 0 2 1 0 0 0 1 0 0 0 0 0\n`;
    const report = invented(text);
    report.meta = { ...report.meta, era: 'C' };
    const start = text.lastIndexOf('\n', text.length - 2) + 1;
    ['review', 'litigation.direct', 'litigation.afterReview']
      .flatMap((b) => ['upheld', 'corrected', 'other', 'pending', 'total'].map((f) => `${b}.${f}`))
      .forEach((key, i) => {
        const s = start + i * 2;
        report.figures[key] = {
          value: 0,
          unit: '件',
          qualifier: 'exact',
          stated: text[s] ?? '',
          span: [s, s + 1],
        };
      });
    const body = render([report]).bodies[0]?.nodes ?? [];
    const t4 = body.find((n) => n.tagName === 'table' && hasClass(n, 't4')) as Node;
    expect(
      all(t4)
        .filter((n) => n.tagName === 'td')
        .map(textOf)
        .join(' '),
    ).toBe('0 1 1 0 2 1 0 0 0 1 0 0 0 0 0');
    const heads = all(t4)
      .filter((n) => n.tagName === 'th')
      .map(textOf);
    expect(heads.slice(0, 2)).toEqual(['行政复议', '行政诉讼']);
    expect(heads.filter((t) => t === '结果维持')).toHaveLength(3);

    const eraA = invented('某机关2016年报告（虚构）\n行政复议数量 2 件\n');
    eraA.meta = { ...eraA.meta, era: 'A' };
    const at = spanOf(eraA.text ?? '', '2', 8);
    eraA.figures['review.total'] = {
      value: 2,
      unit: '件',
      qualifier: 'exact',
      stated: '2',
      span: at,
      source: 'prose',
    };
    const bodyA = render([eraA]).bodies[0]?.html ?? '';
    expect(bodyA).not.toContain('class="tpl');
    expect(bodyA).toContain('id="c-0-review.total"');
  });
});

describe('charts', () => {
  it('orders years with the unknown year last and stacks eras', () => {
    const mk = (year: number | undefined, era: 'A' | 'B' | 'C' | undefined) => {
      const r = invented('x');
      r.meta = { ...r.meta, reportYear: year, era };
      return r;
    };
    const { nodes } = render([mk(2022, 'C'), mk(undefined, undefined), mk(2018, 'A'), mk(2022, 'B')]);
    const svg = nodes.filter((n) => n.tagName === 'svg')[0] as Node;
    const labels = all(svg)
      .filter((n) => n.tagName === 'text' && hasClass(n, 'lbl'))
      .map(textOf);
    expect(labels.slice(0, 3)).toEqual(['2018', '2022', '?']);
    const bars = all(svg)
      .filter((n) => n.tagName === 'rect' && all(n).some((c) => c.tagName === 'title'))
      .map(textOf);
    expect(bars).toEqual(['2018 · 纪元 A 1', '2022 · 纪元 B 1', '2022 · 纪元 C 1', '? · 未识别 1']);
  });

  it('survives evidence outside the text: no mark, still listed', () => {
    const report = invented('短文本');
    report.anomalies = [
      {
        ruleId: 'x',
        source: 'xxgk-report',
        severity: 'info',
        reason: 'r',
        reasonEn: 'r',
        evidence: [{ role: 'far', span: [100, 104], text: '1234' }],
      },
    ];
    const { bodies, nodes } = render([report]);
    expect(bodies[0]?.html).not.toContain('<mark');
    expect(textOf(byId(bodies[0]?.nodes ?? [], 'a-0-0') as Node)).toContain('far “1234”');
    expect(nodes.filter((n) => n.tagName === 'tr' && attr(n, 'data-rule') === 'x')).toHaveLength(1);
  });
});

describe('source tables', () => {
  it('draws merged positions as rowspan and colspan and highlights the cell evidence names', () => {
    const report = invented('表头\t总计\n行政复议\t2\n行政诉讼\t1\n（虚构）');
    const t = report.text ?? '';
    const cell = (text: string, from = 0) => ({ text, span: spanOf(t, text, from) });
    const head = cell('表头');
    const two = cell('2', 8);
    report.tables = [
      {
        index: 0,
        span: [0, t.length],
        rows: [
          [head, { ...head, mergedFrom: [0, 0] }, cell('总计')],
          [cell('行政复议'), { ...cell('行政复议'), mergedFrom: [1, 0] }, two],
          [cell('行政诉讼'), { ...cell('行政诉讼'), mergedFrom: [2, 0] }, { ...two, mergedFrom: [1, 2] }],
        ],
      },
    ];
    report.anomalies = [
      {
        ruleId: 'review-litigation-total',
        source: 'xxgk-report',
        severity: 'error',
        reason: 'r',
        reasonEn: 'r',
        evidence: [{ role: 'total', span: [0, 0], text: '2', origin: { table: 0, row: 2, col: 2 } }],
      },
    ];
    const body = render([report]).bodies[0]?.nodes ?? [];
    const grid = body.find((n) => n.tagName === 'table' && hasClass(n, 'grid')) as Node;
    const tds = all(grid).filter((n) => n.tagName === 'td');
    expect(tds.map((c) => [textOf(c), attr(c, 'colspan') ?? '1', attr(c, 'rowspan') ?? '1'])).toEqual([
      ['表头', '2', '1'],
      ['总计', '1', '1'],
      ['行政复议', '2', '1'],
      ['2', '1', '2'],
      ['行政诉讼', '2', '1'],
    ]);
    // The evidence names a merged copy (row 2, col 2): the owner cell (row 1, col 2) lights up.
    const hit = tds.filter((c) => hasClass(c, 'hit'));
    expect(hit.map((c) => attr(c, 'id'))).toEqual(['g-0-0-1-2']);
    expect(attr(hit[0] as Node, 'data-a')).toBe('0-0');
    expect(hasClass(hit[0] as Node, 'num')).toBe(true);
  });
});
