import { removeTemporaryOutputs } from '../node/output.js';
import { main } from './main.js';

// On Ctrl-C or a kill, leave no half-written temporary outputs behind (a JSONL journal stays for --resume).
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const) {
  process.once(signal, () => {
    removeTemporaryOutputs();
    process.exit(code);
  });
}

process.exitCode = await main({
  argv: process.argv.slice(2),
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  stdin: process.stdin,
  stdoutIsTTY: process.stdout.isTTY === true,
  stderrIsTTY: process.stderr.isTTY === true,
});
