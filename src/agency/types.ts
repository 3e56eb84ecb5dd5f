/** The administrative level of an agency: a government of a division, or a department under one. */
export type AgencyLevel = 'province' | 'city' | 'county' | 'township' | 'department';

/** One administrative division, as the division data lists it (GB/T 2260 / statistical division codes). */
export interface Division {
  /** 2 digits (province), 4 (city), 6 (county), 9 (township / street). */
  code: string;
  name: string;
  level: Exclude<AgencyLevel, 'department'>;
}

/** Why a part of the name was read as a division: which words, where in the normalised name, which division. */
export interface AgencyEvidence {
  /** The words of the name that matched. */
  text: string;
  /** Offsets of those words in the normalised name. */
  span: [number, number];
  code: string;
  level: Division['level'];
  /**
   * How the match was decided: `unique` (the only division of that name), `child` (under the one before
   * it); `renamed` when the name is a division the list has under a later name and only that one fits: a
   * county or county-level city that became a district (洪泽县 → 洪泽区, 文登市 → 文登区), or, under its
   * county, a township that became a town or a town that became a street office.
   */
  by: 'unique' | 'child' | 'renamed';
}

/**
 * Who an agency is: its normalised name, and, when the name settles it, its division code and level.
 * Unknown parts stay absent; `note` says why when the name did not settle them.
 *
 * @example
 * identify('淮安市洪泽区人民政府'); // { name: '淮安市洪泽区', stated: '淮安市洪泽区人民政府', region: '320813', regionName: '洪泽区', level: 'county', evidence: [...] }
 */
export interface AgencyIdentity {
  /** The name as the report stated it. */
  stated: string;
  /** The normalised name: one spelling for name variants of the same body. */
  name: string;
  /** The division code of the division the agency is, or belongs to. */
  region?: string;
  regionName?: string;
  level?: AgencyLevel;
  evidence: AgencyEvidence[];
  /** Why region or level stayed unknown (e.g. `ambiguous: 朝阳区 (110105, 220104)`). */
  note?: string;
}

/**
 * Names an agency from the name a report states; `createAgencyIdentifier` builds one, and a library
 * user may supply their own (a lookup in their own register of bodies).
 *
 * @example
 * const resolve: AgencyResolver = (stated) => ({ stated, name: stated, evidence: [] });
 */
export type AgencyResolver = (stated: string) => AgencyIdentity;
