import { attrOf, childOf, childrenOf, tagOf, type XmlNode } from './xml.js';

interface Level {
  start: number;
  format: string;
  text: string;
  suffix: string;
  /** Level after which this level restarts (Word's `w:lvlRestart`, 0-based; default: any shallower level). */
  restartAfter?: number;
}

const DIGITS = '〇一二三四五六七八九';
const LEGAL = '零壹贰叁肆伍陆柒捌玖';
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const HEAVENLY = '甲乙丙丁戊己庚辛壬癸';
const EARTHLY = '子丑寅卯辰巳午未申酉戌亥';

/**
 * Writes a counter value the way Word prints a numbering format (`chineseCounting` 11 → 十一,
 * `decimalEnclosedCircle` 3 → ③, `upperRoman` 4 → IV …). Bullets and unknown formats give ''.
 *
 * @example
 * formatCounter(12, 'chineseCounting'); // '十二'
 */
export function formatCounter(n: number, format: string): string {
  switch (format) {
    case 'decimal':
    case 'decimalZero':
      return format === 'decimalZero' && n < 10 ? `0${n}` : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'chineseCounting':
    case 'chineseCountingThousand':
      return chineseCount(n, DIGITS);
    case 'ideographTraditional':
      return HEAVENLY[(n - 1) % 10] ?? '';
    case 'ideographZodiac':
      return EARTHLY[(n - 1) % 12] ?? '';
    case 'chineseLegalSimplified':
      return chineseCount(n, LEGAL).replace(/十/g, '拾').replace(/百/g, '佰').replace(/千/g, '仟');
    case 'ideographDigital':
      return String(n).replace(/\d/g, (d) => DIGITS[Number(d)] as string);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return CIRCLED[n - 1] ?? String(n);
    case 'decimalEnclosedParen':
      return `(${n})`;
    case 'decimalEnclosedFullstop':
      return `${n}.`;
    case 'lowerLetter':
    case 'upperLetter': {
      const letter = String.fromCharCode(97 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);
      return format === 'upperLetter' ? letter.toUpperCase() : letter;
    }
    case 'lowerRoman':
    case 'upperRoman': {
      const roman = toRoman(n);
      return format === 'lowerRoman' ? roman.toLowerCase() : roman;
    }
    default:
      return '';
  }
}

function chineseCount(n: number, digits: string): string {
  if (n <= 0) return digits[0] as string;
  if (n >= 10000) return String(n);
  const units = ['', '十', '百', '千'];
  const ds = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  ds.forEach((d, i) => {
    const unit = units[ds.length - 1 - i] as string;
    if (d === 0) {
      zero = out !== '';
      return;
    }
    if (zero) out += digits === DIGITS ? '零' : digits[0];
    zero = false;
    // 10–19 are read 十, 十一 … not 一十.
    out += (d === 1 && unit === '十' && out === '' ? '' : digits[d]) + unit;
  });
  return out;
}

function toRoman(n: number): string {
  const table: [number, string][] = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  let rest = n;
  for (const [v, s] of table) {
    while (rest >= v) {
      out += s;
      rest -= v;
    }
  }
  return out;
}

/**
 * Word's automatic list numbering, replayed: counters per list (`numId`) and level, with starts,
 * overrides and restarts, so a paragraph's printed marker (`一、`, `（二）`, `3.`) can be recovered.
 *
 * @example
 * const numbering = Numbering.parse(numberingXmlTree);
 * numbering.next('1', 0); // '一、'
 */
export class Numbering {
  private readonly counters = new Map<string, number[]>();

  private constructor(
    private readonly levels: Map<string, Level[]>,
    private readonly startOverrides: Map<string, Map<number, number>>,
  ) {}

  /** An empty numbering (a document without `word/numbering.xml`). */
  static empty(): Numbering {
    return new Numbering(new Map(), new Map());
  }

  /** Reads the parsed `word/numbering.xml`. */
  static parse(tree: XmlNode[]): Numbering {
    const root = tree.find((n) => tagOf(n) === 'w:numbering');
    const abstract = new Map<string, Level[]>();
    const nums = new Map<string, Level[]>();
    const overrides = new Map<string, Map<number, number>>();
    if (!root) return new Numbering(nums, overrides);
    for (const node of childrenOf(root)) {
      if (tagOf(node) !== 'w:abstractNum') continue;
      const levels: Level[] = [];
      for (const lvl of childrenOf(node)) {
        if (tagOf(lvl) !== 'w:lvl') continue;
        const ilvl = Number(attrOf(lvl, 'w:ilvl') ?? 0);
        const restart = childOf(lvl, 'w:lvlRestart');
        levels[ilvl] = {
          start: Number(attrOf(childOf(lvl, 'w:start') ?? {}, 'w:val') ?? 1),
          format: attrOf(childOf(lvl, 'w:numFmt') ?? {}, 'w:val') ?? 'decimal',
          text: attrOf(childOf(lvl, 'w:lvlText') ?? {}, 'w:val') ?? '',
          suffix: attrOf(childOf(lvl, 'w:suff') ?? {}, 'w:val') ?? 'tab',
          ...(restart ? { restartAfter: Number(attrOf(restart, 'w:val') ?? 0) - 1 } : {}),
        };
      }
      abstract.set(attrOf(node, 'w:abstractNumId') ?? '', levels);
    }
    for (const node of childrenOf(root)) {
      if (tagOf(node) !== 'w:num') continue;
      const numId = attrOf(node, 'w:numId') ?? '';
      const abstractId = attrOf(childOf(node, 'w:abstractNumId') ?? {}, 'w:val') ?? '';
      const levels = abstract.get(abstractId);
      if (levels) nums.set(numId, levels);
      const byLevel = new Map<number, number>();
      for (const o of childrenOf(node)) {
        if (tagOf(o) !== 'w:lvlOverride') continue;
        const start = childOf(o, 'w:startOverride');
        if (start) byLevel.set(Number(attrOf(o, 'w:ilvl') ?? 0), Number(attrOf(start, 'w:val') ?? 1));
      }
      overrides.set(numId, byLevel);
    }
    return new Numbering(nums, overrides);
  }

  /**
   * Advances the counter of list `numId` at level `ilvl` and returns the marker Word prints before the
   * paragraph ('' for bullets, `none` formats and unknown lists).
   */
  next(numId: string, ilvl: number): string {
    const levels = this.levels.get(numId);
    const level = levels?.[ilvl];
    if (!levels || !level || numId === '0') return '';
    let counts = this.counters.get(numId);
    if (!counts) {
      counts = [];
      this.counters.set(numId, counts);
    }
    const start = (i: number) => this.startOverrides.get(numId)?.get(i) ?? levels[i]?.start ?? 1;
    counts[ilvl] = counts[ilvl] === undefined ? start(ilvl) : (counts[ilvl] as number) + 1;
    for (let deeper = ilvl + 1; deeper < Math.max(counts.length, levels.length); deeper++) {
      const restartAfter = levels[deeper]?.restartAfter;
      if (restartAfter === undefined || restartAfter >= ilvl) counts[deeper] = undefined as unknown as number;
    }
    if (level.format === 'bullet' || level.format === 'none') return '';
    const marker = level.text.replace(/%([1-9])/g, (_, d: string) => {
      const i = Number(d) - 1;
      const value = counts[i] ?? start(i);
      return formatCounter(value, i === ilvl ? level.format : (levels[i]?.format ?? 'decimal'));
    });
    return marker && level.suffix === 'space' ? `${marker} ` : marker;
  }
}
