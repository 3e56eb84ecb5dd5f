import { describe, expect, it } from 'vitest';
import { normalizeText } from '../src/text/normalize.js';

describe('normalizeText', () => {
  it('drops spaces between Chinese and digits but keeps them between numbers', () => {
    const { text } = normalizeText('截至 2019 年 12 月 31 日，行政许可 3960 181');
    expect(text).toBe('截至2019年12月31日，行政许可3960 181');
  });

  it('turns CRLF into LF and full-width digits into ASCII, mapping offsets back', () => {
    const input = '共\r\n８４条';
    const { text, map } = normalizeText(input);
    expect(text).toBe('共\n84条');
    expect(map.toSource(2)).toBe(3);
    expect(map.toSource(3)).toBe(4);
  });

  it('removes leaked Word conditional comments', () => {
    const { text } = normalizeText('<!--[if !supportLists]-->7、<!--[endif]-->加强培训');
    expect(text).toBe('7、加强培训');
  });

  it('strips a crawler header and keeps its fields', () => {
    const { text, header } = normalizeText(
      '标题: 某报告\n发布时间: 2022-02-08 16:34\n页面链接与图片详见 links.tsv(同目录)\n==== 正文 ====\n正文第一行',
    );
    expect(text).toBe('正文第一行');
    expect(header['标题']).toBe('某报告');
    expect(header['发布时间']).toBe('2022-02-08 16:34');
  });

  it('drops pinyin reading aids after characters and keeps other brackets', () => {
    // jiangsu-xishan-yunlin-jiedao-2015.txt (a mirror printing pinyin after some characters)
    const input = '2015年我街道未發生因政府信息公開而申請行政復(fù)議、提起行政訴訟的情況。';
    const { text, map } = normalizeText(input);
    expect(text).toBe('2015年我街道未發生因政府信息公開而申請行政復議、提起行政訴訟的情況。');
    const at = text.indexOf('議');
    expect(input[map.toSource(at)]).toBe('議');
    // zhejiang-shangyu-xiaguan-zhen-2009.txt
    expect(normalizeText('在政府門戶網(wǎng)站上主動公開信息數量為46件').text).toBe(
      '在政府門戶網站上主動公開信息數量為46件',
    );
    expect(normalizeText('第二十条第(a)项 附件(pdf) 样本(A)').text).toBe('第二十条第(a)项 附件(pdf) 样本(A)');
  });
});
