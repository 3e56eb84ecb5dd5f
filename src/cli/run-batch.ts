import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { keyAgencyNames } from '../agency/index.js';
import { defaultAgencyResolver } from '../agency/node.js';
import { parseShard, pickShard, ShardError } from '../dataset/shard.js';
import {
  type FormatContext,
  type FormatName,
  formatters,
  type StreamWriter,
  streamFormatters,
} from '../format/index.js';
import type { Report } from '../model/index.js';
import { addAcross, createEngine, MissingInputError } from '../node/engine.js';
import { expandInputs, parsePathList } from '../node/files.js';
import {
  atomicFile,
  continueJournal,
  jsonlJournal,
  type OutputTarget,
  writerTarget,
} from '../node/output.js';
import { readResume } from '../node/resume.js';
import { sourceLocators } from '../node/source-lines.js';
import { DEFAULT_OCR, type OcrMode } from '../ocr/options.js';
import type { RulesConfig } from '../rules/index.js';
import { useColor } from './color.js';
import { openDatasetOutputs } from './dataset-outputs.js';
import type { MainParams } from './main.js';
import { isFormatSpec, isStoreSpec, type OutputSpec, parseOutputs } from './outputs.js';
import { createProgress } from './progress.js';
import { type Baseline, parseBaseline, resolveRunConfig, ruleMetas, UsageError } from './rules-api.js';
import { RunSummary } from './summary.js';

/** The environment of one CLI run: what `main` gets, less the arguments. */
export type BatchEnv = Omit<MainParams, 'argv'>;

/** Options of `xxgk parse` and `xxgk check` (as commander hands them over). */
export interface BatchOptions {
  format?: string;
  output: string[];
  jobs: string;
  quiet?: boolean;
  ignore: string[];
  text: boolean;
  long?: boolean;
  color: boolean;
  resume?: string;
  timeout?: string;
  maxFileSize?: string;
  ocr?: string;
  ocrTimeout?: string;
  config?: string;
  preset?: string;
  baseline?: string;
  writeBaseline?: string;
  summary: boolean;
  /** `k/n` or `auto`: parse only this shard of the inputs (src/dataset/shard.ts). */
  shard?: string;
  debugDelay?: string;
  debugHang?: string;
  debugCrash?: string;
}

async function readAll(stdin: BatchEnv['stdin']): Promise<string> {
  if (stdin === undefined) return '';
  if (typeof stdin === 'string') return stdin;
  const parts: Buffer[] = [];
  for await (const chunk of stdin)
    parts.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk));
  return Buffer.concat(parts).toString('utf8');
}

function positiveInt(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = /^\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(n) || n <= 0)
    throw new UsageError(`${name} needs a positive whole number, not "${value}"`);
  return n;
}

/**
 * Reads `--jobs`: `auto` or a positive whole number (anything else is a usage error naming the value).
 *
 * @example
 * parseJobs('4'); // 4
 */
export function parseJobs(value: string): number | 'auto' {
  if (value === 'auto') return 'auto';
  const n = /^\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(n) || n <= 0)
    throw new UsageError(`--jobs needs a positive whole number or auto, not "${value}"`);
  return n;
}

function readJson(path: string, what: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new UsageError(
      `cannot read the ${what} ${path}: ${error instanceof Error ? error.message : error}`,
    );
  }
}

/** One output while the run goes on: streamed record by record, or collected for the end. */
interface LiveOutput {
  spec: OutputSpec & { format: FormatName };
  target?: OutputTarget;
  writer?: StreamWriter;
}

/**
 * Runs `xxgk parse` or `xxgk check` over many files with the batch engine: checks the command line, streams
 * records to every requested output (in input order), prints progress and a summary on stderr, and adds the
 * cross-report anomalies at the end (check). Returns the exit code (check: 1 when an error anomaly remains).
 *
 * @example
 * const code = await runBatch('parse', ['fixtures/'], { output: [], jobs: '1', ignore: [], text: true, color: false, summary: true }, env);
 */
export async function runBatch(
  command: 'parse' | 'check',
  inputs: string[],
  opts: BatchOptions,
  env: BatchEnv,
): Promise<number> {
  const cwd = env.cwd ?? process.cwd();
  const at = (p: string) => resolve(cwd, p);
  const check = command === 'check';

  // Everything that can be a usage error is checked before any work starts.
  const jobs = parseJobs(opts.jobs);
  const timeoutMs = positiveInt(opts.timeout, '--timeout');
  const delay = positiveInt(opts.debugDelay, '--debug-delay');
  const maxFileBytes = positiveInt(opts.maxFileSize, '--max-file-size');
  const ocr = {
    mode: (opts.ocr ?? 'auto') as OcrMode,
    pageTimeoutMs: positiveInt(opts.ocrTimeout, '--ocr-timeout') ?? DEFAULT_OCR.pageTimeoutMs,
  };
  const allSpecs = parseOutputs(opts.output, {
    format: opts.format,
    fallback: check ? 'stylish' : 'json',
    cwd,
  });
  const storeSpecs = allSpecs.filter(isStoreSpec);
  const specs = allSpecs.filter(isFormatSpec);
  let shard: ReturnType<typeof parseShard> | undefined;
  try {
    shard = opts.shard === undefined ? undefined : parseShard(opts.shard, env.env ?? {});
  } catch (error) {
    throw error instanceof ShardError ? new UsageError(error.message) : error;
  }
  if (opts.resume) {
    if (check) throw new UsageError('--resume works with `xxgk parse` (check needs the whole batch at once)');
    const jsonlSpecs = specs.filter((s) => s.format === 'jsonl');
    if (jsonlSpecs.some((s) => s.file === undefined || at(s.file) !== at(opts.resume ?? ''))) {
      throw new UsageError('--resume <file> is the jsonl output; give no other jsonl output');
    }
    if (jsonlSpecs.length === 0) {
      const stdout = specs.findIndex((s) => s.file === undefined && opts.output.length === 0);
      if (stdout !== -1) specs.splice(stdout, 1);
      specs.push({ format: 'jsonl', file: opts.resume });
    }
  }
  const rulesConfig: RulesConfig = resolveRunConfig({
    preset: opts.preset,
    file: opts.config ? readJson(at(opts.config), 'config file') : undefined,
  });
  const baseline: Baseline | undefined = opts.baseline
    ? parseBaseline(JSON.stringify(readJson(at(opts.baseline), 'baseline file')))
    : undefined;

  let list = inputs;
  if (inputs.includes('-'))
    list = [...inputs.filter((i) => i !== '-'), ...parsePathList(await readAll(env.stdin))];
  const expanded = await expandInputs(list, { cwd, ignore: opts.ignore });
  const { missing } = expanded;
  const files = shard ? pickShard(expanded.files, shard) : expanded.files;
  // A path on the command line that does not exist is a mistake (exit 2), named before any work starts.
  const absent = missing.filter((m) => inputs.includes(m) && !GLOB_CHARS.test(m) && !existsSync(at(m)));
  if (absent.length > 0) throw new MissingInputError(absent);
  for (const m of missing) env.stderr(`xxgk: no report files match ${m}\n`);
  if (files.length === 0 && !(shard && expanded.files.length > 0)) {
    env.stderr('xxgk: no files to read\n');
    return 2;
  }

  const summary = new RunSummary();
  const ctx: FormatContext = {
    rules: ruleMetas(),
    color: false,
    cwd,
    long: opts.long === true,
    sourceLocator: sourceLocators(cwd),
    // The division list is read on the first CSV row that needs it, not by runs without CSV.
    agencyResolver: (stated) => defaultAgencyResolver()(stated),
  };
  const colorFor = (spec: OutputSpec) =>
    spec.file === undefined && useColor({ flag: opts.color, env: env.env, tty: env.stdoutIsTTY === true });

  // Resume: count what the journal already holds.
  let skip: Map<string, number> | undefined;
  if (opts.resume) {
    const state = await readResume(continueJournal(at(opts.resume)));
    skip = state.done;
    if (!opts.quiet) {
      env.stderr(
        `xxgk: resuming ${opts.resume}: ${state.records} records already there` +
          (state.truncatedBytes ? `, cut a torn last line of ${state.truncatedBytes} bytes` : '') +
          (state.invalid ? `, ${state.invalid} unreadable lines kept` : '') +
          '\n',
      );
    }
  }

  const dataset = await openDatasetOutputs(storeSpecs, {
    cwd,
    resumable: specs.length === 0 && !opts.resume && !check,
  });
  if (dataset?.skip) skip = dataset.skip;
  const outputs: LiveOutput[] = specs.map((spec) => ({ spec }));
  const openTarget = (spec: OutputSpec): OutputTarget => {
    if (spec.file === undefined) return writerTarget(env.stdout);
    try {
      if (spec.format === 'jsonl') return jsonlJournal(at(spec.file), { resume: opts.resume !== undefined });
      return atomicFile(at(spec.file));
    } catch (error) {
      throw new UsageError(`cannot write ${spec.file}: ${error instanceof Error ? error.message : error}`);
    }
  };
  const collected: Report[] = [];
  const needCollect = check || outputs.some((o) => !streamFormatters[o.spec.format]);

  // A bar would tear records streamed to the same terminal; periodic lines do not.
  const streamsToTerminal = env.stdoutIsTTY === true && !check && specs.some((s) => s.file === undefined);
  const progress = createProgress({
    write: env.stderr,
    tty: env.stderrIsTTY === true && !streamsToTerminal,
    quiet: opts.quiet === true,
  });
  const engine = createEngine({
    cwd,
    jobs,
    timeoutMs,
    maxFileBytes,
    ocr,
    rules: rulesConfig,
    across: check,
    baseline,
    writeBaseline: opts.writeBaseline !== undefined,
    text: opts.text,
    skip,
    onProgress: ({ done, report }) => {
      if (report) summary.add(report);
      else summary.skipped++;
      progress.tick(done, summary.failed);
    },
    debug: { delayMs: delay, hang: opts.debugHang, crash: opts.debugCrash },
  });
  try {
    for (const o of outputs) {
      o.target = openTarget(o.spec);
      const stream = streamFormatters[o.spec.format];
      if (stream && !check) {
        o.writer = stream({ ...ctx, color: colorFor(o.spec) });
        o.target.write(o.writer.head());
      }
    }

    progress.start(files.length);
    for await (const report of engine.run(files)) {
      for (const o of outputs) if (o.writer) o.target?.write(o.writer.item(report));
      if (dataset && !check) await dataset.put(report);
      if (needCollect) collected.push(report);
    }
    progress.stop();
    const end = engine.finish();
    summary.suppressed = end.suppressed;
    if (check) {
      addAcross(collected, end.across);
      // The whole batch is known: its CSV keys agencies as the chains did (name variants linked).
      if (outputs.some((o) => o.spec.format === 'csv'))
        ctx.agencyKeys = keyAgencyNames(
          collected.flatMap((r) => (r.meta.agency ? [r.meta.agency] : [])),
          defaultAgencyResolver(),
        );
      for (const report of dataset ? collected : []) await dataset?.put(report);
      for (const { anomaly } of end.across) {
        summary.anomalies.set(anomaly.ruleId, (summary.anomalies.get(anomaly.ruleId) ?? 0) + 1);
        if (anomaly.severity === 'error') summary.errors++;
      }
    }

    for (const o of outputs) {
      const target = o.target as OutputTarget;
      if (o.writer) target.write(o.writer.tail());
      else target.write(formatters[o.spec.format](collected, { ...ctx, color: colorFor(o.spec) }));
      target.commit();
    }
    await dataset?.close();
    if (opts.writeBaseline) {
      const out = atomicFile(at(opts.writeBaseline));
      out.write(`${JSON.stringify({ version: 1, entries: end.baselineEntries }, null, 2)}\n`);
      out.commit();
    }
  } catch (error) {
    progress.stop();
    for (const o of outputs) o.target?.abort();
    // What a store has committed stays: the next run resumes from it.
    await dataset?.close().catch(() => undefined);
    throw error;
  }
  if (opts.summary && !opts.quiet) env.stderr(summary.format());
  return check && summary.errors > 0 ? 1 : 0;
}

const GLOB_CHARS = /[*?[\]{}!]/;
