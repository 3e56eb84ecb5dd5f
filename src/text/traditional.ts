import { Converter } from 'opencc-js/t2cn';

/**
 * Traditional-only forms of characters every report uses, and their simplified forms: counting both
 * tells the script of a document without converting it.
 */
const TRADITIONAL_MARKS = /[開們國會這與為機關報條請發務實經對區縣鎮項數時動說協單復議訴訟資總]/g;
const SIMPLIFIED_MARKS = /[开们国会这与为机关报条请发务实经对区县镇项数时动说协单复议诉讼资总]/g;
/** How far into the text the script is sampled. */
const SAMPLE = 20_000;
/** Fewer traditional marks than this is a quotation or a name, not a traditional document. */
const MIN_MARKS = 8;

/**
 * Whether a document is written in traditional script: its traditional-only marks outnumber their
 * simplified forms (a simplified report quoting a traditional name stays simplified).
 *
 * @example
 * isTraditional('主動公開政府信息175條，全職人員1人。依申請公開0條。本機關未發生行政復議。'); // true
 */
export function isTraditional(text: string): boolean {
  const sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  const traditional = sample.match(TRADITIONAL_MARKS)?.length ?? 0;
  if (traditional < MIN_MARKS) return false;
  return traditional > (sample.match(SIMPLIFIED_MARKS)?.length ?? 0);
}

let convert: ((s: string) => string) | undefined;

/** OpenCC's converter, built on first use: only traditional documents pay for its dictionaries. */
function converter(): (s: string) => string {
  if (!convert) {
    const c = Converter({ from: 'hk', to: 'cn' });
    convert = (s) => c(s);
  }
  return convert;
}

/**
 * Taiwan-usage words that mirror sites substitute when they convert a mainland page (文件 → 檔案,
 * 信息 → 資訊), put back in the mainland wording the labels are written in. Each replacement has the
 * length of what it replaces; 档案 stays where it means archives (档案馆, 档案管理).
 */
const MIRROR_WORDS: [RegExp, string][] = [
  [/(?<=规范性|公开|相关|政策|上级)档案(?![馆局室管])/g, '文件'],
  [/资讯(?=公开)|(?<=政府)资讯/g, '信息'],
];

/**
 * The simplified-script text that matching reads, for a text in traditional script (OpenCC's
 * traditional → mainland conversion, with Hong Kong and Taiwan variants). The result has exactly the
 * length of the input, so every span found in it indexes the original too: a line whose phrase
 * conversion would change its length is converted character by character instead, and a character
 * whose conversion changes length is kept as it is. Words a Taiwan-usage mirror put in (規範性檔案) read
 * as the mainland ones (规范性文件).
 *
 * @example
 * toSimplifiedAligned('主動公開政府信息175條'); // '主动公开政府信息175条'
 */
export function toSimplifiedAligned(text: string): string {
  const run = converter();
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const whole = run(line);
    if (whole.length === line.length) {
      out.push(whole);
      continue;
    }
    let aligned = '';
    for (const ch of line) {
      const c = run(ch);
      aligned += c.length === ch.length ? c : ch;
    }
    out.push(aligned);
  }
  let simplified = out.join('\n');
  for (const [re, word] of MIRROR_WORDS) simplified = simplified.replace(re, word);
  return simplified;
}
