import type { BreakdownClaim, BreakdownPart, Claim, CountClaim, PercentageClaim } from '../../model/index.js';
import type { ClaimContext, ClaimRefiner } from '../types.js';
import { inFamily, UNIT_FAMILY, type UnitFamily } from '../units.js';

/**
 * Words that open the parts of a total; 中 right after a total's noun (`主动公开的1913条政府信息中，…`)
 * makes the items that follow a share of it.
 */
const CUE = /其中|包括|分别为|分别是|含|^[^，,。；;\d]{0,8}中(?=[，,：:])/;
/** A segment after a semicolon that opens its own statement (its own total, 其中 or period) ends the parts. */
const NEW_STATEMENT = /其中|总数|总计|合计|(?<![公一])共(?!享|建|同|计划)|累计|全年|另外|此外|同时/;
/** The words that tie a share to its count (`占总数的`), which name the total without stating one. */
const SHARE_WORDS = /占(?:比|总数的?|比例为?)/g;
/** Words between a count and its share (`1397条，占73%`). */
const SHARE_LINK = /^[^，,；;。\d]{0,2}[，,、\s]*(?:约)?占(?:比|总数的?|比例为?)?[为达]?$/;
/** A part named as the rest (`其他概况类信息494条`, `其它事项123条`): the list claims to be the whole. */
const REST = /其[他它余]/;
/**
 * The three classes the 《条例》 sorts all government information into: published proactively, on request,
 * or not published. Parts naming all three (`信息总数3978条，其中主动公开…2026条，作为依申请公开信息数46条，
 * 不予公开信息数1854条`) claim the whole.
 */
const DISCLOSURE_CLASSES = ['active.total', 'applications.received.total', 'applications.answered.denied'];

/**
 * Adds a breakdown claim for each total followed by its parts: the counts after it in its sentence (and
 * in the next sentence when that opens with 其中), in the same unit family, up to the first count that
 * names another subject (`其中…；行政复议2件` stops before 行政复议), opens a statement of its own after a
 * semicolon (`…；对申请的答复总数21件`) or is a running total (累计). A total other than the proactive
 * total needs a cue (其中, 包括, 分别为, 含); `active.total` lists its channels without one
 * (`累计主动公开…84条。其中，在…公开64条`). A bracket opened after the cue is an aside
 * (`网站公开50条（其中政策解读10条）`), not a part; a list in a bracket ends with it. Parts that each carry a
 * share (`1397条，占73%。各乡镇…534条，占27%。`) may go on in the next sentences until the shares make
 * 100%; such a list, one whose last part is the rest (其他…), or one naming the three classes of information
 * (主动公开, 依申请公开, 不予公开) of an unnamed total, is marked `exhaustive`. A number of
 * categories announced for the parts (`共计十一大类(其中…231条、…)`, `共120条，分为五大类，其中…`) is kept
 * as `categories`; standing alone, it opens a breakdown without a total.
 *
 * @example
 * // 主动公开政府信息84条，其中网站公开64条 → { kind: 'breakdown', indicator: 'active.total', value: 84, parts: [{ indicator: 'active.channels.website', value: 64, … }] }
 */
export const breakdownRefiner: ClaimRefiner = {
  name: 'breakdown',
  refine(ctx, claims) {
    const counts = claims.filter((c): c is CountClaim => c.kind === 'count');
    const shares = claims.filter((c): c is PercentageClaim => c.kind === 'percentage');
    const added: BreakdownClaim[] = [];
    /** Category counts already read as the announced number of a total's parts. */
    const announced = new Set<CountClaim>();
    counts.forEach((total, i) => {
      if (announced.has(total)) return;
      let end = total.sentence[1];
      const next = ctx.sentences.find(([s]) => s >= end);
      // The next sentence lists the parts when it opens with 其中 or with the total's subject as its topic
      // (`…主动公开政府信息2026条…。主动公开的政府信息，县直各单位…2475条，占62.2%。`).
      const own = counts.slice(i + 1).find((c) => c.span[0] < end);
      const listedHere = own !== undefined && cueBefore(ctx.text, total, own.span[0]) !== undefined;
      const topic = !listedHere && next && topicOpener(ctx.text.slice(next[0], next[1]), total.subject);
      if (next && (topic || /^其中/.test(ctx.text.slice(next[0], next[0] + 2)))) end = next[1];
      const partsFrom = topic && next ? next[0] : 0;
      let following = counts.slice(i + 1).filter((c) => c.span[0] < end && c.span[0] >= partsFrom);
      // 共计十一大类(其中…231条、…): the number of categories stands for the total, which is not stated.
      const categoriesOnly = inFamily(total.unit, 'categories');
      let categories = categoriesOnly ? total : undefined;
      const beforeParts = following.findIndex((c) => !inFamily(c.unit, 'categories'));
      if (!categoriesOnly && beforeParts > 0) {
        categories = following[beforeParts - 1];
        following = following.slice(beforeParts);
      }
      const first = following[0];
      if (!first || (categoriesOnly && inFamily(first.unit, 'categories'))) return;
      const family = categoriesOnly ? familyOf(first.unit) : familyOf(total.unit);
      const cue = topic && next ? { word: topic, at: next[0] } : cueBefore(ctx.text, total, first.span[0]);
      // A channel count totals only the items it names (`网站公开的1913条政府信息中，…`), not the channels.
      if (!canBeTotal(total.indicator) && cue?.word !== '中') return;
      // A count that names no indicator is a total only by its cue (`共发布信息120条，包括…`).
      if (!cue && total.indicator !== 'active.total') return;
      if (categories && categories !== total) announced.add(categories);
      const listStart = cue ? cue.at : total.span[1];
      const listClose = closingParen(ctx.text, listStart, end);
      const parts: CountClaim[] = [];
      let from = listStart;
      for (const c of following) {
        if (c.span[0] > listClose) break;
        // A count in another unit describes the part before it (`微博29个，共发布信息1992条；微信41个`) or
        // names it (`属于四类过程性信息1件`); the list goes on after it.
        if (family && !inFamily(c.unit, family)) continue;
        if (!sameSubject(total.indicator, c.indicator)) break;
        if (endsList(ctx.text.slice(from, c.span[0]))) break;
        from = c.span[1];
        if (insideParens(ctx.text, c.span[0], listStart)) continue;
        parts.push(c);
      }
      if (parts.length === 0) return;
      const unitless = unitlessLast(
        ctx.text,
        parts[parts.length - 1] as CountClaim,
        Math.min(end, listClose),
      );
      if (unitless) parts.push(unitless);
      const withShares = parts.map((p) => ({ count: p, share: shareOf(ctx.text, p, shares) }));
      if (withShares.every((p) => p.share !== undefined) && listClose >= end) {
        end = continueByShares(ctx, counts, shares, withShares, end, family);
      }
      const shareSum = withShares.every((p) => p.share !== undefined)
        ? withShares.reduce((a, p) => a + (p.share?.value ?? 0), 0)
        : undefined;
      const last = withShares[withShares.length - 1]?.count as CountClaim;
      const lastName = ctx.text.slice(Math.max(listStart, last.clause[0]), last.span[0]);
      const exhaustive =
        (shareSum !== undefined && Math.abs(shareSum - 100) <= 1) ||
        REST.test(lastName) ||
        (total.indicator === '' &&
          DISCLOSURE_CLASSES.every((k) => parts.some((p) => p.indicator === k && p.unit === total.unit)));
      const claim: BreakdownClaim = {
        kind: 'breakdown',
        indicator: total.indicator,
        scope: total.scope,
        unit: categoriesOnly ? first.unit : total.unit,
        qualifier: total.qualifier,
        cue: cue?.word ?? '',
        parts: withShares.map(({ count, share }) => toPart(count, share)),
        stated: total.stated,
        span: total.span,
        clause: total.clause,
        sentence: [total.sentence[0], end],
        parser: 'breakdown',
      };
      if (!categoriesOnly) claim.value = total.value;
      if (categories)
        claim.categories = { value: categories.value, stated: categories.stated, span: categories.span };
      if (exhaustive && withShares.length > 1) claim.exhaustive = true;
      if (total.year !== undefined) claim.year = total.year;
      if (total.subject !== undefined) claim.subject = total.subject;
      if (total.subjectSpan) claim.subjectSpan = total.subjectSpan;
      added.push(claim);
    });
    return [...claims, ...added].sort((a: Claim, b: Claim) => a.span[0] - b.span[0]);
  },
};

/**
 * The opening phrase of a sentence that takes a total's subject as its topic (`主动公开的政府信息，`): a noun
 * phrase with 的 naming the subject, without a number, up to the first comma.
 */
function topicOpener(sentence: string, subject: string | undefined): string | undefined {
  if (!subject) return undefined;
  const m = /^[^，,。；;\d]{2,14}[，,]/.exec(sentence);
  return m?.[0].includes(subject) && m[0].includes('的') ? m[0] : undefined;
}

/** A channel count is a total across channels (`网站、微信、微博共发布…`), else only with 中. */
function canBeTotal(indicator: string): boolean {
  return !indicator.startsWith('active.channels.');
}

/**
 * The cue between a total and its first following count. 包括/分别为/含 inside a bracket is an aside
 * (`网站(含转发)319条`), not a list of the total's parts.
 */
function cueBefore(
  text: string,
  total: CountClaim,
  firstPart: number,
): { word: string; at: number } | undefined {
  const between = text.slice(total.span[1], firstPart);
  const m = CUE.exec(between);
  if (!m) return undefined;
  const word = m[0].endsWith('中') && m[0] !== '其中' ? '中' : m[0];
  const at = total.span[1] + m.index + m[0].length - word.length;
  if (word !== '其中' && insideParens(text, at, total.span[1])) return undefined;
  return { word, at };
}

/** Where a list that opens inside a bracket ends: the bracket's close (or `end` when it opens outside). */
function closingParen(text: string, listStart: number, end: number): number {
  let depth = 0;
  for (let i = listStart - 1; i >= 0 && text[i] !== '\n' && text[i] !== '。'; i--) {
    const c = text[i];
    if (c === '）' || c === ')') depth--;
    else if (c === '（' || c === '(') depth++;
    if (depth > 0) break;
  }
  if (depth <= 0) return end;
  for (let i = listStart, d = 1; i < end; i++) {
    const c = text[i];
    if (c === '（' || c === '(') d++;
    else if ((c === '）' || c === ')') && --d === 0) return i;
  }
  return end;
}

/** Whether the text between two list items closes the list: a running total, or a semicolon opening a new statement. */
function endsList(gap: string): boolean {
  if (/累计/.test(gap)) return true;
  const semi = gap.search(/[；;]/);
  return semi !== -1 && NEW_STATEMENT.test(gap.slice(semi + 1));
}

/** Whether an offset sits in a bracket opened after `from`. */
function insideParens(text: string, offset: number, from: number): boolean {
  let depth = 0;
  for (let i = from; i < offset; i++) {
    const c = text[i];
    if (c === '（' || c === '(') depth++;
    else if ((c === '）' || c === ')') && depth > 0) depth--;
  }
  return depth > 0;
}

/** The share stated right after a count (`1397条，占73%`). */
function shareOf(text: string, c: CountClaim, shares: PercentageClaim[]): PercentageClaim | undefined {
  const after = c.span[1];
  const pct = shares.find((p) => p.span[0] > after && p.span[0] - after <= 12);
  return pct && SHARE_LINK.test(text.slice(after, pct.span[0])) ? pct : undefined;
}

/**
 * Parts that each carry a share go on in the following sentences, one count with its share each
 * (`其中，区直…1397条，占73%。各乡镇…534条，占27%。`), while the shares stay below 100% or the sentence
 * is worded like the part before it.
 */
function continueByShares(
  ctx: ClaimContext,
  counts: CountClaim[],
  shares: PercentageClaim[],
  parts: { count: CountClaim; share: PercentageClaim | undefined }[],
  end: number,
  family: UnitFamily | undefined,
): number {
  let sum = parts.reduce((a, p) => a + (p.share?.value ?? 0), 0);
  const linkOf = (c: CountClaim, p: PercentageClaim) => ctx.text.slice(c.span[1], p.span[0]);
  const last = parts[parts.length - 1];
  let link = last?.share ? linkOf(last.count, last.share) : undefined;
  let skipped = false;
  for (const [s, e] of ctx.sentences.filter(([s]) => s >= end)) {
    // 占总数的 links a share; it opens no statement of its own.
    if (NEW_STATEMENT.test(ctx.text.slice(s, e).replace(SHARE_WORDS, ''))) break;
    const here = counts.filter(
      (c) => s <= c.span[0] && c.span[0] < e && (!family || inFamily(c.unit, family)),
    );
    // One sentence without a count between two parts comments on the part before (`主要是因为…`).
    if (here.length === 0 && !skipped) {
      skipped = true;
      continue;
    }
    skipped = false;
    const only = here.length === 1 ? (here[0] as CountClaim) : undefined;
    const share = only && shareOf(ctx.text, only, shares);
    if (!only || !share) break;
    // Past 100% only a sentence worded like the parts before it (`1件，占总数的10%`) goes on with the list.
    if (sum >= 99 && linkOf(only, share) !== link) break;
    link = linkOf(only, share);
    parts.push({ count: only, share });
    sum += share.value;
    end = e;
  }
  return end;
}

function familyOf(unit: string): UnitFamily | undefined {
  for (const f of ['items', 'cases', 'people', 'events', 'money'] as UnitFamily[]) {
    if ((UNIT_FAMILY[f] as readonly string[]).includes(unit)) return f;
  }
  return undefined;
}

/**
 * A part names the total's own subject family, a channel of published items, or nothing. Published
 * interpretations and responses (政策文件及解读6条) are items published, so parts of the published total.
 */
function sameSubject(total: string, part: string): boolean {
  if (total === '' || part === '' || part === total) return true;
  const head = (k: string) => k.split('.')[0];
  if (head(total) === 'active' && head(part) === 'response') return true;
  return head(total) === head(part);
}

/** A last item that names its count without the unit, right before the sentence ends. */
const UNITLESS_LAST =
  /^[^，,、；;。！？\n\d（()）]*[，,、；;]([^，,、；;。！？\n\d（()）]{2,30}?)(\d{1,6})\s*(?=[。；;！？\n]|$)/;

/**
 * A last part stated without its unit (`…作为依申请公开信息数46条，不予公开信息数1402。`): a bare
 * number closing a list of counts in one unit counts in that unit too.
 */
function unitlessLast(text: string, last: CountClaim, end: number): CountClaim | undefined {
  const m = UNITLESS_LAST.exec(text.slice(last.span[1] + last.unit.length, end));
  if (!m?.[1] || !m[2] || /年|月|日|号|第|%/.test(m[1].slice(-2))) return undefined;
  const at = last.span[1] + last.unit.length + m[0].trimEnd().length - m[2].length;
  const { subject: _subject, subjectSpan: _subjectSpan, ...rest } = last;
  return {
    ...rest,
    indicator: '',
    value: Number(m[2]),
    qualifier: 'exact',
    stated: m[2],
    span: [at, at + m[2].length],
    clause: [at - m[1].length, at + m[2].length],
  };
}

function toPart(c: CountClaim, share: PercentageClaim | undefined): BreakdownPart {
  const part: BreakdownPart = {
    indicator: c.indicator,
    value: c.value,
    unit: c.unit,
    qualifier: c.qualifier,
    stated: c.stated,
    span: c.span,
  };
  if (c.subject !== undefined) part.label = c.subject;
  if (c.channels) part.channels = c.channels;
  if (share) part.share = { value: share.value, stated: share.stated, span: share.span };
  return part;
}
