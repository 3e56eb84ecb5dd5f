import { Command, CommanderError } from 'commander';
import type { Report } from '../model/index.js';
import { expandInputs } from '../node/files.js';
import { parseFile } from '../node/parse-file.js';

/** What `main` needs from its environment, so tests can run the CLI in-process. */
export interface MainParams {
  argv: string[];
  stdout: (chunk: string) => void;
  stderr: (chunk: string) => void;
  cwd?: string;
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
  const program = new Command('xxgk')
    .description('Read Chinese government information-disclosure annual reports into typed, checked data')
    .exitOverride()
    .configureOutput({ writeOut: params.stdout, writeErr: params.stderr });

  program
    .command('parse')
    .description('parse reports into Report records')
    .argument('<paths...>', 'files, folders or globs')
    .option('-f, --format <format>', 'json or jsonl', 'json')
    .option('--no-text', 'leave the document text out of the records')
    .action(async (paths: string[], opts: { format: string; text: boolean }) => {
      if (opts.format !== 'json' && opts.format !== 'jsonl') {
        params.stderr(`xxgk: unknown format "${opts.format}" (expected json or jsonl)\n`);
        code = 2;
        return;
      }
      const { files, missing } = await expandInputs(paths, { cwd: params.cwd });
      for (const m of missing) params.stderr(`xxgk: no report files match ${m}\n`);
      if (files.length === 0) {
        code = 2;
        return;
      }
      const reports: Report[] = [];
      for (const file of files) {
        const report = await parseFile(file);
        if (!opts.text) delete report.text;
        if (opts.format === 'jsonl') params.stdout(`${JSON.stringify(report)}\n`);
        else reports.push(report);
      }
      if (opts.format === 'json') {
        params.stdout(`${JSON.stringify(reports.length === 1 ? reports[0] : reports, null, 2)}\n`);
      }
    });

  try {
    await program.parseAsync(params.argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    params.stderr(`xxgk: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 2;
  }
  return code;
}
