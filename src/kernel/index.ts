/**
 * The analysis kernel: typed stages from a loader's output to a {@link Report}, with no I/O. The Node
 * layer (`src/core/`, `src/node/`) reads files, hashes bytes and loads the word-segmentation dictionary,
 * and passes them in.
 *
 * @example
 * import { analyze } from './kernel/index.js';
 * const report = analyze(loaded, { file: 'a.txt', hash, dictionary });
 */

export { type DomainDictionary, parseDomainDictionary } from '../extract/segmenter.js';
export { type AnalyzeOptions, analyze } from './analyze.js';
export {
  claimsStage,
  figuresStage,
  metaStage,
  normalizeStage,
  type RulesStageOptions,
  rulesStage,
  segmentStage,
} from './stages.js';
