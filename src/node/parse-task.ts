import { isMainThread, type MessagePort } from 'node:worker_threads';
import type { ParseOptions } from '../core/pipeline.js';
import type { Report } from '../model/index.js';
import { digestReport, type ReportDigest } from '../rules/cross.js';
import { type ResolvedConfig, type RulesConfig, resolveConfig } from '../rules/index.js';
import { parseFile } from './parse-file.js';

/**
 * One unit of work for a parse worker: plain data, so it crosses a thread boundary unchanged.
 * The `debug*` fields exist so tests can simulate slow and hanging documents without real ones.
 */
export interface ParseTask {
  /** Path to open (absolute or relative to the process). */
  path: string;
  /** Name recorded in `Report.file`. */
  file: string;
  options: Pick<ParseOptions, 'limits' | 'rules'>;
  /** Also compute the cross-report digest (for `xxgk check`). */
  digest?: boolean;
  /** In a worker: told when the task starts running (a time limit does not count a worker's start-up) and
   * when the thread exits in the middle of it (see worker-task.ts). */
  started?: MessagePort;
  /** Test hook: wait this long before parsing. */
  debugDelayMs?: number;
  /** Test hook: misbehave like a pathological document (`hang-sync` blocks the thread, `hang-async` never
   * resolves, `crash` kills the worker thread or, inline, throws). */
  debugFault?: 'hang-sync' | 'hang-async' | 'crash';
}

const RESOLVED = new Map<string, ResolvedConfig>();

/**
 * The rule configuration resolved once per worker instead of once per report (the rules accept a resolved
 * configuration as well as a raw one).
 */
function resolvedRules(rules: ParseOptions['rules']): ParseOptions['rules'] {
  if (rules === false || rules === undefined) return rules;
  const key = JSON.stringify(rules);
  let resolved = RESOLVED.get(key);
  if (!resolved) {
    resolved = resolveConfig(rules);
    RESOLVED.set(key, resolved);
  }
  return resolved as unknown as RulesConfig;
}

/** What a parse worker returns. */
export interface ParseResult {
  report: Report;
  digest?: ReportDigest;
}

/**
 * Runs one {@link ParseTask}: the same code inline and inside a worker thread.
 *
 * @example
 * const { report } = await runParseTask({ path: 'a.txt', file: 'a.txt', options: {} });
 */
export async function runParseTask(task: ParseTask): Promise<ParseResult> {
  if (task.debugFault === 'hang-sync')
    for (;;) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000);
  if (task.debugFault === 'hang-async') await new Promise(() => {});
  if (task.debugFault === 'crash') {
    if (isMainThread) throw new Error('simulated crash');
    // An uncaught error kills the worker thread, as a fatal error in a parser would.
    setTimeout(() => {
      throw new Error('simulated fatal error in a parser');
    });
    await new Promise(() => {});
  }
  if (task.debugDelayMs) await new Promise((resolve) => setTimeout(resolve, task.debugDelayMs));
  const report = await parseFile(task.path, {
    ...task.options,
    rules: resolvedRules(task.options.rules),
    file: task.file,
  });
  return task.digest ? { report, digest: digestReport(report) } : { report };
}

const WARM_UP_TEXT = [
  '某某县民政局2020年政府信息公开工作年度报告',
  '一、总体情况',
  '2020年，本局主动公开政府信息12条，其中规范性文件2件。',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '本年新收政府信息公开申请3件，上年结转0件。',
  '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况',
  '六、其他需要报告的事项',
  '某某县民政局',
  '2021年1月15日',
].join('\n');

/**
 * Runs the whole pipeline once over a small invented report, so the one-time costs (dictionaries, the
 * segmenter, compiled patterns) are paid when a worker starts rather than inside the first file's time limit.
 *
 * @example
 * await warmUp();
 */
export async function warmUp(): Promise<void> {
  const { parseText } = await import('../core/pipeline.js');
  const report = parseText(WARM_UP_TEXT, { file: '<warm-up>' });
  digestReport(report);
}
