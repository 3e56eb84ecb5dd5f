import { readFileSync } from 'node:fs';

/**
 * The package version (from package.json beside `src/` and `dist/`), for `xxgk --version` and SARIF logs.
 *
 * @example
 * TOOL_VERSION; // '0.1.0'
 */
export const TOOL_VERSION: string = (() => {
  try {
    return (
      JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version ?? '0.0.0'
    );
  } catch {
    return '0.0.0';
  }
})();
