import type { DocContext } from '../model/doc-context.js';
import type { BreakdownClaim, Channel, ChannelKind, CountClaim, Figure, ZeroClaim } from '../model/index.js';
import { makeFigure, sectionAt } from './figure-util.js';
import { keyDef } from './keys.js';

/** Where the report states its proactive-disclosure total. */
const ACTIVE_HEADING = /主动公开(?:政府信息)?(?:情况|方面|的数量|政府信息数|数量)/g;
/** Channel families that have an era A key `active.channels.<kind>`. */
const ACTIVE_CHANNEL_KEYS = new Set<ChannelKind>(['website', 'gazette', 'weibo', 'wechat', 'other']);
/**
 * Era A request indicators and the template row (eras B and C) that the same words state: `共收到信息公开
 * 申请7件` in a 2022 report is the year's new requests.
 */
const TEMPLATE_EQUIVALENT: Record<string, string> = {
  'applications.received.total': 'requests.newReceived.total',
  'applications.answered.granted': 'requests.granted.total',
  'applications.answered.partial': 'requests.partial.total',
  'applications.answered.denied': 'requests.denied.subtotal.total',
};
/** Prose keys read in every era (the others only where the report's era defines them). */
const ANY_ERA = new Set(['fees.informationProcessing']);

/**
 * Figures stated in running text, taken from the report's claims (`extractClaims`), so that a sentence is
 * read once for figures and rules alike: the proactive-disclosure total and its breakdown by channel
 * (`累计主动公开…84条。其中，在市政府政务公开网公开信息64条`), every publication channel named with a count
 * (channels sharing one count get one `group`), and every other count or stated zero of a canonical key
 * (`未发生…行政复议案、行政诉讼案`, `由1人专门负责`, `本单位到目前累计…100条` as `active.total@cumulative`).
 * The first statement of a key wins; tables, read elsewhere, win over all of them.
 *
 * @example
 * extractProse(ctx).channels.find((c) => c.name === '舒兰发布')?.value; // 20
 */
export function extractProse(ctx: DocContext): { figures: Record<string, Figure>; channels: Channel[] } {
  const claims = ctx.claims;
  const counts = claims.filter((c): c is CountClaim => c.kind === 'count');
  const figures: Record<string, Figure> = {};
  const active = (c: CountClaim) => c.indicator === 'active.total' || c.partOf === 'active.total';
  // A report that names one channel for its proactive disclosure states its total there
  // (`通过网站主动公开政府信息共192条`), and one that names two or more (`通过平台、网站主动公开…12条`) too.
  const total =
    chooseTotal(
      ctx.text,
      counts.filter((c) => c.indicator === 'active.total' && c.scope === 'year'),
    ) ??
    chooseTotal(
      ctx.text,
      counts.filter((c) => c.partOf === 'active.total' && c.scope === 'year'),
    );
  if (total) {
    figures['active.total'] = claimFigure(ctx, total, '主动公开政府信息数');
    const breakdown = claims.find(
      (c): c is BreakdownClaim =>
        c.kind === 'breakdown' && c.indicator === 'active.total' && c.span[0] === total.span[0],
    );
    for (const part of breakdown?.parts ?? []) {
      const only = part.channels?.length === 1 ? part.channels[0] : undefined;
      if (!only || !ACTIVE_CHANNEL_KEYS.has(only.kind)) continue;
      figures[`active.channels.${only.kind}`] ??= makeFigure(ctx, {
        start: part.span[0],
        end: part.span[1],
        value: part.value,
        unit: part.unit,
        qualifier: part.qualifier,
        source: 'prose',
        label: only.name,
      });
    }
  }
  const cumulative = counts.find((c) => active(c) && c.scope === 'cumulative');
  if (cumulative) figures['active.total@cumulative'] = claimFigure(ctx, cumulative, '主动公开政府信息数');
  // Items published through one channel: that channel's figure, for the year or so far.
  for (const c of counts) {
    const only = c.channels?.length === 1 ? c.channels[0] : undefined;
    if (!only || !ACTIVE_CHANNEL_KEYS.has(only.kind)) continue;
    const key = figureKey({ ...c, indicator: `active.channels.${only.kind}` });
    if (key) figures[key] ??= claimFigure(ctx, c, only.name);
  }
  const era = ctx.meta.era ?? 'A';
  for (const c of claims) {
    if (c.kind !== 'count' && c.kind !== 'zero') continue;
    if (c.indicator === 'active.total' || c.indicator.startsWith('active.channels')) continue;
    const stated = figureKey(c);
    const key = stated && era !== 'A' ? (TEMPLATE_EQUIVALENT[stated] ?? stated) : stated;
    if (!key || figures[key]) continue;
    const def = keyDef(key);
    if (!def || def.derived || (!def.eras.includes(era) && !ANY_ERA.has(def.key))) continue;
    figures[key] = claimFigure(ctx, c, c.subject);
  }
  return { figures, channels: channelsOf(ctx, counts) };
}

/** The figure key of a claim: its indicator, with `@cumulative` for running totals of keys that have one. */
function figureKey(c: CountClaim | ZeroClaim): string | undefined {
  if (!c.indicator) return undefined;
  if (c.scope === 'year') return c.indicator;
  if (c.scope === 'cumulative' && keyDef(c.indicator)?.cumulative) return `${c.indicator}@cumulative`;
  return undefined;
}

function claimFigure(ctx: DocContext, c: CountClaim | ZeroClaim, label: string | undefined): Figure {
  return makeFigure(ctx, {
    start: c.span[0],
    end: c.span[1],
    value: c.value,
    unit: c.unit,
    qualifier: c.kind === 'count' ? c.qualifier : 'exact',
    source: 'prose',
    ...(label ? { label } : {}),
  });
}

/** Every channel named with a count; channels sharing one count get one group number. */
function channelsOf(ctx: DocContext, counts: CountClaim[]): Channel[] {
  const channels: Channel[] = [];
  let group = 0;
  for (const c of counts) {
    if (!c.channels || c.channels.length === 0) continue;
    const shared = c.channels.length > 1 ? ++group : undefined;
    for (const named of c.channels) {
      const channel: Channel = {
        channel: named.kind,
        name: named.name,
        value: c.value,
        unit: c.unit,
        qualifier: c.qualifier,
        stated: c.stated,
        span: c.span,
        nameSpan: named.span,
      };
      if (shared !== undefined) channel.group = shared;
      const section = sectionAt(ctx.sections, c.span[0]);
      if (section) channel.section = section;
      channels.push(channel);
    }
  }
  return channels;
}

/** The total is the first candidate under a 主动公开 heading, else the first candidate of the report. */
function chooseTotal(text: string, candidates: CountClaim[]): CountClaim | undefined {
  ACTIVE_HEADING.lastIndex = 0;
  for (let m = ACTIVE_HEADING.exec(text); m; m = ACTIVE_HEADING.exec(text)) {
    const at = m.index;
    const hit = candidates.find((s) => s.span[0] > at && s.span[0] - at < 300);
    if (hit) return hit;
  }
  return candidates[0];
}
