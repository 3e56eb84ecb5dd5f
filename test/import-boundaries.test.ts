import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/corpus.js';

const SRC = join(ROOT, 'src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** Every module a file imports or re-exports (type-only imports included), as written. */
function specifiersOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [
    ...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'";]*?from\s*['"]([^'"]+)['"]/g),
    ...text.matchAll(/\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g),
    ...text.matchAll(/(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g),
  ].map((m) => m[1] as string);
}

/** Every relative module a file imports or re-exports, resolved to a path under src/. */
function importsOf(file: string): string[] {
  return specifiersOf(file)
    .filter((s) => s.startsWith('.'))
    .map((s) => relative(SRC, resolve(dirname(file), s)));
}

const NODE_BUILTINS = new Set(builtinModules);

/**
 * The Node built-ins (`node:fs`, `fs`, `node:crypto` …) that a module and every module of src/ it
 * reaches through relative imports import, as `file → builtin` lines.
 */
function nodeImportsReachedFrom(entry: string): string[] {
  const seen = new Set<string>();
  const found: string[] = [];
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const spec of specifiersOf(file)) {
      if (spec.startsWith('.')) visit(resolve(dirname(file), spec).replace(/\.js$/, '.ts'));
      else if (spec.startsWith('node:') || NODE_BUILTINS.has(spec.split('/')[0] as string)) {
        found.push(`${relative(ROOT, file)} → ${spec}`);
      }
    }
  };
  visit(entry);
  return found;
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

describe('the kernel does no I/O', () => {
  it('neither src/kernel/ nor anything it imports, transitively, imports a Node built-in (fs, crypto …)', () => {
    const entries = sources(join(SRC, 'kernel'));
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.flatMap(nodeImportsReachedFrom)).toEqual([]);
  });

  it('finds a Node built-in reached through a relative import (the check can fail)', () => {
    // src/core/pipeline.ts hashes with node:crypto itself and reaches node:fs through the dictionary loader.
    const found = nodeImportsReachedFrom(join(SRC, 'core', 'pipeline.ts'));
    expect(found).toContain('src/core/pipeline.ts → node:crypto');
    expect(found).toContain('src/node/dictionary.ts → node:fs');
  });
});

describe('the native DuckDB binary loads only when a dataset is opened', () => {
  /** Every module reachable from an entry whose static, non-type import loads the package. */
  function staticValueImporters(entry: string, pkg: string): string[] {
    const seen = new Set<string>();
    const found: string[] = [];
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(
        /(?:^|\n)\s*(import|export)\b(\s+type\b)?[^'";]*?from\s*['"]([^'"]+)['"]/g,
      )) {
        const spec = m[3] as string;
        if (spec.startsWith('.')) visit(resolve(dirname(file), spec).replace(/\.js$/, '.ts'));
        else if (spec === pkg && !m[2]) found.push(relative(ROOT, file));
      }
    };
    visit(entry);
    return found;
  }

  it('no module that xxgk-report/node or the CLI reaches imports @duckdb/node-api at load time', () => {
    for (const entry of ['node/index.ts', 'cli/main.ts']) {
      expect(staticValueImporters(join(SRC, entry), '@duckdb/node-api'), entry).toEqual([]);
    }
    // the same walk finds a package that is imported statically
    expect(staticValueImporters(join(SRC, 'index.ts'), 'zod').length).toBeGreaterThan(0);
  });
});
