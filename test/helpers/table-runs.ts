import type { TextRun } from '../../src/layout/index.js';

/**
 * An invented table 三 (2021 template) laid out as positioned text runs with no rulings, the way a
 * borderless PDF table reaches the layout code: three label columns, seven value columns centred under
 * their headers, labels wrapped over two lines, blank cells printing nothing. The 科研机构 and 法律服务机构
 * columns are blank in every row, so only their headers show where they are.
 */

/** Value cells per row, `''` for a blank cell (7 columns: 自然人, 5 × 法人或其他组织, 总计). */
export const BLANK_CELL_ROWS: { labels: [string, string, string]; values: string[] }[] = [
  { labels: ['一、本年新收政府信息公开申请数量', '', ''], values: ['821', '35', '', '2', '', '1', '859'] },
  { labels: ['二、上年结转政府信息公开申请数量', '', ''], values: ['18', '', '', '', '', '', '18'] },
  { labels: ['三、本年度办理结果', '（一）予以公开', ''], values: ['252', '12', '', '', '', '1', '265'] },
  {
    labels: ['', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', ''],
    values: ['100', '5', '', '1', '', '', '106'],
  },
  { labels: ['', '（三）不予公开', '1.属于国家秘密'], values: ['', '', '', '', '', '', ''] },
  { labels: ['', '', '2.其他法律行政法规禁止公开'], values: ['', '', '', '', '', '', ''] },
  { labels: ['', '', '3.危及“三安全一稳定”'], values: ['', '', '', '', '', '', ''] },
  { labels: ['', '', '4.保护第三方合法权益'], values: ['3', '', '', '', '', '', '3'] },
  { labels: ['', '', '5.属于三类内部事务信息'], values: ['', '', '', '', '', '', ''] },
  { labels: ['', '', '6.属于四类过程性信息'], values: ['', '', '', '', '', '', ''] },
  { labels: ['', '', '7.属于行政执法案卷'], values: ['', '', '', '', '', '', ''] },
  { labels: ['', '', '8.属于行政查询事项'], values: ['', '', '', '', '', '', ''] },
  {
    labels: ['', '（四）无法提供', '1.本机关不掌握相关政府信息'],
    values: ['200', '10', '', '1', '', '', '211'],
  },
  { labels: ['', '', '2.没有现成信息需要另行制作'], values: ['', '', '', '', '', '', ''] },
  { labels: ['', '', '3.补正后申请内容仍不明确'], values: ['50', '', '', '', '', '', '50'] },
  { labels: ['', '（五）不予处理', '1.信访举报投诉类申请'], values: ['30', '', '', '', '', '', '30'] },
  { labels: ['', '', '2.重复申请'], values: ['20', '', '', '', '', '', '20'] },
  { labels: ['', '', '3.要求提供公开出版物'], values: ['', '', '', '', '', '', ''] },
  { labels: ['', '', '4.无正当理由大量反复申请'], values: ['', '', '', '', '', '', ''] },
  { labels: ['', '', '5.要求行政机关确认或重新出具已获取信息'], values: ['', '', '', '', '', '', ''] },
  {
    labels: ['', '（六）其他处理', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'],
    values: ['10', '', '', '', '', '', '10'],
  },
  {
    labels: ['', '', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'],
    values: ['', '', '', '', '', '', ''],
  },
  { labels: ['', '', '3.其他'], values: ['5', '', '', '', '', '', '5'] },
  { labels: ['', '（七）总计', ''], values: ['670', '27', '', '2', '', '1', '700'] },
  { labels: ['四、结转下年度继续办理', '', ''], values: ['169', '8', '', '', '', '', '177'] },
];

const SIZE = 8;
const LABEL_X = [30, 80, 150];
/** Characters a label column holds before it wraps (the level-1 labels of rows 一、二、四 span all three). */
const LABEL_CHARS = [5, 7, 16];
const VALUE_CENTRE = (k: number) => 305 + 42 * k;

/** Width of a string at `size`: Chinese 1 em, Latin 0.5 em. */
function width(s: string, size = SIZE): number {
  return [...s].reduce((w, c) => w + (/[\x20-\x7e]/.test(c) ? 0.5 : 1) * size, 0);
}

function run(text: string, x: number, y: number, size = SIZE): TextRun {
  return { text, x, y, w: width(text, size), h: size, size, page: 1 };
}

function wrap(s: string, n: number): string[] {
  const chars = [...s];
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += n) out.push(chars.slice(i, i + n).join(''));
  return out;
}

/**
 * The runs of the page: a heading, the three header rows (申请人情况; 自然人 / 法人或其他组织 / 总计;
 * the five kinds of 法人, two of them wrapped), then one line per row with wrapped labels continuing
 * below, and a closing paragraph.
 */
export function blankCellRuns(): TextRun[] {
  const runs: TextRun[] = [];
  let y = 780;
  runs.push(run('三、收到和处理政府信息公开申请情况', 30, y, 10));
  y -= 26;
  runs.push(run('申请人情况', VALUE_CENTRE(3) - width('申请人情况') / 2, y));
  y -= 14;
  runs.push(run('自然人', VALUE_CENTRE(0) - width('自然人') / 2, y - 7));
  runs.push(run('法人或其他组织', VALUE_CENTRE(3) - width('法人或其他组织') / 2, y));
  runs.push(run('总计', VALUE_CENTRE(6) - width('总计') / 2, y - 7));
  y -= 14;
  const kinds = [['商业企业'], ['科研机构'], ['社会公益', '组织'], ['法律服务', '机构'], ['其他']];
  kinds.forEach((lines, k) => {
    lines.forEach((s, j) => {
      runs.push(run(s, VALUE_CENTRE(k + 1) - width(s) / 2, y - j * 10));
    });
  });
  y -= 26;
  for (const row of BLANK_CELL_ROWS) {
    let depth = 1;
    row.labels.forEach((label, level) => {
      if (!label) return;
      // A label starting at level 0 with nothing after it spans the three label columns.
      const span = level === 0 && !row.labels[1] && !row.labels[2];
      const parts = wrap(label, span ? 28 : (LABEL_CHARS[level] as number));
      parts.forEach((p, j) => {
        runs.push(run(p, LABEL_X[level] as number, y - j * 10));
      });
      depth = Math.max(depth, parts.length);
    });
    row.values.forEach((v, k) => {
      if (v) runs.push(run(v, VALUE_CENTRE(k) - width(v) / 2, y));
    });
    y -= 14 + (depth - 1) * 10;
  }
  y -= 20;
  runs.push(run('四、政府信息公开行政复议、行政诉讼情况', 30, y, 10));
  return runs;
}
