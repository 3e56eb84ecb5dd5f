import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/corpus.js';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

/** Every file path a package.json `exports` map points at. */
function exportTargets(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(exportTargets);
  return [];
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : [path];
  });
}

describe('the published package', () => {
  it('ships every file its exports and bin need, and no source maps pointing at unshipped sources', () => {
    const listing = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    const files = new Set<string>(JSON.parse(listing)[0].files.map((f: { path: string }) => f.path));
    const needed = [
      ...exportTargets(pkg.exports),
      pkg.main,
      pkg.types,
      ...Object.values(pkg.bin as Record<string, string>),
      'dist/cli/bin.js',
      'dist/node/parse-worker.js',
      'dict/xxgk.dict.txt',
      'LICENSE',
    ].map((p: string) => p.replace(/^\.\//, ''));
    for (const file of needed) expect(files.has(file), file).toBe(true);
    expect([...files].filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(pkg.exports['./node']).toEqual({
      types: './dist/node/index.d.ts',
      default: './dist/node/index.js',
    });
  });

  it('depends at run time only on packages src/ imports', () => {
    const code = sources(join(ROOT, 'src'))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    for (const name of Object.keys(pkg.dependencies)) {
      const imported = [
        `from '${name}'`,
        `from '${name}/`,
        `import('${name}'`,
        `import('${name}/`,
        `require.resolve('${name}/`,
      ];
      expect(
        imported.some((form) => code.includes(form)),
        name,
      ).toBe(true);
    }
    expect(pkg.dependencies).not.toHaveProperty('mammoth');
    expect(pkg.devDependencies).toHaveProperty('pdf-parse');
  });

  it('names its licence, repository and keywords, and the Node versions its dependencies accept', () => {
    expect(pkg.license).toBe('MIT');
    expect(readFileSync(join(ROOT, 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
    expect(pkg.repository.url).toMatch(/github\.com\/xxgk-report\/xxgk-report/);
    expect(pkg.keywords.length).toBeGreaterThan(3);
    // parse5's entities needs 20.19; tinypool leaves out Node 21.
    expect(pkg.engines.node).toBe('^20.19.0 || >=22.0.0');
  });
});
