/**
 * Escapes text for HTML element content and double-quoted attribute values. Everything that comes from a
 * report (text, agency, file name, labels) goes through here, so markup in a report shows as text.
 *
 * @example
 * escapeHtml('<img onerror=x>'); // '&lt;img onerror=x&gt;'
 */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Serializes a value as JSON that is safe inside `<script type="application/json">`: no `</` (which
 * could close the element) and no `<!--` (which switches the HTML tokenizer into its escaped script
 * state) survive, yet `JSON.parse(element.textContent)` returns the value unchanged.
 *
 * @example
 * jsonForScript('</script><!--'); // '"<\\/script>\\u003c!--"'
 */
export function jsonForScript(value: unknown): string {
  return (JSON.stringify(value) ?? 'null')
    .replace(/<\//g, '<\\/')
    .replace(/<!--/g, '\\u003c!--')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * Turns a free string (a canonical key, a section id) into a fragment of an HTML id: ASCII letters,
 * digits and `.`, `-`, `@` stay, every other character becomes `_` plus its code, so distinct strings
 * give distinct ids.
 *
 * @example
 * idPart('requests.newReceived.total'); // 'requests.newReceived.total'
 * idPart('三 2'); // '_4e09_20_2'
 */
export function idPart(value: string): string {
  return value.replace(/[^A-Za-z0-9.@-]/g, (c) => `_${c.codePointAt(0)?.toString(16) ?? ''}`);
}

/**
 * Shows a file path relative to `cwd` when it lies inside it.
 *
 * @example
 * displayPath('/data/r/a.pdf', '/data'); // 'r/a.pdf'
 */
export function displayPath(file: string, cwd?: string): string {
  if (!cwd) return file;
  const base = cwd.endsWith('/') || cwd.endsWith('\\') ? cwd : `${cwd}/`;
  if (file.startsWith(base)) return file.slice(base.length);
  const winBase = base.replace(/\//g, '\\');
  return file.startsWith(winBase) ? file.slice(winBase.length) : file;
}
