/** Traditional forms of the words that make up agency names (区县乡镇, 办事处, 委员会); place names stay as written. */
const TRADITIONAL_AFFIXES: Record<string, string> = {
  區: '区',
  縣: '县',
  鄉: '乡',
  鎮: '镇',
  辦: '办',
  處: '处',
  務: '务',
  員: '员',
  會: '会',
  黨: '党',
};

/**
 * One spelling for the name variants of a body, so that the reports of one agency over the years group
 * together: spaces and brackets unified, the traditional forms of 区县乡镇/办事处 simplified, 管理委员会 → 管委会, the 党工委 of a 党工委管委会 dropped (the pair
 * publishes one report), 人民政府 dropped after a division name (淮安市人民政府 → 淮安市) and before a
 * township or street office, and 街道办事处 → 街道. 人民政府办公室/办公厅 stay: the office is a department.
 *
 * @example
 * normalizeAgencyName('中共平潭综合实验区党工委 平潭综合实验区管理委员会'); // '平潭综合实验区管委会'
 * normalizeAgencyName('北京市东城区人民政府东华门街道办事处'); // '北京市东城区东华门街道'
 */
export function normalizeAgencyName(stated: string): string {
  let name = stated
    .normalize('NFKC')
    .replace(/[區縣鄉鎮辦處務員會黨]/g, (c) => TRADITIONAL_AFFIXES[c] ?? c)
    .replace(/[\s\u3000]+/g, '')
    .replace(/[“”"']/g, '');
  name = name.replace(/管理委员会/g, '管委会');
  // 中共X党工委（、）X管委会 and X党工委（、）管委会 are one body publishing one report.
  name = name.replace(
    /^(?:中共|中国共产党)?(.+?)(?:党工委|党的工作委员会|工作委员会)[、和与及]?(?:\1)?管委会/,
    '$1管委会',
  );
  name = name.replace(/人民政府(?=$|.{0,12}(?:街道|乡|镇)(?:办事处)?$)/, '');
  name = name.replace(/街道办事处$|街道办$/, '街道');
  return name;
}
