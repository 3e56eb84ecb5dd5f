/**
 * Department names that mean one office under different spellings: the full and short forms (住房和城乡建设局,
 * 住房城乡建设局, 住建局) and the names an office took in the 2018 reorganisation of government departments
 * (农业局 → 农业农村局, 环境保护局 → 生态环境局, 国土资源局 → 自然资源局 …). Each line is the stems of one office,
 * the first being the spelling used in agency keys.
 */
const OFFICES: string[][] = [
  ['农业农村', '农业', '农牧', '农业委员会', '农委'],
  ['生态环境', '环境保护', '环保'],
  ['自然资源', '自然资源和规划', '国土资源', '国土资源和规划', '国土'],
  ['住房和城乡建设', '住房城乡建设', '住房和城乡规划建设', '住建', '建设'],
  ['科学技术', '科技', '科学技术委员会', '科委'],
  ['经济和信息化', '经济信息化', '经信', '工业和信息化', '工信', '经济和信息化委员会', '经信委'],
  ['人力资源和社会保障', '人力资源社会保障', '人社', '劳动和社会保障', '劳动保障'],
  ['卫生健康', '卫生和计划生育', '卫生计生', '卫计', '卫生', '卫健', '卫生和计划生育委员会', '卫计委'],
  ['文化和旅游', '文化广电和旅游', '文化广电旅游', '文化广电新闻出版', '文广新', '文旅', '文化'],
  ['交通运输', '交通'],
  ['水利', '水务'],
  ['林业和草原', '林业'],
  ['应急管理', '安全生产监督管理', '安监'],
  ['市场监督管理', '市场监管', '工商行政管理', '工商', '食品药品监督管理', '质量技术监督'],
  ['发展和改革', '发展改革', '发改', '发展和改革委员会', '发改委'],
  ['教育', '教育委员会', '教委', '教育体育', '教育和体育'],
  ['财政'],
  ['民政'],
  ['司法'],
  ['审计'],
  ['统计'],
  ['商务'],
];

/** The kind of office a stem is followed by: 局, 厅 (province), 委 / 委员会, 办. */
const OFFICE_KIND = /(?:局|厅|委员会|委)$/;

const CANONICAL = new Map<string, string>();
for (const [canonical, ...variants] of OFFICES)
  for (const stem of [canonical as string, ...variants]) CANONICAL.set(stem, canonical as string);

/**
 * One spelling for a department name within its division: the office stems above become their first
 * form and the office kind (局, 厅, 委员会) becomes 局; 人民政府办公室 and 政府办公室 are one office. Names
 * not listed stay as they are.
 *
 * @example
 * canonicalBody('住建局'); // '住房和城乡建设局'
 * canonicalBody('农业农村局'); // '农业农村局'
 * canonicalBody('人民政府办公室'); // '政府办公室'
 */
export function canonicalBody(body: string): string {
  const name = body.replace(/^人民政府/, '政府');
  const kind = OFFICE_KIND.exec(name);
  if (!kind) return name;
  const stem = name.slice(0, kind.index);
  const canonical = CANONICAL.get(stem) ?? CANONICAL.get(name);
  return canonical ? `${canonical}局` : name;
}

/**
 * Whether a name is one of the offices above and nothing more (民政局, 住建局, 农业农村局): a department
 * named without its division, which is no body in particular.
 *
 * @example
 * isOfficeName('民政局'); // true
 * isOfficeName('舒兰市民政局'); // false
 */
export function isOfficeName(name: string): boolean {
  const kind = OFFICE_KIND.exec(name);
  return kind !== null && CANONICAL.has(name.slice(0, kind.index));
}
