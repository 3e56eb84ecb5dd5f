import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type MainParams, main } from '../../src/cli/main.js';

/** What one in-process CLI run produced. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `xxgk` in-process with captured output. */
export async function runCli(argv: string[], extra: Partial<MainParams> = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main({
    argv,
    stdout: (s) => {
      stdout += s;
    },
    stderr: (s) => {
      stderr += s;
    },
    ...extra,
  });
  return { code, stdout, stderr };
}

/** A fresh scratch folder under the system temp folder. */
export function scratch(prefix = 'xxgk-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Records of a JSONL text. */
export function jsonlRecords<T = Record<string, unknown>>(text: string): T[] {
  return text
    .split('\n')
    .filter((l) => l.length > 0)
    .map((l) => JSON.parse(l) as T);
}
