import { Command, CommanderError, Option } from 'commander';
import stringWidth from 'string-width';
import { FORMAT_NAMES } from '../format/index.js';
import { TOOL_VERSION } from '../format/tool-version.js';
import { MissingInputError } from '../node/engine.js';
import { ConfigError } from '../rules/index.js';
import { explainText, presetNames, ruleMetas, UsageError } from './rules-api.js';
import { type BatchEnv, type BatchOptions, runBatch } from './run-batch.js';
import { type MergeOptions, runMerge } from './run-merge.js';
import { reportJsonSchemaText } from './schema.js';

/** What `main` needs from its environment, so tests can run the CLI in-process. */
export interface MainParams {
  argv: string[];
  stdout: (chunk: string) => void;
  stderr: (chunk: string) => void;
  cwd?: string;
  /** The file list read for the path `-` (one path per line): text, or a stream such as `process.stdin`. */
  stdin?: string | AsyncIterable<string | Uint8Array>;
  /** stdout is a terminal (colours in stylish). */
  stdoutIsTTY?: boolean;
  /** stderr is a terminal (progress bar instead of plain lines). */
  stderrIsTTY?: boolean;
  /** Environment variables (`NO_COLOR`, `FORCE_COLOR`); the bin passes `process.env`. */
  env?: Record<string, string | undefined>;
}

const collect = (value: string, previous: string[]) => [...previous, value];

function addBatchOptions(command: Command, defaultFormat: string): Command {
  return (
    command
      .argument(
        '<paths...>',
        'files, folders (searched recursively), globs, or - for a list of paths on stdin',
      )
      .option(
        '-f, --format <format>',
        `output format: ${FORMAT_NAMES.join(', ')} (default: ${defaultFormat})`,
      )
      .option(
        '-o, --output <file>',
        'write to a file (atomically); repeat as format=file for several formats',
        collect,
        [],
      )
      .option('-j, --jobs <n|auto>', 'parse in this many worker threads (1 = on the main thread)', 'auto')
      // Records always come in input order now; the flag stays accepted so existing scripts keep working.
      .addOption(new Option('--sort', 'no effect: records are written in input order').hideHelp())
      .option('--ignore <pattern>', 'skip files matching a glob (repeatable)', collect, [])
      .option(
        '--timeout <ms>',
        'give up on a file after this long (it gets a load-failed record with code timeout)',
        '300000',
      )
      .option('--max-file-size <bytes>', 'refuse files larger than this (load-failed, code too-large)')
      .addOption(
        new Option('--ocr <mode>', 'OCR: auto (pages without text, images), force (every page), off')
          .choices(['auto', 'off', 'force'])
          .default('auto'),
      )
      .option('--ocr-timeout <ms>', 'give up on one page of OCR after this long', '120000')
      .option(
        '--resume <file>',
        'continue an interrupted run: skip files already in this JSONL output, append the rest',
      )
      .option(
        '--shard <k/n|auto>',
        'parse only shard k of n (by path hash; auto reads JOB_COMPLETION_INDEX, SLURM_ARRAY_TASK_ID or PARALLEL_SEQ)',
      )
      .option('--no-text', 'leave the document text out of json/jsonl records')
      .option('--long', 'csv: one row per figure instead of one row per report')
      .option('--no-color', 'no colours in the terminal format (also NO_COLOR=1; FORCE_COLOR=1 forces them)')
      .option('-q, --quiet', 'no progress and no summary on stderr')
      .option('--no-summary', 'no summary on stderr at the end')
      .addOption(new Option('--debug-delay <ms>', 'test hook: wait before each file').hideHelp())
      .addOption(
        new Option(
          '--debug-hang <substring>',
          'test hook: hang on files whose path contains this',
        ).hideHelp(),
      )
      .addOption(
        new Option(
          '--debug-crash <substring>',
          'test hook: crash on files whose path contains this',
        ).hideHelp(),
      )
  );
}

/**
 * Runs the `xxgk` command line and returns its exit code (0 ok, 1 error anomalies, 2 bad usage or crash).
 * It never calls `process.exit`.
 *
 * @example
 * const code = await main({ argv: ['parse', 'fixtures/', '--format', 'jsonl'], stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s) });
 */
export async function main(params: MainParams): Promise<number> {
  let code = 0;
  const env: BatchEnv = params;
  const program = new Command('xxgk')
    .description('Read Chinese government information-disclosure annual reports into typed, checked data')
    .version(TOOL_VERSION, '-V, --version', 'print the version')
    .exitOverride()
    .showHelpAfterError(false)
    .configureOutput({ writeOut: params.stdout, writeErr: params.stderr });

  addBatchOptions(
    program.command('parse').description('parse reports into Report records (default format json)'),
    'json',
  ).action(async (paths: string[], opts: BatchOptions) => {
    code = await runBatch('parse', paths, opts, env);
  });

  addBatchOptions(
    program
      .command('check')
      .description('check reports for anomalies; exit 1 when an error remains (default format stylish)'),
    'stylish',
  )
    .option(
      '--config <file>',
      'JSON rule configuration: { "preset"?: …, "rules": { "<id>": "off" | "warning" | "error" } }',
    )
    .option('--preset <name>', `rule preset: ${presetNames().join(', ')}`)
    .option('--baseline <file>', 'suppress the anomalies accepted in this baseline file')
    .option('--write-baseline <file>', 'write every anomaly found to a baseline file')
    .action(async (paths: string[], opts: BatchOptions) => {
      code = await runBatch('check', paths, opts, env);
    });

  program
    .command('merge')
    .description('combine shard outputs (DuckDB files, Parquet folders, JSONL files) into one dataset')
    .argument('<shards...>', 'the shard outputs, in order (a later one wins for a path in several)')
    .requiredOption(
      '-o, --output <target>',
      'the merged dataset: a .duckdb file, or a folder with -f parquet',
    )
    .option('-f, --format <format>', 'duckdb or parquet (default: from the output name)')
    .option('-q, --quiet', 'no summary on stderr')
    .action(async (shards: string[], opts: MergeOptions) => {
      code = await runMerge(shards, opts, env);
    });

  program
    .command('rules')
    .description('list the anomaly rules')
    .action(() => {
      const metas = ruleMetas();
      const width = Math.max(2, ...metas.map((m) => stringWidth(m.id)));
      for (const m of metas) {
        params.stdout(
          `${m.id.padEnd(width)}  ${m.severity.padEnd(7)}  ${m.scope.padEnd(6)}  ${m.description.zh} / ${m.description.en}\n`,
        );
      }
      if (metas.length === 0) params.stderr('xxgk: no rules are registered\n');
    });

  program
    .command('explain')
    .description("print one rule's documentation")
    .argument('<ruleId>', 'rule id, as listed by `xxgk rules`')
    .action((id: string) => {
      const text = explainText(id);
      if (text === undefined) throw new UsageError(`unknown rule "${id}"; \`xxgk rules\` lists them`);
      params.stdout(text);
    });

  program
    .command('schema')
    .description('print the JSON Schema of the output records')
    .action(() => {
      params.stdout(reportJsonSchemaText());
    });

  try {
    await program.parseAsync(params.argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ||
        error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.version'
        ? 0
        : 2;
    }
    if (error instanceof UsageError || error instanceof ConfigError || error instanceof MissingInputError) {
      params.stderr(`xxgk: ${error.message}\n`);
      return 2;
    }
    params.stderr(`xxgk: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 2;
  }
  return code;
}
