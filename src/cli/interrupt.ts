import { relative } from 'node:path';
import { openJournals, removeTemporaryOutputs } from '../node/output.js';

/** Shows the cursor and turns line wrapping back on (a progress bar hides the one and may turn off the other). */
export const RESTORE_TERMINAL = '\u001b[?25h\u001b[?7h';

/**
 * What an interrupted run prints on stderr: the terminal restored (when it is one), and how to continue with
 * `--resume` when a JSONL output holds the records written so far.
 *
 * @example
 * interruptMessage({ signal: 'SIGINT', tty: true, journals: [{ target: 'out.jsonl', journal: 'out.jsonl.partial' }] });
 */
export function interruptMessage(options: {
  signal: string;
  tty: boolean;
  journals: { target: string; journal: string }[];
  cwd?: string;
}): string {
  const show = (p: string) => relative(options.cwd ?? process.cwd(), p) || p;
  const lines = [`xxgk: interrupted (${options.signal})`];
  for (const { target, journal } of options.journals) {
    lines.push(
      `xxgk: the records written so far are in ${show(journal)}; to continue, run the same command with --resume ${show(target)}`,
    );
  }
  if (options.journals.length === 0) {
    lines.push(
      'xxgk: nothing to resume (only a jsonl output written to a file, -f jsonl -o FILE, can be resumed)',
    );
  }
  return `${options.tty ? `${RESTORE_TERMINAL}\n` : ''}${lines.join('\n')}\n`;
}

/**
 * On Ctrl-C or a kill: restores the terminal, removes half-written temporary outputs (a JSONL journal stays
 * for `--resume`), says how to continue, and ends the process at once (workers and sandbox processes with it).
 *
 * @example
 * handleInterrupts();
 */
export function handleInterrupts(): void {
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    process.once(signal, () => {
      removeTemporaryOutputs();
      process.stderr.write(
        interruptMessage({ signal, tty: process.stderr.isTTY === true, journals: openJournals() }),
      );
      process.exit(code);
    });
  }
}
