import { tag } from 'jieba-wasm';
import { type ChannelKind, ChannelKindSchema } from '../model/index.js';
import type { Token } from './segmenter.js';

const KINDS = new Set<string>(ChannelKindSchema.options);

/** Words that end a channel name when walking left from its head word. */
const STOP = new Set([
  '在',
  '于',
  '通过',
  '经',
  '经由',
  '利用',
  '依托',
  '借助',
  '向',
  '由',
  '从',
  '主要',
  '全年',
  '共',
  '累计',
  '其中',
  '分别',
  '并',
  '还',
  '以及',
  '及',
  '和',
  '与',
  '或',
  '等',
  '各类',
  '年',
  '月',
  '日',
  '是',
  '为',
  '有',
  '已',
  '均',
  '同时',
  '上',
  '中',
  '公开',
  '主动公开',
  '发布',
  '刊出',
  '刊登',
  '刊发',
  '推送',
  '播出',
  '更新',
  '上传',
  '公布',
  '开设',
  '设立',
  '建立',
  '信息',
  '政府信息',
]);

/**
 * The channel family of a word: its tag in the domain dictionary, else its ending (…网站/…网 → website,
 * …群 → imGroup, …号 → newMedia). `undefined` for words that are not channel heads.
 *
 * @example
 * channelKindOf({ word: '工作群', start: 0, end: 3 }); // 'imGroup'
 */
export function channelKindOf(token: Token): ChannelKind | undefined {
  if (token.tag && KINDS.has(token.tag)) return token.tag as ChannelKind;
  const w = token.word;
  if (w.length < 2) return undefined;
  if (/(网站|网页)$/.test(w) || (/网$/.test(w) && !/^(上网|联网|入网)$/.test(w))) return 'website';
  if (/群$/.test(w) && !/^(人群|社群|族群)$/.test(w)) return 'imGroup';
  if (/(公众号|微信号)$/.test(w)) return 'wechat';
  if (/(抖音号|视频号|快手号)$/.test(w)) return 'video';
  if (/(头条号|客户端)$/.test(w)) return 'newMedia';
  return undefined;
}

/** Parts of speech jieba gives place names (and names it takes for people's, like 舒兰). */
const PLACE_TAGS = new Set(['ns', 'nr', 'nrt', 'nz']);
/** Words after which `X发布` is still a name in a list rather than a verb with its object. */
const LIST_WORDS = new Set(['等', '及', '和', '与', '以及']);

/**
 * Joins a place name and 发布 into one word when they name a government news account (舒兰发布, 上海发布),
 * as the dictionary does for …号 and …群 by their ending: the place must be a name to jieba and the pair
 * must stand as a noun (followed by nothing, punctuation, a number, 等 or a channel), so `集中发布3次`,
 * `民政局发布20条` and `在其他渠道发布信息` keep 发布 as the verb. Call after segmenting.
 *
 * @example
 * joinAccountNames(segmentWords('舒兰发布')).map((t) => t.word); // ['舒兰发布']
 */
export function joinAccountNames(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    const prev = out[out.length - 1];
    const next = tokens[i + 1];
    if (
      token.word === '发布' &&
      prev &&
      prev.end === token.start &&
      isPlaceName(prev) &&
      standsAsNoun(next)
    ) {
      out[out.length - 1] = {
        word: prev.word + token.word,
        start: prev.start,
        end: token.end,
        tag: 'newMedia',
      };
      continue;
    }
    out.push(token);
  }
  return out;
}

function isPlaceName(token: Token): boolean {
  if (!/^\p{Script=Han}{2,4}$/u.test(token.word) || STOP.has(token.word) || channelKindOf(token))
    return false;
  const tagged = tag(token.word, true);
  return tagged.length === 1 && PLACE_TAGS.has(tagged[0]?.tag ?? '');
}

function standsAsNoun(next: Token | undefined): boolean {
  return (
    next === undefined ||
    !/^\p{Script=Han}/u.test(next.word) ||
    LIST_WORDS.has(next.word) ||
    channelKindOf(next) !== undefined
  );
}

/** A channel named in a stretch of words: its family, the name as written and where it sits. */
export interface NamedChannel {
  kind: ChannelKind;
  name: string;
  start: number;
  end: number;
}

/**
 * Finds the channels named in a run of words (one clause up to a count). A name is the channel head word
 * with the words before it that qualify it (`民政局` + `微信公众号`), stopping at prepositions, verbs,
 * conjunctions, numbers and punctuation, so `通过A、B及C` names three channels.
 *
 * @example
 * namedChannels(segmentWords('通过民政局微信公众号、QQ群发布')).map((c) => c.name); // ['民政局微信公众号', 'QQ群']
 */
export function namedChannels(tokens: Token[], text: string, base: number): NamedChannel[] {
  const found: NamedChannel[] = [];
  let floor = tokens.length;
  for (let i = tokens.length - 1; i >= 0; i--) {
    if (i >= floor) continue;
    const head = tokens[i];
    if (!head) continue;
    const kind = channelKindOf(head);
    if (!kind) continue;
    let j = i;
    while (j > 0) {
      const prev = tokens[j - 1];
      if (!prev || STOP.has(prev.word) || !/^[\p{Script=Han}A-Za-z]+$/u.test(prev.word)) break;
      j--;
    }
    const first = tokens[j];
    if (!first) continue;
    found.unshift({
      kind: kindOfName(text.slice(first.start - base, head.end - base), kind),
      name: text.slice(first.start - base, head.end - base),
      start: first.start,
      end: head.end,
    });
    floor = j;
  }
  return found;
}

/** A name ending in a generic head can still be a known outlet (`其他渠道`). */
function kindOfName(name: string, kind: ChannelKind): ChannelKind {
  if (/^(其他|其它)/.test(name)) return 'other';
  return kind;
}
