import { describe, expect, it } from 'vitest';
import { parseShard, pickShard, ShardError, shardOfPath } from '../src/dataset/shard.js';
import { runCli } from './helpers/cli.js';

const files = Array.from({ length: 2000 }, (_, i) => `archive/${2008 + (i % 18)}/report-${i}.pdf`);

describe('--shard', () => {
  it('splits the inputs into disjoint parts that cover them, balanced up to chance', () => {
    const parts = [1, 2, 3, 4].map((index) => pickShard(files, { index, count: 4 }));
    expect(parts.flat().sort()).toEqual([...files].sort());
    for (const part of parts) expect(part.length).toBeGreaterThan(420);
    // The same path always lands in the same shard, whatever else is listed.
    expect(
      pickShard([files[7] as string], { index: shardOfPath(files[7] as string, 4) + 1, count: 4 }),
    ).toEqual([files[7]]);
    expect(shardOfPath('a\\b.pdf', 3)).toBe(shardOfPath('a/b.pdf', 3));
  });

  it('reads k/n and the job engines’ variables', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    expect(parseShard('auto/8', { JOB_COMPLETION_INDEX: '0' })).toEqual({ index: 1, count: 8 });
    expect(
      parseShard('auto', {
        SLURM_ARRAY_TASK_ID: '5',
        SLURM_ARRAY_TASK_MIN: '1',
        SLURM_ARRAY_TASK_COUNT: '6',
      }),
    ).toEqual({ index: 5, count: 6 });
    expect(parseShard('auto', { PARALLEL_SEQ: '3', XXGK_SHARDS: '4' })).toEqual({ index: 3, count: 4 });
    expect(() => parseShard('5/4')).toThrow(ShardError);
    expect(() => parseShard('auto', {})).toThrow(/JOB_COMPLETION_INDEX/);
    expect(() => parseShard('auto', { JOB_COMPLETION_INDEX: '1' })).toThrow(/auto\/N/);
  });

  it('is a usage error on the command line', async () => {
    const run = await runCli(['parse', 'test/corpus', '--shard', '0/4', '-o', '/tmp/x.duckdb']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('between 1 and 4');
  });
});
