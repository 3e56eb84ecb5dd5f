import { describe, expect, it } from 'vitest';
import {
  agencyKey,
  agencyKeyOfName,
  canonicalBody,
  createAgencyIdentifier,
  type KeyedAgency,
  linkAgencyKeys,
  normalizeAgencyName,
} from '../src/agency/index.js';
import { defaultAgencyResolver, loadDivisions } from '../src/agency/node.js';

describe('agency names', () => {
  it('gives name variants of one body one spelling', () => {
    expect(normalizeAgencyName('中共平潭综合实验区党工委 平潭综合实验区管理委员会')).toBe(
      '平潭综合实验区管委会',
    );
    expect(normalizeAgencyName('平潭综合实验区党工委管委会')).toBe('平潭综合实验区管委会');
    expect(normalizeAgencyName('平潭综合实验区管委会')).toBe('平潭综合实验区管委会');
    expect(normalizeAgencyName('淮安市人民政府')).toBe('淮安市');
    expect(normalizeAgencyName('北京市东城区人民政府东华门街道办事处')).toBe('北京市东城区东华门街道');
    // The office of a government is a department: its 人民政府 stays.
    expect(normalizeAgencyName('上海市人民政府办公厅')).toBe('上海市人民政府办公厅');
  });
});

describe('agency identity from the division data', () => {
  const identify = defaultAgencyResolver();
  const brief = (stated: string) => {
    const { name, region, level } = identify(stated);
    return { name, region, level };
  };

  it('reads divisions inside one another, with the evidence', () => {
    const who = identify('淮安市洪泽区人民政府');
    expect(who).toMatchObject({
      name: '淮安市洪泽区',
      region: '320813',
      regionName: '洪泽区',
      level: 'county',
    });
    expect(who.evidence.map((e) => [e.text, e.code, e.by])).toEqual([
      ['淮安市', '3208', 'unique'],
      ['洪泽区', '320813', 'child'],
    ]);
    expect(brief('淮安市人民政府')).toEqual({ name: '淮安市', region: '3208', level: 'city' });
    expect(brief('舒兰市民政局')).toEqual({ name: '舒兰市民政局', region: '220283', level: 'department' });
    expect(brief('国家税务总局淮安市洪泽区税务局').region).toBe('320813');
  });

  it('puts a street office under its district, traditional forms included', () => {
    expect(brief('南山區人民政府桃源街道辦事處')).toEqual({
      name: '南山区桃源街道',
      region: '440305008',
      level: 'township',
    });
    expect(brief('重庆市九龙坡区二郎街道办事处').region).toBe('500107008');
  });

  it('leaves unknown what the name does not settle', () => {
    expect(brief('朝阳区人民政府')).toEqual({ name: '朝阳区', region: undefined, level: undefined });
    expect(identify('朝阳区人民政府').note).toMatch(/^ambiguous: 朝阳区 \(110105, 220104\)/);
    expect(identify('北京市朝阳区人民政府').region).toBe('110105');
    expect(identify('平潭综合实验区管委会').region).toBeUndefined();
    expect(identify('平潭综合实验区管委会').note).toBe('no division name in the agency name');
    // 林业局 is a township-level unit in the statistical codes, not an agency name's division.
    expect(brief('林业局').region).toBeUndefined();
  });

  it('is pure over the division list it is given', () => {
    const tiny = createAgencyIdentifier([
      { code: '32', name: '江苏省', level: 'province' },
      { code: '3208', name: '淮安市', level: 'city' },
    ]);
    expect(tiny('淮安市洪泽区人民政府')).toMatchObject({ region: '3208', level: 'department' });
    expect(loadDivisions().length).toBeGreaterThan(40_000);
  });
});

describe('agency keys', () => {
  const identify = defaultAgencyResolver();
  const keyOf = (stated: string) => agencyKey(identify(stated))?.key;
  const keyed = (stated: string): KeyedAgency => {
    const identity = identify(stated);
    const key = agencyKey(identity);
    if (!key) throw new Error(`no key for ${stated}`);
    return { identity, ...key };
  };
  const linked = (...names: string[]) => linkAgencyKeys(names.map(keyed)).map((k) => `${k.key} ${k.basis}`);

  it('gives the government of a division its code, whatever the prefix and the 人民政府/政府 wording', () => {
    expect(keyOf('淮安市洪泽区人民政府')).toBe('320813');
    expect(keyOf('洪泽区政府')).toBe('320813');
    expect(keyOf('凉州区张义镇人民政府')).toBe(keyOf('张义镇人民政府'));
    expect(keyOf('平潭县人民政府')).toBe('350128');
  });

  it('gives a department its division code and one spelling of its office, renamed or abbreviated', () => {
    expect(keyOf('苍溪县农业局')).toBe('510824/农业农村局');
    expect(keyOf('苍溪县农业农村局')).toBe('510824/农业农村局');
    expect(keyOf('文登区住建局')).toBe(keyOf('威海市文登区住房和城乡建设局'));
    expect(keyOf('上海市科委')).toBe(keyOf('上海市科学技术委员会'));
    expect(keyOf('舒兰市民政局')).toBe('220283/民政局');
    // A department is not its government, nor another department of the division.
    expect(keyOf('舒兰市民政局')).not.toBe(keyOf('舒兰市人民政府'));
    expect(keyOf('苍溪县农业农村局')).not.toBe(keyOf('苍溪县民政局'));
    expect(canonicalBody('人民政府办公室')).toBe(canonicalBody('政府办公室'));
  });

  it('reads a county that became a district (撤县设区) as that district, when only one district fits', () => {
    expect(keyOf('洪泽县人民政府')).toBe('320813');
    expect(keyOf('淮安市洪泽县人民政府')).toBe(keyOf('淮安市洪泽区人民政府'));
    expect(identify('淮安市洪泽县人民政府').evidence.map((e) => `${e.text} ${e.code} ${e.by}`)).toEqual([
      '淮安市 3208 unique',
      '洪泽县 320813 renamed',
    ]);
    // 文登市 (a county-level city until 2014) and 文登区 are one division for its departments too.
    expect(keyOf('文登市住建局')).toBe(keyOf('威海市文登区住房和城乡建设局'));
    // Two districts named 长安区 (西安, 石家庄): 长安县 stays unsettled; 朝阳县 is still a county.
    expect(identify('长安县人民政府').region).toBeUndefined();
    expect(keyOf('朝阳县人民政府')).toBe('211321');
    // Under its county, a township that became a town, and a town that became a street office.
    expect(keyOf('凉州区张义乡人民政府')).toBe(keyOf('凉州区张义镇人民政府'));
    expect(keyOf('淮安市洪泽区高良涧镇人民政府')).toBe(keyOf('淮安市洪泽区高良涧街道办事处'));
    // Without its county a township name settles nothing (乡 and 镇 names repeat across the country).
    expect(identify('张义乡人民政府').region).toBeUndefined();
  });

  it('keys a body the division list does not know by its name without the governing word', () => {
    for (const name of ['平潭综合实验区管委会', '平潭综合实验区党工委管委会', '平潭综合实验区'])
      expect(agencyKey(identify(name))).toEqual({ key: '平潭综合实验区', basis: 'name' });
  });

  it('links in a batch a name stated without its leading division names, when only one division fits', () => {
    expect(linked('平潭综合实验区管委会', '福建省平潭综合实验区管理委员会')).toEqual([
      '35/平潭综合实验区 linked',
      '35/平潭综合实验区 division',
    ]);
    expect(linked('朝阳区人民政府', '北京市朝阳区人民政府')).toEqual(['110105 linked', '110105 division']);
    // Two 朝阳区 in the batch: the short name stays unlinked.
    expect(linked('朝阳区人民政府', '北京市朝阳区人民政府', '长春市朝阳区人民政府')[0]).toBe('朝阳区 name');
  });

  it('gives no key to stated agencies that are pieces of a sentence (seen in the wide corpus), so they never group', () => {
    for (const stated of [
      '向社会公开',
      '做好',
      '赣县人民政府办公室关于做好',
      '市人民政府办公室关于做好',
      '湖北省人民政府办公厅关于做好',
      '淄博市林业局关于',
      '黎明街道信息公开',
      '街道办事处',
      '市人民政府办公室',
      '本机关',
      '民政局',
      '区财政局',
      '县农业局',
    ]) {
      expect(keyOf(stated), stated).toBeUndefined();
      expect(agencyKeyOfName(stated), stated).toBeUndefined();
    }
    // A date in front is no name; with the division list it is cut off and the division is read.
    expect(agencyKeyOfName('2023年洪泽区人民政府')).toBeUndefined();
    expect(keyOf('2023年洪泽区人民政府')).toBe('320813');
    // Names stay keyed, short ones included.
    for (const stated of [
      '赣县人民政府',
      '朝阳乡',
      '上海市科委',
      '武汉东湖新技术开发区',
      '沐阳县人民政府',
      '朝阳区民政局',
    ])
      expect(keyOf(stated), stated).toBeDefined();
  });

  it('leaves the words of the sentence before a division name out of the name (请联系…, 现公布…)', () => {
    expect(identify('请联系哈尔滨市道里区经纬街道办事处')).toMatchObject({
      name: '哈尔滨市道里区经纬街道',
      region: '230102011',
      level: 'township',
    });
    expect(keyOf('请联系哈尔滨市道里区经纬街道办事处')).toBe(keyOf('哈尔滨市道里区经纬街道办事处'));
    expect(keyOf('现公布南山区人民政府桃源街道办事处')).toBe(keyOf('南山區人民政府桃源街道辦事處'));
    // A body above the division is part of the name.
    expect(keyOf('国家税务总局淮安市洪泽区税务局')).toBe('320813/国家税务总局税务局');
    expect(keyOf('林业局 (临淄区)')).toBe(keyOf('临淄区林业局'));
    // Place names the list does not know (traditional script) stay in the name: a 街道 found after them is no cut.
    expect(identify('無錫市錫山區人民政府云林街道辦事處').name).toBe('無錫市錫山区云林街道');
    expect(keyOf('临淄区林业局')).toBe('370305/林业和草原局');
  });
});
