import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/corpus.js';

const SRC = join(ROOT, 'src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** Every relative module a file imports or re-exports, resolved to a path under src/. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [
    ...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'";]*?from\s*['"]([^'"]+)['"]/g),
    ...text.matchAll(/\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g),
    ...text.matchAll(/(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g),
  ].map((m) => m[1] as string);
  return specs.filter((s) => s.startsWith('.')).map((s) => relative(SRC, resolve(dirname(file), s)));
}

describe('stage modules do not depend on the pipeline', () => {
  const stages = ['extract', 'meta', 'segment'];
  it.each(stages)('nothing under src/%s/ imports src/core/', (stage) => {
    const files = sources(join(SRC, stage));
    expect(files.length).toBeGreaterThan(0);
    const bad = files.flatMap((f) =>
      importsOf(f)
        .filter((target) => target === 'core' || target.startsWith('core/'))
        .map((target) => `${relative(ROOT, f)} → src/${target}`),
    );
    expect(bad).toEqual([]);
  });

  it('finds an import of src/core/ where there is one (the check can fail)', () => {
    expect(importsOf(join(SRC, 'node', 'parse-file.ts'))).toContain('core/pipeline.js');
  });
});
