import { closeSync, copyFileSync, existsSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

const TEMPORARY = new Set<string>();
const JOURNALS = new Map<string, string>();

/**
 * The JSONL outputs of the running batch that are not finished yet (target → journal), for an interrupted
 * process to say how to resume.
 *
 * @example
 * openJournals(); // [{ target: 'out.jsonl', journal: 'out.jsonl.partial' }]
 */
export function openJournals(): { target: string; journal: string }[] {
  return [...JOURNALS].map(([target, journal]) => ({ target, journal }));
}

/**
 * Deletes the temporary files of atomic outputs still being written (for an interrupted process; JSONL
 * journals are kept so the run can be resumed).
 *
 * @example
 * process.once('SIGINT', () => { removeTemporaryOutputs(); process.exit(130); });
 */
export function removeTemporaryOutputs(): void {
  for (const temp of TEMPORARY) rmSync(temp, { force: true });
  TEMPORARY.clear();
}

/** Where one output format goes: written in pieces, then committed (or abandoned). */
export interface OutputTarget {
  /** A name for messages (the file, or `<stdout>`). */
  readonly name: string;
  write(chunk: string): void;
  /** Makes the output visible under its final name. */
  commit(): void;
  /** Drops the output after a crash (a journal keeps what it has, for `--resume`). */
  abort(): void;
}

/**
 * An output on the process's standard output (or any writer).
 *
 * @example
 * const out = writerTarget((s) => process.stdout.write(s));
 */
export function writerTarget(write: (chunk: string) => void, name = '<stdout>'): OutputTarget {
  return { name, write, commit: () => {}, abort: () => {} };
}

/**
 * A file written atomically: into a temporary file in the same folder, renamed over the target on commit,
 * so readers never see half a file.
 *
 * @example
 * const out = atomicFile('report.csv'); out.write('…'); out.commit();
 */
export function atomicFile(target: string): OutputTarget {
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}-${Date.now().toString(36)}.tmp`);
  const fd = openSync(temp, 'w');
  TEMPORARY.add(temp);
  let open = true;
  const close = () => {
    if (open) closeSync(fd);
    open = false;
    TEMPORARY.delete(temp);
  };
  return {
    name: target,
    write: (chunk) => {
      writeSync(fd, chunk);
    },
    commit: () => {
      close();
      renameSync(temp, target);
    },
    abort: () => {
      close();
      rmSync(temp, { force: true });
    },
  };
}

/**
 * The journal of a JSONL output: `<target>.partial`, appended record by record with synchronous writes so a
 * killed run leaves every finished record on disk (at most one torn line, cut by `--resume`), renamed to the
 * target when the run completes. With `resume`, an existing journal (or else the finished target) is continued.
 *
 * @example
 * const out = jsonlJournal('out.jsonl', { resume: true });
 */
export function jsonlJournal(target: string, options: { resume: boolean }): OutputTarget & { path: string } {
  const path = options.resume ? continueJournal(target) : journalPath(target);
  const fd = openSync(path, options.resume ? 'a' : 'w');
  JOURNALS.set(target, path);
  let open = true;
  const close = () => {
    if (open) closeSync(fd);
    open = false;
  };
  return {
    name: target,
    path,
    write: (chunk) => {
      writeSync(fd, chunk);
    },
    commit: () => {
      close();
      renameSync(path, target);
      JOURNALS.delete(target);
    },
    abort: close,
  };
}

/**
 * The journal file of a JSONL output target.
 *
 * @example
 * journalPath('out.jsonl'); // 'out.jsonl.partial'
 */
export function journalPath(target: string): string {
  return `${target}.partial`;
}

/**
 * Prepares a journal to be continued: when only the finished target exists, copies it to the journal
 * (the target stays intact until the new run commits). Returns the journal path.
 *
 * @example
 * const state = await readResume(continueJournal('out.jsonl'));
 */
export function continueJournal(target: string): string {
  const path = journalPath(target);
  if (!existsSync(path) && existsSync(target)) copyFileSync(target, path);
  return path;
}
