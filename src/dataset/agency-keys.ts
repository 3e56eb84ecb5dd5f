import type { DuckDBConnection } from '@duckdb/node-api';
import { type AgencyResolver, agencyKeyOfName, keyAgencyNames } from '../agency/index.js';

/**
 * Sets `reports.agency_key` of every report of a dataset from its stated agency, the whole dataset as one
 * batch, as the cross-report chains of `xxgk check` key a batch: each name through `identify`, then the
 * name-only keys linked to the dataset's division keys (平潭综合实验区管委会 beside 福建省平潭综合实验区管委会;
 * see `linkAgencyKeys`), so the panel groups one body under the name variants of its years however the
 * reports were split into runs or shards. Rows written before the column existed (a shard of an earlier
 * version, merged) get their key computed here. Without `identify` no key is replaced: only missing keys
 * are filled, from the name alone. A stated agency that is no name (see `isAgencyName`) keeps a null key.
 * Returns how many keys changed.
 *
 * @example
 * await keyStoredAgencies(store.connection, defaultAgencyResolver()); // 3
 */
export async function keyStoredAgencies(
  connection: DuckDBConnection,
  identify?: AgencyResolver,
): Promise<number> {
  const result = await connection.runAndReadAll(
    'SELECT path, agency_stated, agency_key FROM reports WHERE agency_stated IS NOT NULL OR agency_key IS NOT NULL',
  );
  const stored = result.getRowsJS().map(([path, stated, key]) => ({
    path: String(path),
    stated: stated === null ? undefined : String(stated),
    key: key === null ? undefined : String(key),
  }));
  const wanted = new Map<string, string | undefined>();
  if (identify) {
    const keys = keyAgencyNames(
      stored.flatMap((row) => (row.stated === undefined ? [] : [row.stated])),
      identify,
    );
    for (const row of stored)
      wanted.set(row.path, row.stated === undefined ? undefined : keys.get(row.stated)?.key);
  } else {
    for (const row of stored)
      if (row.key === undefined && row.stated !== undefined)
        wanted.set(row.path, agencyKeyOfName(row.stated));
  }
  const changed = stored.filter((row) => wanted.has(row.path) && wanted.get(row.path) !== row.key);
  if (changed.length === 0) return 0;
  await connection.run('CREATE OR REPLACE TEMP TABLE agency_keys (path VARCHAR, agency_key VARCHAR)');
  const appender = await connection.createAppender('agency_keys', 'main', 'temp');
  for (const row of changed) {
    appender.appendVarchar(row.path);
    const key = wanted.get(row.path);
    if (key === undefined) appender.appendNull();
    else appender.appendVarchar(key);
    appender.endRow();
  }
  appender.closeSync();
  await connection.run(
    'UPDATE reports SET agency_key = k.agency_key FROM agency_keys k WHERE reports.path = k.path',
  );
  await connection.run('DROP TABLE agency_keys');
  return changed.length;
}
