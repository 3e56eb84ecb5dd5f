import type { Located } from './title.js';

/** An organ of government named in running text: a place, then the organ (张义镇人民政府, 某县民政局). */
const ORGAN =
  /[\u4e00-\u9fff]{2,14}?(?:人民政府办公室|人民政府|街道办事处|管理委员会|管委会|办事处|委员会|局)(?![\u4e00-\u9fff]{0,2}(?:网|门户))/g;
/** What may stand right before a name: a line start, punctuation, a space or a table rule. */
const BOUNDARY = /[\n\s,，、。；;:：|（(“"》]/;
/** A name needs a place in it; words of a sentence (我, 本, 的, 了 …) mean the match ran into prose. */
const PLACE = /[省市县区州旗盟镇乡]|街道|自治/;
const PROSE = /[我本该其的了在对和与及由为向据按照各全]/;
/** A kind of place instead of a place's name (`自治州人民政府` in a template note `设区的市、自治州人民政府应提供…`). */
const GENERIC_PLACE = /^(?:自治[州县区旗]|乡镇|县级|市级|省级|区级)/;
/** Places and organs to put in front of a name for its fuller form (凉州区 + 张义镇人民政府). */
const PLACE_PREFIX = /(?:[\u4e00-\u9fff]{1,6}?[省市县区州旗盟])+$/;

/**
 * The issuing organ as the body names it, when no title or signature does: the organ named most often
 * (a name that longer ones end with counts for them too), in the fullest form the text gives
 * (`凉州区张义镇人民政府` over `张义镇人民政府`). Site names (`…人民政府网`, `…门户网站`) are not organs.
 *
 * @example
 * agencyFromBody('发布机构 | 凉州区张义镇人民政府\n…2009年,张义镇人民政府信息公开工作…')?.value; // '凉州区张义镇人民政府'
 */
export function agencyFromBody(text: string): Located<string> | undefined {
  const names = new Map<string, [number, number]>();
  for (const m of text.matchAll(ORGAN)) {
    const name = cleanLead(m[0]);
    const at = m.index + m[0].length - name.length;
    if (at > 0 && !BOUNDARY.test(text[at - 1] as string) && name === m[0]) continue;
    if (name.length < 5 || !PLACE.test(name) || PROSE.test(name) || GENERIC_PLACE.test(name)) continue;
    if (!names.has(name)) names.set(name, [at, at + name.length]);
  }
  if (names.size === 0) return undefined;
  const count = (name: string) => text.split(name).length - 1;
  let base: string | undefined;
  for (const name of names.keys()) if (!base || count(name) > count(base)) base = name;
  if (!base) return undefined;
  return fullerName(text, { value: base, span: names.get(base) as [number, number] });
}

/**
 * The fullest form of an organ's name that the text gives: the same name with its county or city in
 * front (`遂溪县建新镇人民政府` for `建新镇人民政府`), else the name as found.
 *
 * @example
 * fullerName('…遂溪县建新镇人民政府…', { value: '建新镇人民政府', span: [0, 7] }).value; // '遂溪县建新镇人民政府'
 */
export function fullerName(text: string, found: Located<string>): Located<string> {
  let best = found;
  let from = text.indexOf(found.value);
  while (from >= 0) {
    const before = cleanLead(text.slice(Math.max(0, from - 12), from));
    const prefix = PLACE_PREFIX.exec(before)?.[0];
    if (prefix && !PROSE.test(prefix) && prefix.length + found.value.length > best.value.length) {
      const at = from - prefix.length;
      best = { value: prefix + found.value, span: [at, from + found.value.length] };
    }
    from = text.indexOf(found.value, from + 1);
  }
  return best;
}

/**
 * Drops what comes before the last boundary or linking word (受理单位为舒兰市民政局 → 舒兰市民政局,
 * 请联系哈尔滨市道里区… → 哈尔滨市道里区…).
 */
function cleanLead(s: string): string {
  const cut = /.*(?:[\n\s,，、。；;:：|（(“"》]|为|是|由|向|与|和|及|在|对|据|联系|公布|请)/.exec(s);
  return cut ? s.slice(cut[0].length) : s;
}
