import { canonicalBody, isOfficeName } from './bodies.js';
import { createAgencyIdentifier } from './identify.js';
import { isAgencyName } from './plausible.js';
import type { AgencyIdentity, AgencyResolver } from './types.js';

/** Without a division list only the name variants are read: 管理委员会/管委会, 人民政府/政府, spaces. */
const byNameOnly: AgencyResolver = createAgencyIdentifier([]);

/** Words after the place name that name its governing body rather than a department of it. */
const GOVERNING = /(?:人民政府|政府|管委会)$/;

/**
 * How a report's agency key was made: from the division code the name settled (`division`), or, when the
 * name names no single division, from the normalised name alone (`name`); `linked` when a batch showed the
 * name-only key to be a division's body stated without its division names (see `linkAgencyKeys`).
 */
export type AgencyKeyBasis = 'division' | 'name' | 'linked';

/**
 * One agency key per report, so that the reports of one body over the years carry the same key under
 * name variants: `<division code>` for the government of a division (淮安市洪泽区人民政府 and 洪泽区政府 →
 * `320813`), `<division code>/<department>` for a department (舒兰市民政局 → `220283/民政局`, 苍溪县农业局 and
 * 苍溪县农业农村局 → `510824/农业农村局`), and the normalised name without its governing word when the
 * name settles no division (平潭综合实验区管委会, 平潭综合实验区党工委管委会 → `平潭综合实验区`). A stated agency
 * that is a piece of a sentence rather than a name (向社会公开, 做好, 街道办事处; see `isAgencyName`), or a
 * department without its place (民政局, 区财政局), has no key: reports without a key are never one agency.
 *
 * @example
 * agencyKey(defaultAgencyResolver()('淮安市洪泽区人民政府')); // { key: '320813', basis: 'division' }
 * agencyKey(defaultAgencyResolver()('向社会公开')); // undefined
 */
export function agencyKey(identity: AgencyIdentity): { key: string; basis: AgencyKeyBasis } | undefined {
  if (!isAgencyName(identity.name)) return undefined;
  if (identity.region === undefined) {
    // 民政局, 区财政局: a department without its place is every division's, so it names no one.
    if (isOfficeName(identity.name.replace(/^[省市县区州盟旗乡镇]/, ''))) return undefined;
    return { key: identity.name.replace(GOVERNING, '') || identity.name, basis: 'name' };
  }
  // The division names are cut out; what is left before and after them is the body (国家税务总局…税务局).
  let body = '';
  let at = 0;
  for (const e of identity.evidence) {
    body += identity.name.slice(at, e.span[0]);
    at = e.span[1];
  }
  body += identity.name.slice(at);
  // Brackets around a division name (林业局（临淄区）) leave nothing of the body behind.
  body = body.replace(/[()（）]/g, '');
  body = identity.level === 'department' ? canonicalBody(body.replace(GOVERNING, '') || body) : '';
  return { key: body ? `${identity.region}/${body}` : identity.region, basis: 'division' };
}

/** A report's agency identity with its key, as {@link linkAgencyKeys} takes and returns them. */
export interface KeyedAgency {
  identity: AgencyIdentity;
  key: string;
  basis: AgencyKeyBasis;
}

/**
 * Links, within one batch, the name-only keys that are a division's body stated without the leading
 * division names (平潭综合实验区管委会 and 福建省平潭综合实验区管委会; 朝阳区, which names two divisions, and
 * 北京市朝阳区): when exactly one division key of the batch has a name that is those division names
 * followed by the name-only one, the name-only reports take that key, with basis `linked`. Keys are
 * returned in input order.
 *
 * @example
 * const identify = defaultAgencyResolver();
 * const keyed = (s: string) => ({ identity: identify(s), ...agencyKey(identify(s))! });
 * linkAgencyKeys(['朝阳区人民政府', '北京市朝阳区人民政府'].map(keyed)).map((k) => k.key); // ['110105', '110105']
 */
export function linkAgencyKeys(agencies: KeyedAgency[]): KeyedAgency[] {
  const byShortName = new Map<string, Set<string>>();
  for (const { identity, key, basis } of agencies) {
    if (basis !== 'division') continue;
    const name = identity.name.replace(GOVERNING, '') || identity.name;
    const first = identity.evidence[0];
    if (first?.span[0] !== 0) continue;
    // Every shorter name that drops only leading division names: 北京市朝阳区 → 朝阳区 (→ '' ends it).
    for (const e of identity.evidence) {
      const short = name.slice(e.span[1]);
      if (!short) break;
      byShortName.set(short, (byShortName.get(short) ?? new Set()).add(key));
    }
  }
  return agencies.map((a) => {
    if (a.basis !== 'name') return a;
    const found = byShortName.get(a.key);
    if (found?.size !== 1) return a;
    return { ...a, key: [...found][0] as string, basis: 'linked' };
  });
}

/**
 * The agency keys of a batch of stated agency names, as one batch: each name through `resolve` (default:
 * the name variants only), then the name-only keys linked to the batch's division keys (see
 * {@link linkAgencyKeys}). A name that is not an agency's (see {@link agencyKey}) maps to `undefined`.
 * The dataset and the outputs of `xxgk check` key their reports with it, as the chains do.
 *
 * @example
 * keyAgencyNames(['平潭综合实验区管委会', '福建省平潭综合实验区管理委员会', '做好'], defaultAgencyResolver());
 * // Map { '平潭综合实验区管委会' => { key: '35/平潭综合实验区', basis: 'linked', … }, …, '做好' => undefined }
 */
export function keyAgencyNames(
  stated: Iterable<string>,
  resolve: AgencyResolver = byNameOnly,
): Map<string, KeyedAgency | undefined> {
  const out = new Map<string, KeyedAgency | undefined>();
  const names: string[] = [];
  const keyed: KeyedAgency[] = [];
  for (const name of stated) {
    if (out.has(name)) continue;
    out.set(name, undefined);
    const identity = resolve(name);
    const key = agencyKey(identity);
    if (!key) continue;
    names.push(name);
    keyed.push({ identity, ...key });
  }
  const linked = linkAgencyKeys(keyed);
  for (const [i, name] of names.entries()) out.set(name, linked[i]);
  return out;
}

/**
 * The agency key of a stated agency name through `resolve` (default: the name variants only, no
 * division codes), as chains, the dataset's `agency_key` and the CSV's `agencyKey` column use it;
 * `undefined` when the stated agency is not a name (see {@link agencyKey}).
 *
 * @example
 * agencyKeyOfName('平潭综合实验区党工委管委会'); // '平潭综合实验区'
 * agencyKeyOfName('洪泽区政府', defaultAgencyResolver()); // '320813'
 * agencyKeyOfName('做好'); // undefined
 */
export function agencyKeyOfName(stated: string, resolve: AgencyResolver = byNameOnly): string | undefined {
  return agencyKey(resolve(stated))?.key;
}
