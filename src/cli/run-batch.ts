import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { hashBytes } from '../core/pipeline.js';
import { type FormatContext, formatters, type StreamWriter, streamFormatters } from '../format/index.js';
import { DEFAULT_LIMITS } from '../load/index.js';
import type { Report } from '../model/index.js';
import { expandInputs, parsePathList } from '../node/files.js';
import {
  atomicFile,
  continueJournal,
  jsonlJournal,
  type OutputTarget,
  writerTarget,
} from '../node/output.js';
import type { ParseTask } from '../node/parse-task.js';
import { createInlineRunner, createPoolRunner, type ParseRunner, resolveJobs } from '../node/pool.js';
import { inputKey, readResume } from '../node/resume.js';
import { DEFAULT_OCR, type OcrMode } from '../ocr/options.js';
import { checkAcross, type ReportDigest } from '../rules/cross.js';
import type { RulesConfig } from '../rules/index.js';
import type { MainParams } from './main.js';
import { type OutputSpec, parseOutputs } from './outputs.js';
import { createProgress } from './progress.js';
import {
  applyBaselineTo,
  type Baseline,
  baselineEntries,
  parseBaseline,
  resolveRunConfig,
  ruleMetas,
  UsageError,
} from './rules-api.js';
import { RunSummary } from './summary.js';

/** The environment of one CLI run: what `main` gets, less the arguments. */
export type BatchEnv = Omit<MainParams, 'argv'>;

/** Options of `xxgk parse` and `xxgk check` (as commander hands them over). */
export interface BatchOptions {
  format?: string;
  output: string[];
  jobs: string;
  sort?: boolean;
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
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0)
    throw new UsageError(`${name} needs a positive whole number, not "${value}"`);
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

function withoutText(report: Report): Report {
  const { text: _text, ...rest } = report;
  return rest;
}

/** One output while the run goes on: streamed record by record, or collected for the end. */
interface LiveOutput {
  spec: OutputSpec;
  target?: OutputTarget;
  writer?: StreamWriter;
}

/**
 * Runs `xxgk parse` or `xxgk check` over many files: expands the inputs, parses them inline or in worker
 * threads, streams records to every requested output, and prints progress and a summary on stderr.
 * Returns the exit code (check: 1 when an error-severity anomaly remains).
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
  const timeoutMs = positiveInt(opts.timeout, '--timeout');
  const delay = positiveInt(opts.debugDelay, '--debug-delay');
  const maxFileBytes = positiveInt(opts.maxFileSize, '--max-file-size') ?? DEFAULT_LIMITS.maxFileBytes;
  const ocr = {
    mode: (opts.ocr ?? 'auto') as OcrMode,
    pageTimeoutMs: positiveInt(opts.ocrTimeout, '--ocr-timeout') ?? DEFAULT_OCR.pageTimeoutMs,
  };
  const specs = parseOutputs(opts.output, opts.format ?? (check ? 'stylish' : 'json'));
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
  const { files, missing } = await expandInputs(list, { cwd, ignore: opts.ignore });
  for (const m of missing) env.stderr(`xxgk: no report files match ${m}\n`);
  if (files.length === 0) {
    env.stderr('xxgk: no files to read\n');
    return 2;
  }

  const summary = new RunSummary();
  const ctx: FormatContext = {
    rules: ruleMetas(),
    color: false,
    cwd,
    long: opts.long === true,
  };

  // Resume: count what the journal already holds.
  let done = new Map<string, number>();
  if (opts.resume) {
    const state = await readResume(continueJournal(at(opts.resume)));
    done = state.done;
    if (!opts.quiet) {
      env.stderr(
        `xxgk: resuming ${opts.resume}: ${state.records} records already there` +
          (state.truncatedBytes ? `, cut a torn last line of ${state.truncatedBytes} bytes` : '') +
          (state.invalid ? `, ${state.invalid} unreadable lines kept` : '') +
          '\n',
      );
    }
  }

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
  const accepted: Baseline['entries'] = [];
  const digests: ReportDigest[] = [];

  const jobs = resolveJobs(opts.jobs, files.length);
  const runner: ParseRunner = jobs === 1 ? createInlineRunner() : createPoolRunner(jobs);
  // A bar would tear records streamed to the same terminal; periodic lines do not.
  const streamsToTerminal = env.stdoutIsTTY === true && !check && specs.some((s) => s.file === undefined);
  const progress = createProgress({
    write: env.stderr,
    tty: env.stderrIsTTY === true && !streamsToTerminal,
    quiet: opts.quiet === true,
  });
  try {
    for (const o of outputs) {
      o.target = openTarget(o.spec);
      const stream = streamFormatters[o.spec.format];
      if (stream && !check) {
        o.writer = stream({
          ...ctx,
          color: o.spec.file === undefined && env.stdoutIsTTY === true && opts.color,
        });
        o.target.write(o.writer.head());
      }
    }

    const emit = (report: Report) => {
      const lean = opts.text ? report : withoutText(report);
      for (const o of outputs) if (o.writer) o.target?.write(o.writer.item(lean));
      if (needCollect) collected.push(lean);
    };
    // With --sort, finished reports wait here until every earlier file is out.
    const waiting = new Map<number, Report | null>();
    let nextOut = 0;
    const finish = (index: number, report: Report | null) => {
      if (!opts.sort) {
        if (report) emit(report);
        return;
      }
      waiting.set(index, report);
      for (let r = waiting.get(nextOut); r !== undefined; r = waiting.get(nextOut)) {
        waiting.delete(nextOut++);
        if (r) emit(r);
      }
    };

    progress.start(files.length);
    let next = 0;
    let finished = 0;
    const lane = async () => {
      for (let i = next++; i < files.length; i = next++) {
        const file = files[i] as string;
        const path = at(file);
        if (opts.resume) {
          const key = await inputKey(path, file, maxFileBytes);
          const count = done.get(key) ?? 0;
          if (count > 0) {
            done.set(key, count - 1);
            summary.skipped++;
            progress.tick(++finished, summary.failed);
            finish(i, null);
            continue;
          }
        }
        const task: ParseTask = {
          path,
          file,
          options: { limits: { maxFileBytes }, rules: rulesConfig, ocr },
          digest: check,
          debugDelayMs: delay,
          debugFault:
            opts.debugHang && file.includes(opts.debugHang)
              ? 'hang-sync'
              : opts.debugCrash && file.includes(opts.debugCrash)
                ? 'crash'
                : undefined,
        };
        const { report, digest } = await runner.run(task, timeoutMs);
        if (!report.hash && report.anomalies.some((a) => a.ruleId === 'load-failed')) {
          // Timeouts and worker crashes are recorded by the main thread, which still knows the bytes.
          const bytes = await readFile(path).catch(() => undefined);
          if (bytes && bytes.length <= maxFileBytes) report.hash = hashBytes(bytes);
        }
        if (digest) digests.push(digest);
        if (check && opts.writeBaseline) accepted.push(...baselineEntries(report));
        if (baseline) summary.suppressed += applyBaselineTo(report, baseline);
        summary.add(report);
        progress.tick(++finished, summary.failed);
        finish(i, report);
      }
    };
    await Promise.all(Array.from({ length: runner.threads }, lane));
    progress.stop();

    if (check) {
      const byFile = new Map(collected.map((r) => [r.file, r]));
      for (const { file, anomaly } of checkAcross(digests, rulesConfig)) {
        const report = byFile.get(file);
        if (!report) continue;
        report.anomalies.push(anomaly);
        if (opts.writeBaseline) accepted.push(...baselineEntries({ ...report, anomalies: [anomaly] }));
        if (baseline && applyBaselineTo({ ...report, anomalies: [anomaly] }, baseline) === 1) {
          report.anomalies.pop();
          summary.suppressed++;
          continue;
        }
        summary.anomalies.set(anomaly.ruleId, (summary.anomalies.get(anomaly.ruleId) ?? 0) + 1);
        if (anomaly.severity === 'error') summary.errors++;
      }
    }

    for (const o of outputs) {
      const target = o.target as OutputTarget;
      if (o.writer) target.write(o.writer.tail());
      else {
        const color = o.spec.file === undefined && env.stdoutIsTTY === true && opts.color;
        target.write(formatters[o.spec.format](collected, { ...ctx, color }));
      }
      target.commit();
    }
    if (opts.writeBaseline) {
      const out = atomicFile(at(opts.writeBaseline));
      out.write(`${JSON.stringify({ version: 1, entries: accepted }, null, 2)}\n`);
      out.commit();
    }
  } catch (error) {
    progress.stop();
    for (const o of outputs) o.target?.abort();
    throw error;
  } finally {
    await runner.close();
  }
  if (opts.summary && !opts.quiet) env.stderr(summary.format());
  return check && summary.errors > 0 ? 1 : 0;
}
