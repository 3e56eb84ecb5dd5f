/**
 * xxgk-report/node: the batch engine that the `xxgk` command line is built on, for library callers that
 * parse many files (worker threads, time and size limits, resume, baselines, cross-report rules).
 *
 * @example
 * import { createEngine } from 'xxgk-report/node';
 * const engine = createEngine({ jobs: 'auto' });
 * for await (const report of engine.run(['archive/'])) console.log(report.file, report.anomalies.length);
 * const { across } = engine.finish();
 */

export type { AgencyEvidence, AgencyIdentity, AgencyLevel, Division } from '../agency/index.js';
export { createAgencyIdentifier, normalizeAgencyName } from '../agency/index.js';
export { defaultAgencyResolver, loadDivisions } from '../agency/node.js';
export { mergeDatasets } from '../dataset/merge.js';
export { parseShard, pickShard, type Shard, shardOfPath } from '../dataset/shard.js';
export { type DatasetStore, openStore, type StoreKind } from '../dataset/store.js';
export { PANEL_VIEW_SQL, TABLE_NAMES, TABLES } from '../dataset/tables.js';
export {
  addAcross,
  BASELINE_REASON,
  type BatchFinish,
  createEngine,
  type Engine,
  type EngineOptions,
  type EngineProgress,
  MissingInputError,
  runAll,
} from './engine.js';
export { expandInputs, parsePathList, REPORT_EXTENSIONS } from './files.js';
export { parseFile } from './parse-file.js';
export { readResume, resumeKey } from './resume.js';
export { sourceLocators } from './source-lines.js';
