/**
 * Whether terminal output gets colours: `--no-color` turns them off; otherwise `FORCE_COLOR` (any value
 * but `0` or `false`) turns them on and `NO_COLOR` (any non-empty value, https://no-color.org) off, with
 * `FORCE_COLOR` winning as in Node itself; otherwise colours go to a terminal only.
 *
 * @example
 * useColor({ flag: true, env: { NO_COLOR: '1' }, tty: true }); // false
 */
export function useColor(options: {
  flag: boolean;
  env?: Record<string, string | undefined>;
  tty: boolean;
}): boolean {
  if (!options.flag) return false;
  const force = options.env?.['FORCE_COLOR'];
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  const no = options.env?.['NO_COLOR'];
  if (no !== undefined && no !== '') return false;
  return options.tty;
}
