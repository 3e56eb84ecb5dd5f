/**
 * How the name of a body ends: 政府, 局, 委, 办公室, 街道, 镇, 区, 中心, 分行, 海关, 法院 … A stated agency that
 * ends otherwise (做好, 向社会公开, 信息公开, …关于) is a piece of a sentence, not a name.
 */
const BODY_ENDING =
  /(?:府|局|厅|委|会|办|室|处|署|院|所|站|队|部|司|社|馆|中心|街道|乡|镇|苏木|区|县|市|省|州|盟|旗|村|场|园|台|校|学|行|关|狱|协|联|团|组|科|庭|厂)$/;

/** Words no agency name holds, but the sentences a name is cut from do (请联系…, 现公布…, …关于做好…的通知). */
const SENTENCE_WORDS = /关于|做好|请|联系|公布|根据|按照|报告|通知|年度|负责/;

/** The words every body's name may have; what is left must be a proper name of at least two characters. */
const GENERIC_WORDS =
  /人民政府|政府|办公室|办公厅|办事处|街道|管委会|委员会|工作|人民|机关|单位|部门|本|我|该|各|有关/g;

/**
 * Whether a (normalised) stated agency is the name of a body rather than a piece of the sentence around
 * one: it ends the way body names end, holds none of the words (nor the dates) of the sentences names are cut from, and
 * has a proper name beside its generic words (街道办事处, 市人民政府办公室, 本机关 are no one in particular).
 * Agency keys are only made from names that pass, so that such fragments never group reports.
 *
 * @example
 * isAgencyName('平潭综合实验区管委会'); // true
 * isAgencyName('向社会公开'); // false
 * isAgencyName('赣县人民政府办公室关于做好'); // false
 * isAgencyName('街道办事处'); // false
 */
export function isAgencyName(name: string): boolean {
  const bare = name.replace(/[(（][^()（）]*[)）]$/, '').replace(/[()（）]/g, '');
  if (!BODY_ENDING.test(bare) || SENTENCE_WORDS.test(bare) || /\d/.test(bare)) return false;
  return bare.replace(GENERIC_WORDS, '').length >= 2;
}

/**
 * Whether the words before the first division name of an agency name belong to the name. They do unless
 * they read as the sentence the name was cut from (请联系, 现公布, 根据…, a date): a body above the division
 * (国家税务总局 …税务局), the party prefix 中共, or place names the division list does not know (無錫市錫山區
 * in traditional script before 云林街道) stay.
 *
 * @example
 * isNamePrefix('国家税务总局'); // true
 * isNamePrefix('请联系'); // false
 */
export function isNamePrefix(prefix: string): boolean {
  return !SENTENCE_WORDS.test(prefix) && !/\d/.test(prefix);
}
