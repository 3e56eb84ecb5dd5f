import { normalizeAgencyName } from './normalize.js';
import { isNamePrefix } from './plausible.js';
import type { AgencyEvidence, AgencyIdentity, AgencyLevel, Division } from './types.js';

/** Words left after the division names that still mean the government of the division itself. */
const GOVERNMENT_REST = /^(?:政府|人民政府|街道|办事处)?$/;

/** How the name of a township-level government ends. */
const TOWNSHIP_NAME = /(?:乡|镇|街道|苏木)$/;

/**
 * The names a division may have taken since it was named so: a county or county-level city that became a
 * district (撤县设区, 撤市设区), and, inside a named county, a township that became a town (撤乡设镇) or a
 * town that became a street office (撤镇设街道). Township names repeat across the country, so those are
 * only tried under a parent.
 */
function renamedForms(text: string, parent?: Division): { name: string; level: Division['level'] }[] {
  const stem = text.slice(0, -1);
  if (/[县市]$/.test(text)) return [{ name: `${stem}区`, level: 'county' }];
  if (parent?.level !== 'county') return [];
  if (text.endsWith('乡')) return [{ name: `${stem}镇`, level: 'township' }];
  if (text.endsWith('镇')) return [{ name: `${stem}街道`, level: 'township' }];
  return [];
}

interface Chain {
  divisions: { division: Division; span: [number, number]; renamed: boolean }[];
  end: number;
}

/**
 * Builds the agency identifier over a list of divisions (see `loadDivisions` in `./node.ts` for the
 * maintained list). The identifier is pure: the same name always gives the same identity.
 *
 * It reads the division names in the normalised name left to right, each one inside the one before
 * (by code prefix): 淮安市洪泽区 → 3208 → 320813. A first name shared by several divisions (朝阳区, 城关镇)
 * needs a following name to settle it; otherwise region and level stay unknown and `note` names the
 * candidates. A name with nothing after its divisions is that division's government (level province, city,
 * county or township); anything else after them is a department of the last division.
 *
 * @example
 * const identify = createAgencyIdentifier(divisions);
 * identify('舒兰市民政局').region; // '220283'
 * identify('某某县民政局').region; // undefined
 */
export function createAgencyIdentifier(divisions: Division[]): (stated: string) => AgencyIdentity {
  const byName = new Map<string, Division[]>();
  let longest = 0;
  for (const d of divisions) {
    if (d.name === '市辖区' || d.name === '县' || d.name.length < 2) continue;
    // Township-level units that are not townships (林业局, 农场, 开发区 …) are not read from agency names.
    if (d.level === 'township' && !TOWNSHIP_NAME.test(d.name)) continue;
    const list = byName.get(d.name) ?? [];
    list.push(d);
    byName.set(d.name, list);
    longest = Math.max(longest, d.name.length);
  }

  const inside = (parent?: Division) => (d: Division) =>
    !parent || (d.code.startsWith(parent.code) && d.code.length > parent.code.length);

  /**
   * The longest division name at `at` that has a division inside `parent` (any, when no parent); failing
   * that, a county or county-level city the list no longer has under the district it became (撤县设区:
   * 洪泽县 → 洪泽区), when exactly one such district fits.
   */
  const matchAt = (name: string, at: number, parent?: Division) => {
    for (let len = Math.min(longest, name.length - at); len >= 2; len--) {
      const text = name.slice(at, at + len);
      const found = (byName.get(text) ?? []).filter(inside(parent));
      if (found.length > 0) return { text, found, renamed: false };
    }
    for (let len = Math.min(longest, name.length - at); len >= 3; len--) {
      const text = name.slice(at, at + len);
      for (const now of renamedForms(text, parent)) {
        const found = (byName.get(now.name) ?? []).filter((d) => d.level === now.level && inside(parent)(d));
        if (found.length === 1) return { text, found, renamed: true };
      }
    }
    return undefined;
  };

  return (stated) => {
    let name = normalizeAgencyName(stated);
    const identity: AgencyIdentity = { stated, name, evidence: [] };
    // The first division name in the name starts the chain (a prefix such as 国家税务总局 is passed over).
    let first: { at: number; text: string; found: Division[]; renamed: boolean } | undefined;
    for (let at = 0; at < name.length && !first; at++) {
      const m = matchAt(name, at);
      if (m) first = { at, ...m };
    }
    if (!first) {
      identity.note = 'no division name in the agency name';
      return identity;
    }
    // Words of the sentence the name was read from (请联系…, 现公布…) are not part of it.
    if (first.at > 0 && !isNamePrefix(name.slice(0, first.at))) {
      name = name.slice(first.at);
      identity.name = name;
      first.at = 0;
    }
    const start = first.at;
    let chains: Chain[] = first.found.map((division) => ({
      divisions: [{ division, span: [start, start + first.text.length], renamed: first.renamed }],
      end: start + first.text.length,
    }));
    for (;;) {
      const next: Chain[] = [];
      for (const chain of chains) {
        const last = chain.divisions[chain.divisions.length - 1]?.division;
        const m = matchAt(name, chain.end, last);
        if (!m) continue;
        for (const division of m.found)
          next.push({
            divisions: [
              ...chain.divisions,
              { division, span: [chain.end, chain.end + m.text.length], renamed: m.renamed },
            ],
            end: chain.end + m.text.length,
          });
      }
      if (next.length === 0) break;
      chains = next;
    }
    if (chains.length !== 1) {
      const codes = chains.map((c) => c.divisions[c.divisions.length - 1]?.division.code).join(', ');
      identity.note = `ambiguous: ${first.text} (${codes})`;
      return identity;
    }
    const chain = chains[0] as Chain;
    const last = chain.divisions[chain.divisions.length - 1]?.division as Division;
    identity.evidence = chain.divisions.map(
      ({ division, span, renamed }, i): AgencyEvidence => ({
        text: name.slice(span[0], span[1]),
        span,
        code: division.code,
        level: division.level,
        by: renamed ? 'renamed' : i === 0 ? 'unique' : 'child',
      }),
    );
    identity.region = last.code;
    identity.regionName = last.name;
    const rest = name.slice(chain.end);
    identity.level = (GOVERNMENT_REST.test(rest) && start === 0 ? last.level : 'department') as AgencyLevel;
    return identity;
  };
}
