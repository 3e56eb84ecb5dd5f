import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { AgencyResolver } from '../agency/index.js';
import { defaultAgencyResolver } from '../agency/node.js';
import { contentlessReport, hashBytes } from '../core/pipeline.js';
import { sortAnomalies } from '../format/anomaly-order.js';
import { DEFAULT_LIMITS } from '../load/index.js';
import type { Anomaly, Report } from '../model/index.js';
import type { OcrOptions } from '../ocr/options.js';
import {
  applyBaseline,
  type Baseline,
  type BaselineEntry,
  checkAcross,
  createBaseline,
  type ReportDigest,
  type RulesConfig,
} from '../rules/index.js';
import { expandInputs } from './files.js';
import type { ParseTask } from './parse-task.js';
import { createInlineRunner, createPoolRunner, lazyRunner, type ParseRunner, resolveJobs } from './pool.js';
import { inputKey } from './resume.js';

/** Options of a batch run (all optional; the defaults suit a library caller). */
export interface EngineOptions {
  /** Folder that relative paths are resolved against (default: the process's). */
  cwd?: string;
  /** Worker threads: a positive number or `auto` (the cores); 1 parses on the calling thread. */
  jobs?: number | 'auto';
  /** Per-file time limit; a file over it gets a `load-failed` record with code `timeout`. */
  timeoutMs?: number;
  /** Files larger than this get a `load-failed` record with code `too-large`. */
  maxFileBytes?: number;
  /** Rule configuration (default: the recommended preset); `false` runs no rules. */
  rules?: RulesConfig | false;
  /** OCR of pages without text and of image files (default `auto`). */
  ocr?: Partial<OcrOptions>;
  /** Gather digests so that {@link Engine.finish} can run the cross-report rules (default true). */
  across?: boolean;
  /**
   * Names the agency of each record for the cross-report chains (default: the division list of
   * `defaultAgencyResolver`, so 淮安市洪泽区人民政府 and 洪泽区政府 are one agency).
   */
  agencyResolver?: AgencyResolver;
  /** Anomalies accepted earlier: dropped from records and from the cross-report results. */
  baseline?: Baseline;
  /** Gather every anomaly found as a baseline entry ({@link BatchFinish.baselineEntries}). */
  writeBaseline?: boolean;
  /** Skip files matching these globs (a pattern without `/` matches the base name). */
  ignore?: string[];
  /** Keep the document text in the records (default true). */
  text?: boolean;
  /** `input` (default): records in the order of the expanded inputs; `completion`: as files finish. */
  order?: 'input' | 'completion';
  /** Resume keys (see `resumeKey`) of files already done, with how many records each has; such files are skipped. */
  skip?: Map<string, number>;
  /** Told after every file (parsed or skipped), in completion order. */
  onProgress?: (progress: EngineProgress) => void;
  /** Test hooks that make files slow, hang or crash their worker (by a substring of the path). */
  debug?: { delayMs?: number; hang?: string; crash?: string };
}

/** One step of a run, for progress displays. */
export interface EngineProgress {
  done: number;
  total: number;
  /** The finished record (absent for a file skipped by `skip`). */
  report?: Report;
}

/** What {@link Engine.finish} adds once every record is out. */
export interface BatchFinish {
  /** Cross-report anomalies not accepted by the baseline, with the file each belongs to. */
  across: { file: string; anomaly: Anomaly }[];
  /** Every anomaly found in the run (per report and across reports) as baseline entries to review. */
  baselineEntries: BaselineEntry[];
  /** Anomalies the baseline suppressed over the whole run. */
  suppressed: number;
  /** Files skipped because `skip` listed them. */
  skipped: number;
}

/** A batch run over many files: records while it goes, cross-report results at the end. */
export interface Engine {
  /** Expands files, folders and globs; `missing` lists the inputs that match nothing. */
  expand(paths: string[]): Promise<{ files: string[]; missing: string[] }>;
  /** Parses every file the paths name and yields one record per file. Throws {@link MissingInputError} first
   * when a path that is not a glob does not exist. */
  run(paths: string[]): AsyncIterable<Report>;
  /** Runs the cross-report rules over the digests of every record yielded and applies the baseline. */
  finish(): BatchFinish;
}

/** A path given to a run names nothing on disk. */
export class MissingInputError extends Error {
  override readonly name = 'MissingInputError';
  constructor(readonly paths: string[]) {
    super(`no such file or folder: ${paths.join(', ')}`);
  }
}

/** The test whether an input that matched nothing is a plain path (rather than a glob or an empty folder). */
const GLOB_CHARS = /[*?[\]{}!]/;

/**
 * Creates the batch engine that the CLI and library callers share: expanding inputs, parsing in worker
 * threads with time and size limits, resume skipping, records in input order with anomalies sorted by
 * position, baseline suppression, and at the end the cross-report rules.
 *
 * @example
 * const engine = createEngine({ jobs: 'auto' });
 * for await (const report of engine.run(['archive/'])) console.log(report.file, report.anomalies.length);
 * const { across } = engine.finish();
 */
export function createEngine(options: EngineOptions = {}): Engine {
  const cwd = options.cwd ?? process.cwd();
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_LIMITS.maxFileBytes;
  const across = options.across !== false && options.rules !== false;
  const digests: ReportDigest[] = [];
  const accepted: BaselineEntry[] = [];
  let suppressed = 0;
  let skipped = 0;
  // Cross-report anomalies are matched to a baseline by the text they point at, so the text is kept when needed.
  const keepForBaseline = across && (options.baseline !== undefined || options.writeBaseline === true);
  const baselineView = new Map<string, Pick<Report, 'hash' | 'text'>>();

  const expand = (paths: string[]) => expandInputs(paths, { cwd, ignore: options.ignore ?? [] });

  const finishOne = async (task: ParseTask, runner: ParseRunner): Promise<Report> => {
    const { report, digest } = await runner.run(task, options.timeoutMs);
    if (!report.hash) {
      // Only a record that did not get through the pipeline lacks a hash: a timeout, a crashed worker or an
      // internal error, recorded where the bytes were not at hand. Hashed here, `--resume` recognises the
      // file by its content like any other.
      const bytes = await readFile(task.path).catch(() => undefined);
      if (bytes && bytes.length <= maxFileBytes) report.hash = hashBytes(bytes);
    }
    if (digest) digests.push(digest);
    sortAnomalies(report.anomalies);
    if (options.writeBaseline) accepted.push(...createBaseline([report], BASELINE_REASON).entries);
    if (keepForBaseline) baselineView.set(report.file, { hash: report.hash, text: report.text });
    if (options.baseline) {
      const result = applyBaseline([report], options.baseline);
      suppressed += result.suppressed.length;
      report.anomalies = result.reports[0]?.anomalies ?? report.anomalies;
    }
    if (options.text === false) delete report.text;
    return report;
  };

  async function* run(paths: string[]): AsyncGenerator<Report> {
    const { files, missing } = await expand(paths);
    const absent = missing.filter((m) => !GLOB_CHARS.test(m));
    if (absent.length > 0) throw new MissingInputError(absent);
    if (files.length === 0) return;
    const jobs = options.jobs === undefined ? 'auto' : options.jobs;
    const threads = resolveJobs(jobs, files.length);
    const runner = lazyRunner(threads, () =>
      threads === 1 ? createInlineRunner() : createPoolRunner(threads),
    );
    // Finished records wait in `ready` until the consumer takes them (in input order unless told otherwise).
    const ready = new Map<number, Report | null>();
    let wake: (() => void) | undefined;
    let failure: unknown;
    let next = 0;
    let done = 0;
    let stopped = false;
    const settle = (index: number, report: Report | null) => {
      ready.set(index, report);
      options.onProgress?.({ done: ++done, total: files.length, report: report ?? undefined });
      wake?.();
    };
    const lane = async () => {
      for (let i = next++; i < files.length && !stopped; i = next++) {
        const file = files[i] as string;
        const path = resolve(cwd, file);
        if (options.skip) {
          const key = await inputKey(path, file, maxFileBytes);
          const count = options.skip.get(key) ?? 0;
          if (count > 0) {
            options.skip.set(key, count - 1);
            skipped++;
            settle(i, null);
            continue;
          }
        }
        const debug = options.debug;
        const task: ParseTask = {
          path,
          file,
          options: { limits: { maxFileBytes }, rules: options.rules, ocr: options.ocr },
          digest: across,
          debugDelayMs: debug?.delayMs,
          debugFault:
            debug?.hang && file.includes(debug.hang)
              ? 'hang-sync'
              : debug?.crash && file.includes(debug.crash)
                ? 'crash'
                : undefined,
        };
        settle(i, await finishOne(task, runner));
      }
    };
    const lanes = Promise.all(Array.from({ length: runner.threads }, lane)).catch((error: unknown) => {
      failure = error;
      wake?.();
    });
    try {
      let out = 0;
      const completion = options.order === 'completion';
      while (out < files.length) {
        if (failure) throw failure;
        const key = completion ? ready.keys().next().value : out;
        if (key === undefined || !ready.has(key)) {
          await new Promise<void>((resolve) => {
            wake = resolve;
          });
          wake = undefined;
          continue;
        }
        const report = ready.get(key) as Report | null;
        ready.delete(key);
        out++;
        if (report) yield report;
      }
      await lanes;
      if (failure) throw failure;
    } finally {
      stopped = true;
      await runner.close();
    }
  }

  return {
    expand,
    run,
    finish() {
      // The division list takes a moment to load; one report has nothing to chain with.
      const identify = digests.length > 1 ? (options.agencyResolver ?? defaultAgencyResolver()) : undefined;
      const found = across && options.rules !== false ? checkAcross(digests, options.rules, identify) : [];
      const kept: BatchFinish['across'] = [];
      for (const item of found) {
        const view = baselineView.get(item.file);
        const one: Report = {
          ...contentlessReport(item.file, 'unknown', ''),
          ...view,
          anomalies: [item.anomaly],
        };
        if (options.writeBaseline) accepted.push(...createBaseline([one], BASELINE_REASON).entries);
        if (options.baseline && applyBaseline([one], options.baseline).suppressed.length > 0) {
          suppressed++;
          continue;
        }
        kept.push(item);
      }
      return { across: kept, baselineEntries: accepted, suppressed, skipped };
    },
  };
}

/**
 * Adds the cross-report anomalies of {@link Engine.finish} to the records they belong to (in place),
 * keeping each record's anomalies in position order.
 *
 * @example
 * const reports = []; for await (const r of engine.run(paths)) reports.push(r);
 * addAcross(reports, engine.finish().across);
 */
export function addAcross(reports: Report[], found: BatchFinish['across']): void {
  const byFile = new Map(reports.map((r) => [r.file, r]));
  const touched = new Set<Report>();
  for (const { file, anomaly } of found) {
    const report = byFile.get(file);
    if (!report) continue;
    report.anomalies.push(anomaly);
    touched.add(report);
  }
  for (const report of touched) sortAnomalies(report.anomalies);
}

/**
 * Parses every file the paths name and returns the records with the cross-report anomalies added: the whole
 * of a batch in one call, for runs small enough to hold in memory.
 *
 * @example
 * const reports = await runAll(['archive/'], { jobs: 'auto' });
 */
export async function runAll(paths: string[], options: EngineOptions = {}): Promise<Report[]> {
  const engine = createEngine(options);
  const reports: Report[] = [];
  for await (const report of engine.run(paths)) reports.push(report);
  addAcross(reports, engine.finish().across);
  return reports;
}

/** The reason written into a new baseline's entries, for the auditor to replace. */
export const BASELINE_REASON = '待核实 / to be reviewed';
