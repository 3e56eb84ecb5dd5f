import { parse, type DefaultTreeAdapterTypes as T } from 'parse5';
import { decodeHtml } from './html-charset.js';
import { LoadError, type LoadedText, type LoadLimits } from './loaded.js';
import { expandSpans, joinCellParts, type SpanningCell, TextBuilder } from './text-builder.js';

type Node = T.ChildNode | T.Document | T.Element;

/** Elements whose content is never report text. */
const DROPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
  'select',
  'textarea',
  'button',
  'svg',
  'math',
  'canvas',
  'video',
  'audio',
  'map',
  'head',
  'input',
]);
/** Elements that start a new line. */
const BLOCKS = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'aside',
  'header',
  'footer',
  'nav',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'blockquote',
  'pre',
  'center',
  'address',
  'form',
  'fieldset',
  'figure',
  'figcaption',
  'hr',
  'body',
  'html',
  'caption',
  'legend',
  'details',
  'summary',
]);
const CJK = /[\u3400-\u9fff]/g;

interface Scored {
  /** Chinese characters outside links: prose, not navigation. */
  prose: number;
  el: T.Element;
  depth: number;
}

/**
 * Loads an HTML page as governments publish it: decoded by BOM / declared charset / detection (GBK
 * included), parsed as tag soup by parse5, the report body found among navigation and footers by
 * content scoring, scripts/styles/comments dropped, tables (rowspan/colspan expanded) kept as grids.
 *
 * @example
 * const loaded = loadHtml(readFileSync('report.html'), DEFAULT_LIMITS);
 * loaded.properties?.title; // the page <title>
 */
export function loadHtml(bytes: Uint8Array, limits: LoadLimits): LoadedText {
  const { text: html } = decodeHtml(bytes);
  const doc = parse(html);
  const properties = pageProperties(doc);
  const body = findBody(doc, limits.maxXmlDepth);
  const walker = new HtmlWalker();
  walker.block(body);
  walker.flush();
  return { ...walker.out.finish('html'), properties };
}

function isElement(node: Node): node is T.Element {
  return 'tagName' in node;
}

function childrenOf(node: Node): T.ChildNode[] {
  if (isElement(node) && node.tagName === 'template') return [];
  return 'childNodes' in node ? node.childNodes : [];
}

function attr(el: T.Element, name: string): string | undefined {
  return el.attrs.find((a) => a.name === name)?.value;
}

/** Title and the article metadata many government CMSs put in `<meta name=…>`. */
function pageProperties(doc: T.Document): Record<string, string> {
  const out: Record<string, string> = {};
  const names: Record<string, string> = {
    articletitle: 'articleTitle',
    pubdate: 'published',
    author: 'author',
    contentsource: 'source',
    columnname: 'column',
    sitename: 'site',
  };
  const walk = (node: Node) => {
    for (const child of childrenOf(node)) {
      if (!isElement(child)) continue;
      if (child.tagName === 'title' && !out['title'])
        out['title'] = textContent(child).replace(/\s+/g, ' ').trim();
      if (child.tagName === 'meta') {
        const key = names[(attr(child, 'name') ?? '').toLowerCase()];
        const value = attr(child, 'content')?.trim();
        if (key && value) out[key] = value;
      }
      if (child.tagName === 'head' || child.tagName === 'html') walk(child);
    }
  };
  walk(doc);
  if (!out['title']) delete out['title'];
  return out;
}

function textContent(node: Node): string {
  if (node.nodeName === '#text') return (node as T.TextNode).value;
  return childrenOf(node).map(textContent).join('');
}

/**
 * The element holding the report: the deepest element that still holds most of the page's prose
 * (Chinese characters outside links and dropped elements). Navigation is mostly links, so it scores low;
 * footers are short, so leaving them out costs little.
 */
function findBody(doc: T.Document, maxDepth: number): T.Element {
  const scored: Scored[] = [];
  const score = (node: Node, depth: number, inLink: boolean): number => {
    if (depth > maxDepth) {
      throw new LoadError('too-deep', `the HTML nests more than ${maxDepth} elements deep`);
    }
    if (node.nodeName === '#text') return inLink ? 0 : ((node as T.TextNode).value.match(CJK)?.length ?? 0);
    if (!isElement(node) && node.nodeName !== '#document') return 0;
    if (isElement(node) && DROPPED.has(node.tagName)) return 0;
    const link = inLink || (isElement(node) && node.tagName === 'a');
    let prose = 0;
    for (const child of childrenOf(node)) prose += score(child, depth + 1, link);
    if (isElement(node)) scored.push({ prose, el: node, depth });
    return prose;
  };
  const total = score(doc, 0, false);
  const html = scored.find((s) => s.el.tagName === 'html');
  const bodyEl = scored.find((s) => s.el.tagName === 'body')?.el ?? html?.el;
  if (!bodyEl) throw new LoadError('corrupt', 'the HTML has no body');
  if (total === 0) return bodyEl;
  let best: Scored | undefined;
  for (const s of scored) {
    if (s.prose >= total * 0.75 && (!best || s.depth > best.depth)) best = s;
  }
  return outsideTables(best?.el ?? bodyEl);
}

/**
 * The element itself, or the parent of the data table holding it: a page whose table holds most of its
 * text would otherwise be read from one of the table's rows or cells, and lose the grid. Layout tables
 * (which hold the article) are not left.
 */
function outsideTables(el: T.Element): T.Element {
  let out = el;
  for (
    let node: T.ParentNode | null = el;
    node && isElement(node as Node);
    node = (node as T.Element).parentNode
  ) {
    const e = node as T.Element;
    if (e.tagName !== 'table') continue;
    if (isLayoutTable(e, tableRows(e))) break;
    if (e.parentNode && isElement(e.parentNode as Node)) out = e.parentNode as T.Element;
  }
  return out;
}

/** Renders an element tree as lines: blocks and `<br>` break lines, tables become grids. */
class HtmlWalker {
  readonly out = new TextBuilder();
  private line: string[] = [];
  private paragraphs = 0;

  /** Ends the current line. */
  flush(): void {
    const text = collapse(this.line.join(''));
    this.line = [];
    if (!text) return;
    this.paragraphs++;
    this.out.paragraph(text, { paragraph: this.paragraphs });
  }

  block(node: Node): void {
    for (const child of childrenOf(node)) {
      if (child.nodeName === '#text') {
        this.line.push((child as T.TextNode).value);
        continue;
      }
      if (!isElement(child) || DROPPED.has(child.tagName)) continue;
      const tag = child.tagName;
      if (tag === 'br') {
        this.flush();
      } else if (tag === 'table') {
        this.flush();
        this.table(child);
      } else if (BLOCKS.has(tag) || tag === 'tr' || tag === 'td' || tag === 'th') {
        this.flush();
        this.block(child);
        this.flush();
      } else {
        this.block(child);
      }
    }
  }

  private table(table: T.Element): void {
    const rows = tableRows(table);
    if (isLayoutTable(table, rows)) {
      for (const tr of rows)
        for (const cell of tr) {
          this.block(cell);
          this.flush();
        }
      return;
    }
    const caption = childrenOf(table).find((c) => isElement(c) && c.tagName === 'caption');
    if (caption) {
      this.block(caption);
      this.flush();
    }
    const spanning: SpanningCell[][] = rows.map((tr) =>
      tr.map((cell) => ({
        text: cellText(cell),
        colSpan: clampSpan(attr(cell, 'colspan'), 100),
        rowSpan: clampSpan(attr(cell, 'rowspan'), 1000),
      })),
    );
    this.out.table(expandSpans(spanning));
  }
}

function clampSpan(value: string | undefined, max: number): number {
  const n = Number.parseInt(value ?? '1', 10);
  return Number.isFinite(n) && n > 0 ? Math.min(n, max) : 1;
}

/** The rows of a table (through thead/tbody/tfoot), not those of nested tables. */
function tableRows(table: T.Element): T.Element[][] {
  const rows: T.Element[][] = [];
  const visit = (node: Node) => {
    for (const child of childrenOf(node)) {
      if (!isElement(child)) continue;
      if (child.tagName === 'tr') {
        rows.push(
          childrenOf(child).filter(
            (c): c is T.Element => isElement(c) && (c.tagName === 'td' || c.tagName === 'th'),
          ),
        );
      } else if (child.tagName === 'thead' || child.tagName === 'tbody' || child.tagName === 'tfoot')
        visit(child);
    }
  };
  visit(table);
  return rows;
}

/** A table used for page layout: it holds other tables, has a single column, or cells of running prose. */
function isLayoutTable(table: T.Element, rows: T.Element[][]): boolean {
  let nested = false;
  const find = (node: Node) => {
    for (const child of childrenOf(node)) {
      if (!isElement(child)) continue;
      if (child.tagName === 'table') nested = true;
      else find(child);
    }
  };
  find(table);
  if (nested) return true;
  if (rows.every((r) => r.length <= 1)) return true;
  return rows.some((r) => r.some((cell) => (textContent(cell).match(CJK)?.length ?? 0) > 400));
}

/** A cell's text: its blocks and lines joined as one label, `&nbsp;` padding trimmed. */
function cellText(cell: T.Element): string {
  const parts: string[] = [];
  let current: string[] = [];
  const end = () => {
    parts.push(collapse(current.join('')));
    current = [];
  };
  const walk = (node: Node) => {
    for (const child of childrenOf(node)) {
      if (child.nodeName === '#text') current.push((child as T.TextNode).value);
      else if (!isElement(child) || DROPPED.has(child.tagName)) continue;
      else if (child.tagName === 'br') end();
      else if (BLOCKS.has(child.tagName) || child.tagName === 'table' || child.tagName === 'tr') {
        end();
        walk(child);
        end();
      } else walk(child);
    }
  };
  walk(cell);
  end();
  return joinCellParts(parts);
}

/**
 * HTML whitespace collapsing, Chinese-aware: a run of whitespace becomes one space, except that a run
 * containing a line break between two Chinese characters disappears (source line wrapping, not a space).
 */
function collapse(text: string): string {
  return text
    .replace(
      /(?<=[\u3000-\u303f\u3400-\u9fff\uff00-\uffef])[ \t\r\n]*[\r\n][ \t\r\n]*(?=[\u3000-\u303f\u3400-\u9fff\uff00-\uffef])/g,
      '',
    )
    .replace(/[ \t\r\n\f]+/g, ' ')
    .replace(/^[\s\u00a0\u3000]+|[\s\u00a0\u3000]+$/g, '');
}
