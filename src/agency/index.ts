/**
 * Agency identity: one normalised name for the name variants of a body, and its division code and level
 * where the name settles them. Pure: the division list is passed in (`loadDivisions` in `./node.js` reads
 * the maintained one).
 *
 * @example
 * const identify = createAgencyIdentifier(loadDivisions());
 * identify('舒兰市民政局'); // { name: '舒兰市民政局', region: '220283', level: 'department', … }
 */

export { canonicalBody } from './bodies.js';
export { createAgencyIdentifier } from './identify.js';
export {
  type AgencyKeyBasis,
  agencyKey,
  agencyKeyOfName,
  type KeyedAgency,
  keyAgencyNames,
  linkAgencyKeys,
} from './key.js';
export { normalizeAgencyName } from './normalize.js';
export { isAgencyName } from './plausible.js';
export type { AgencyEvidence, AgencyIdentity, AgencyLevel, AgencyResolver, Division } from './types.js';
