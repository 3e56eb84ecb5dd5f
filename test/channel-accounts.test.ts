import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseText } from '../src/core/pipeline.js';
import { joinAccountNames } from '../src/extract/channels.js';
import { segmentWords } from '../src/extract/segmenter.js';
import { loadDomainDictionary } from '../src/node/dictionary.js';
import { fixturePath, ROOT } from './helpers/corpus.js';

const words = (text: string) =>
  joinAccountNames(segmentWords(text, 0, loadDomainDictionary())).map((t) => t.word);

describe('…发布 news accounts', () => {
  it('are not listed one by one in the dictionary', () => {
    const dict = readFileSync(join(ROOT, 'dict/xxgk.dict.txt'), 'utf8');
    expect(dict.split('\n').filter((line) => /^\S+发布 /.test(line) && !line.startsWith('新闻发布'))).toEqual(
      [],
    );
  });

  it('are recognised by pattern: a place name and 发布 standing as a noun', () => {
    expect(words('舒兰发布')).toEqual(['舒兰发布']);
    expect(words('广播电台、平潭发布等信息公开媒体')).toContain('平潭发布');
    expect(words('通过长春发布、吉林发布')).toEqual(expect.arrayContaining(['长春发布', '吉林发布']));
    // 发布 as the verb stays a verb
    expect(words('集中发布')).not.toContain('集中发布');
    expect(words('民政局发布')).not.toContain('民政局发布');
    expect(words('在其他渠道发布信息')).not.toContain('渠道发布');
    expect(words('在上海发布信息')).not.toContain('上海发布');
  });

  it('count as new-media channels in a real report and an invented one', () => {
    const seed = parseText(readFileSync(fixturePath('seed-2018-shulan-minzheng.txt'), 'utf8'));
    expect(seed.channels.find((c) => c.name === '舒兰发布')).toMatchObject({
      channel: 'newMedia',
      value: 20,
    });
    const invented = parseText(
      '二、主动公开政府信息情况\n全年主动公开政府信息300条，其中政府网站公开200条；平潭发布35条。',
    );
    expect(invented.channels.find((c) => c.name === '平潭发布')).toMatchObject({
      channel: 'newMedia',
      value: 35,
    });
  });
});
