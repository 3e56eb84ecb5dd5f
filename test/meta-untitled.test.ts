import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFile, parseText } from '../src/index.js';
import { agencyFromBody } from '../src/meta/agency.js';
import { corpusPath } from './helpers/corpus.js';

describe('metadata without a textbook title (real reports)', () => {
  it('takes no sentence fragment as title or agency; the organ comes from the body, in its fuller form', async () => {
    const report = await parseFile(corpusPath('meta-zhangyi-2009.txt'));
    expect(report.meta.title).toBeUndefined();
    expect(report.meta.agency).toBe('凉州区张义镇人民政府');
    expect(report.meta.reportYear).toBe(2009);
    const text = report.text ?? '';
    expect(text.slice(...(report.meta.spans.agency ?? [0, 0]))).toBe('凉州区张义镇人民政府');
  });

  it('keeps the 政府 of 人民政府 in a title where the year comes first (2008年张义镇人民政府信息公开…)', async () => {
    const report = await parseFile(corpusPath('gansu-liangzhou-zhangyi-zhen-2008.txt'), { rules: false });
    expect(report.meta.title).toBe('2008年张义镇人民政府信息公开工作年度报告');
    expect(report.meta.agency).toBe('凉州区张义镇人民政府');
    expect(report.meta.reportYear).toBe(2008);
  });

  it('reads the report year from the body when there is neither title nor period', () => {
    const text = readFileSync(corpusPath('meta-zhangyi-2009.txt'), 'utf8').replace(
      /本报告中所列数据的统计期限[^。]*。/,
      '',
    );
    const report = parseText(text, { rules: false });
    expect(report.meta.periodStart).toBeUndefined();
    expect(report.meta.reportYear).toBe(2009);
  });

  it('reads a title that ends 信息公开的报告', async () => {
    const report = await parseFile(corpusPath('meta-hongshan-2011.txt'));
    expect(report.meta.title).toBe('虹山乡人民政府2011年度信息公开的报告');
    expect(report.meta.agency).toBe('虹山乡人民政府');
    expect(report.meta.reportYear).toBe(2011);
  });

  it("widens a title's short name to the fuller form the document gives", async () => {
    const report = await parseFile(corpusPath('hongze-2023.pdf'), { rules: false });
    expect(report.meta.title).toBe('洪泽区人民政府2023年政府信息公开工作年度报告');
    expect(report.meta.agency).toBe('淮安市洪泽区人民政府');
  });

  it('does not take a site name for the organ', () => {
    // Lines of a real page (将乐县安仁乡, 2010): the site in the source line, the organ in the body.
    const page =
      '来源:将乐县人民政府门户网站 时间:2011-02-28 10:51\n我乡在2010年度共计制作、获取政府信息总数148条。安仁乡人民政府的公文信息主要是本单位的基本概况。';
    expect(agencyFromBody(page)?.value).toBe('安仁乡人民政府');
  });
});
