import cliProgress from 'cli-progress';

/** Reports how far a batch has come. */
export interface Progress {
  start(total: number): void;
  /** One more file finished; `errors` = load failures so far. */
  tick(done: number, errors: number): void;
  stop(): void;
}

/**
 * Chooses the progress display: a bar on a terminal (files done/total, rate, ETA, errors), a plain line every
 * `intervalMs` otherwise, nothing with `quiet`. Everything goes to `write` (stderr).
 *
 * @example
 * const progress = createProgress({ write: (s) => process.stderr.write(s), tty: process.stderr.isTTY === true, quiet: false });
 */
export function createProgress(options: {
  write: (chunk: string) => void;
  tty: boolean;
  quiet: boolean;
  columns?: number;
  intervalMs?: number;
  now?: () => number;
}): Progress {
  if (options.quiet) return { start() {}, tick() {}, stop() {} };
  return options.tty ? barProgress(options) : lineProgress(options);
}

function rate(done: number, ms: number): string {
  return ms > 0 ? (done / (ms / 1000)).toFixed(1) : '0.0';
}

function barProgress(options: { write: (chunk: string) => void; columns?: number }): Progress {
  // cli-progress only needs write() and the TTY fields of a stream.
  const stream = {
    isTTY: true,
    columns: options.columns ?? 100,
    write: (chunk: string) => {
      options.write(chunk);
      return true;
    },
  } as unknown as NodeJS.WritableStream;
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: 'xxgk {bar} {value}/{total} files | {rate} files/s | ETA {eta_formatted} | {errors} failed',
      hideCursor: true,
      clearOnComplete: true,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = 0;
  return {
    start(total) {
      started = Date.now();
      bar.start(total, 0, { rate: '0.0', errors: 0 });
    },
    tick(done, errors) {
      bar.update(done, { rate: rate(done, Date.now() - started), errors });
    },
    stop() {
      bar.stop();
    },
  };
}

function lineProgress(options: {
  write: (chunk: string) => void;
  intervalMs?: number;
  now?: () => number;
}): Progress {
  const now = options.now ?? Date.now;
  const interval = options.intervalMs ?? 10_000;
  let total = 0;
  let started = 0;
  let last = 0;
  return {
    start(n) {
      total = n;
      started = now();
      last = started;
    },
    tick(done, errors) {
      const t = now();
      if (t - last < interval || done === total) return;
      last = t;
      const perSecond = done / Math.max((t - started) / 1000, 1e-9);
      const eta = perSecond > 0 ? Math.round((total - done) / perSecond) : 0;
      options.write(
        `xxgk: ${done}/${total} files, ${rate(done, t - started)} files/s, ETA ${eta} s, ${errors} failed\n`,
      );
    },
    stop() {},
  };
}
