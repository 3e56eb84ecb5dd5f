import { createHash } from 'node:crypto';

/** One shard of a run: the `index`-th (1-based) of `count` disjoint parts of the inputs. */
export interface Shard {
  index: number;
  count: number;
}

/** A `--shard` value that cannot be read, or `auto` without the variables it reads. */
export class ShardError extends Error {
  override readonly name = 'ShardError';
}

/**
 * The shard (0-based) a path belongs to among `count`: the first 8 bytes of the sha256 of the path, as
 * written in the input list with `/` separators, modulo `count`. A path hash is free (no file is read
 * before the choice), the same on every host that lists the same archive the same way, balanced up to
 * chance, and stable when files are added, so a file never moves to another shard between runs.
 *
 * @example
 * shardOfPath('2019/a.pdf', 4); // 0, 1, 2 or 3, always the same
 */
export function shardOfPath(path: string, count: number): number {
  const digest = createHash('sha256').update(path.split('\\').join('/')).digest();
  return Number(digest.readBigUInt64BE(0) % BigInt(count));
}

/**
 * The files of one shard, in their order.
 *
 * @example
 * pickShard(['a.pdf', 'b.pdf', 'c.pdf'], { index: 1, count: 2 });
 */
export function pickShard(files: string[], shard: Shard): string[] {
  return files.filter((f) => shardOfPath(f, shard.count) === shard.index - 1);
}

const int = (value: string | undefined) =>
  value !== undefined && /^\d+$/.test(value.trim()) ? Number(value) : undefined;

/**
 * Reads `--shard`: `k/n` (1 ≤ k ≤ n, 1-based like `vitest --shard`), or `auto` / `auto/n` taking k from the
 * job engine's variables: `JOB_COMPLETION_INDEX` (Kubernetes Indexed Job, 0-based), `SLURM_ARRAY_TASK_ID`
 * (Slurm array, counted from `SLURM_ARRAY_TASK_MIN`, n from `SLURM_ARRAY_TASK_COUNT`), `PARALLEL_SEQ`
 * (GNU parallel, 1-based). n comes from the value (`auto/8`), else from `SLURM_ARRAY_TASK_COUNT` or
 * `XXGK_SHARDS`.
 *
 * @example
 * parseShard('2/4'); // { index: 2, count: 4 }
 * parseShard('auto/4', { JOB_COMPLETION_INDEX: '0' }); // { index: 1, count: 4 }
 */
export function parseShard(value: string, env: Record<string, string | undefined> = {}): Shard {
  const m = /^\s*(auto|\d+)\s*(?:\/\s*(\d+))?\s*$/.exec(value);
  if (!m) throw new ShardError(`--shard needs k/n (e.g. 2/4) or auto, not "${value}"`);
  let count = int(m[2]);
  let index: number | undefined;
  if (m[1] === 'auto') {
    const k8s = int(env['JOB_COMPLETION_INDEX']);
    const slurm = int(env['SLURM_ARRAY_TASK_ID']);
    const parallel = int(env['PARALLEL_SEQ']);
    if (k8s !== undefined) index = k8s + 1;
    else if (slurm !== undefined) index = slurm - (int(env['SLURM_ARRAY_TASK_MIN']) ?? 0) + 1;
    else if (parallel !== undefined) index = parallel;
    else
      throw new ShardError(
        '--shard auto needs JOB_COMPLETION_INDEX, SLURM_ARRAY_TASK_ID or PARALLEL_SEQ in the environment',
      );
    count ??= int(env['SLURM_ARRAY_TASK_COUNT']) ?? int(env['XXGK_SHARDS']);
    if (count === undefined)
      throw new ShardError('--shard auto needs the number of shards: --shard auto/N, or XXGK_SHARDS=N');
  } else {
    index = int(m[1]);
    if (count === undefined) throw new ShardError(`--shard needs k/n (e.g. 2/4), not "${value}"`);
  }
  if (index === undefined || count < 1 || index < 1 || index > count)
    throw new ShardError(`--shard ${value}: the shard must be between 1 and ${count}, got ${index}`);
  return { index, count };
}
