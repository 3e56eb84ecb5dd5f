import { Numbering } from './docx-numbering.js';
import { LoadError, type LoadedText, type LoadLimits } from './loaded.js';
import { type GridCell, joinCellParts, TextBuilder } from './text-builder.js';
import { attrOf, childOf, childrenOf, parseXml, tagOf, type XmlNode } from './xml.js';
import { listZip, readZipEntry, type ZipEntry } from './zip.js';

/** Run-level containers whose runs count as the paragraph's text (content controls, links, insertions …). */
const INLINE_CONTAINERS = new Set([
  'w:hyperlink',
  'w:ins',
  'w:moveTo',
  'w:smartTag',
  'w:customXml',
  'w:fldSimple',
  'w:sdtContent',
  'w:dir',
  'w:bdo',
]);
/** Removed text and things that are not text. */
const SKIPPED = new Set([
  'w:del',
  'w:moveFrom',
  'w:instrText',
  'w:delText',
  'w:pPr',
  'w:rPr',
  'w:sdtPr',
  'w:sdtEndPr',
]);

interface Styles {
  /** Style id → its numbering (`numId`, `ilvl`). */
  numbering: Map<string, { numId?: string; ilvl?: number }>;
}

/** State of one DOCX walk. */
class DocxWalker {
  readonly out = new TextBuilder();
  private paragraphs = 0;

  constructor(
    private readonly numbering: Numbering,
    private readonly styles: Styles,
  ) {}

  /** Walks block-level content: paragraphs, tables, content controls. */
  blocks(nodes: XmlNode[]): void {
    for (const node of nodes) {
      const tag = tagOf(node);
      if (tag === 'w:p') {
        const { text, boxes } = this.paragraphText(node);
        this.paragraphs++;
        this.out.paragraph(text.replace(/\t/g, ' '), { paragraph: this.paragraphs });
        for (const box of boxes) this.blocks(box);
      } else if (tag === 'w:tbl') {
        this.table(node);
      } else if (tag === 'w:sdt') {
        this.blocks(childrenOf(childOf(node, 'w:sdtContent') ?? {}));
      } else if (tag === 'w:customXml' || tag === 'w:ins' || tag === 'w:moveTo') {
        this.blocks(childrenOf(node));
      } else if (tag === 'mc:AlternateContent') {
        this.blocks(childrenOf(choiceOf(node)));
      }
    }
  }

  /** A paragraph's text with its list marker; text boxes inside it are returned to be walked after it. */
  paragraphText(p: XmlNode): { text: string; boxes: XmlNode[][] } {
    const pPr = childOf(p, 'w:pPr');
    let marker = '';
    if (pPr) {
      const numPr = childOf(pPr, 'w:numPr');
      const style = this.styles.numbering.get(attrOf(childOf(pPr, 'w:pStyle') ?? {}, 'w:val') ?? '');
      const numId = attrOf(childOf(numPr ?? {}, 'w:numId') ?? {}, 'w:val') ?? style?.numId;
      const ilvl = Number(attrOf(childOf(numPr ?? {}, 'w:ilvl') ?? {}, 'w:val') ?? style?.ilvl ?? 0);
      if (numId) marker = this.numbering.next(numId, ilvl);
    }
    const parts: string[] = [];
    const boxes: XmlNode[][] = [];
    this.inline(childrenOf(p), parts, boxes);
    const text = parts.join('');
    return { text: marker && text.trim() ? marker + text.replace(/^[\t ]+/, '') : text, boxes };
  }

  private inline(nodes: XmlNode[], parts: string[], boxes: XmlNode[][]): void {
    for (const node of nodes) {
      const tag = tagOf(node);
      if (SKIPPED.has(tag)) continue;
      if (tag === 'w:t') parts.push(textOf(node));
      else if (tag === 'w:tab' || tag === 'w:ptab') parts.push('\t');
      else if (tag === 'w:br' || tag === 'w:cr') {
        if (attrOf(node, 'w:type') !== 'page' && attrOf(node, 'w:type') !== 'column') parts.push('\n');
      } else if (tag === 'w:noBreakHyphen') parts.push('-');
      else if (tag === 'w:sym') parts.push(symbolOf(node));
      else if (tag === 'w:r' || INLINE_CONTAINERS.has(tag)) this.inline(childrenOf(node), parts, boxes);
      else if (tag === 'w:sdt') this.inline(childrenOf(childOf(node, 'w:sdtContent') ?? {}), parts, boxes);
      else if (tag === 'mc:AlternateContent') this.inline(childrenOf(choiceOf(node)), parts, boxes);
      else if (tag === 'w:txbxContent') boxes.push(childrenOf(node));
      else if (tag !== 'w:t' && childrenOf(node).length > 0 && !tag.startsWith('w:')) {
        // Drawings and VML shapes hide text boxes a few levels down.
        this.inline(childrenOf(node), parts, boxes);
      } else if (tag === 'w:drawing' || tag === 'w:pict' || tag === 'w:object') {
        this.inline(childrenOf(node), parts, boxes);
      }
    }
  }

  /** A table as a full grid: `gridSpan` repeats a cell across columns, `vMerge` continues it downwards. */
  private table(tbl: XmlNode): void {
    const rows = collect(childrenOf(tbl), 'w:tr');
    const grid: GridCell[][] = [];
    rows.forEach((tr, r) => {
      const line: GridCell[] = [];
      const trPr = childOf(tr, 'w:trPr');
      const before = Number(attrOf(childOf(trPr ?? {}, 'w:gridBefore') ?? {}, 'w:val') ?? 0);
      for (let k = 0; k < before; k++) line.push({ text: '' });
      for (const tc of collect(childrenOf(tr), 'w:tc')) {
        const tcPr = childOf(tc, 'w:tcPr');
        const span = Math.max(
          1,
          Math.min(64, Number(attrOf(childOf(tcPr ?? {}, 'w:gridSpan') ?? {}, 'w:val') ?? 1)),
        );
        const vMerge = childOf(tcPr ?? {}, 'w:vMerge');
        const continues = vMerge !== undefined && attrOf(vMerge, 'w:val') !== 'restart';
        const c = line.length;
        if (continues && r > 0) {
          for (let k = 0; k < span; k++) {
            const above = grid[r - 1]?.[c + k];
            const owner: [number, number] = above?.mergedFrom ?? [r - 1, c + k];
            line.push(above ? { mergedFrom: owner } : { text: '' });
          }
          continue;
        }
        line.push({ text: this.cellText(tc) });
        for (let k = 1; k < span; k++) line.push({ mergedFrom: [r, c] });
      }
      grid.push(line);
    });
    const width = Math.max(0, ...grid.map((l) => l.length));
    for (const line of grid) while (line.length < width) line.push({ text: '' });
    this.out.table(grid);
  }

  /** A cell's paragraphs (and nested tables) joined into one label. */
  private cellText(tc: XmlNode): string {
    const parts: string[] = [];
    const walk = (nodes: XmlNode[]) => {
      for (const node of nodes) {
        const tag = tagOf(node);
        if (tag === 'w:p') {
          const { text, boxes } = this.paragraphText(node);
          parts.push(text);
          for (const box of boxes) walk(box);
        } else if (tag === 'w:tbl') {
          for (const tr of collect(childrenOf(node), 'w:tr'))
            for (const inner of collect(childrenOf(tr), 'w:tc')) walk(childrenOf(inner));
        } else if (tag === 'w:sdt') walk(childrenOf(childOf(node, 'w:sdtContent') ?? {}));
        else if (tag === 'w:customXml' || tag === 'w:ins') walk(childrenOf(node));
        else if (tag === 'mc:AlternateContent') walk(childrenOf(choiceOf(node)));
      }
    };
    walk(childrenOf(tc));
    return joinCellParts(parts);
  }
}

/** Direct children with a tag, looking through content controls and custom XML wrappers. */
function collect(nodes: XmlNode[], tag: string): XmlNode[] {
  const out: XmlNode[] = [];
  for (const node of nodes) {
    const t = tagOf(node);
    if (t === tag) out.push(node);
    else if (t === 'w:sdt') out.push(...collect(childrenOf(childOf(node, 'w:sdtContent') ?? {}), tag));
    else if (t === 'w:customXml' || t === 'w:ins') out.push(...collect(childrenOf(node), tag));
  }
  return out;
}

/** The `mc:Choice` of an AlternateContent (its `mc:Fallback` repeats the same text for old readers). */
function choiceOf(node: XmlNode): XmlNode {
  return childOf(node, 'mc:Choice') ?? childOf(node, 'mc:Fallback') ?? {};
}

function textOf(node: XmlNode): string {
  return childrenOf(node)
    .map((c) => (typeof c['#text'] === 'string' ? c['#text'] : ''))
    .join('');
}

function symbolOf(node: XmlNode): string {
  const code = Number.parseInt(attrOf(node, 'w:char') ?? '', 16);
  // Symbol-font glyphs live in the private use area (F0xx); only real characters are kept.
  return Number.isFinite(code) && code >= 0x20 && (code < 0xe000 || code > 0xf8ff)
    ? String.fromCharCode(code)
    : '';
}

function readStyles(tree: XmlNode[]): Styles {
  const numbering = new Map<string, { numId?: string; ilvl?: number }>();
  const root = tree.find((n) => tagOf(n) === 'w:styles');
  for (const style of childrenOf(root ?? {})) {
    if (tagOf(style) !== 'w:style') continue;
    const numPr = childOf(childOf(style, 'w:pPr') ?? {}, 'w:numPr');
    if (!numPr) continue;
    const numId = attrOf(childOf(numPr, 'w:numId') ?? {}, 'w:val');
    const ilvl = attrOf(childOf(numPr, 'w:ilvl') ?? {}, 'w:val');
    numbering.set(attrOf(style, 'w:styleId') ?? '', {
      ...(numId ? { numId } : {}),
      ...(ilvl ? { ilvl: Number(ilvl) } : {}),
    });
  }
  return { numbering };
}

const CORE_PROPERTIES: Record<string, string> = {
  'dc:title': 'title',
  'dc:creator': 'author',
  'dc:subject': 'subject',
  'cp:lastModifiedBy': 'lastModifiedBy',
  'dcterms:created': 'created',
  'dcterms:modified': 'modified',
};

function readCore(tree: XmlNode[]): Record<string, string> {
  const out: Record<string, string> = {};
  const root = tree.find((n) => tagOf(n) === 'cp:coreProperties');
  for (const node of childrenOf(root ?? {})) {
    const key = CORE_PROPERTIES[tagOf(node)];
    const value = textOf(node).trim();
    if (key && value) out[key] = value;
  }
  return out;
}

/**
 * Loads a DOCX: the zip is checked against the limits before anything is inflated, `word/document.xml`
 * is walked directly (paragraphs, runs, tabs, breaks, content controls, hyperlinks, insertions; deleted
 * text and AlternateContent fallbacks skipped), Word's automatic numbering is replayed from
 * `word/numbering.xml` so headings read as printed, and tables become full grids.
 *
 * @example
 * const loaded = loadDocx(readFileSync('report.docx'));
 * loaded.tables[0].rows[0][0].text; // '信息内容'
 */
export function loadDocx(bytes: Uint8Array, limits: LoadLimits): LoadedText {
  const entries = listZip(bytes, limits);
  const byName = new Map(entries.map((e) => [e.name, e]));
  let budget = limits.maxUncompressedBytes;
  const read = (entry: ZipEntry | undefined): XmlNode[] => {
    if (!entry) return [];
    const data = readZipEntry(bytes, entry, { maxUncompressedBytes: budget });
    budget -= data.length;
    return parseXml(new TextDecoder().decode(data), limits.maxXmlDepth);
  };
  const main = byName.get(mainPartName(bytes, byName, limits)) ?? byName.get('word/document.xml');
  if (!main) {
    throw new LoadError('unsupported-format', 'the zip holds no word/document.xml: not a Word document');
  }
  const document = read(main);
  const numbering = byName.has('word/numbering.xml')
    ? Numbering.parse(read(byName.get('word/numbering.xml')))
    : Numbering.empty();
  const styles = readStyles(read(byName.get('word/styles.xml')));
  const walker = new DocxWalker(numbering, styles);
  const body = childOf(document.find((n) => tagOf(n) === 'w:document') ?? {}, 'w:body');
  if (!body) throw new LoadError('corrupt', 'word/document.xml has no w:body');
  walker.blocks(childrenOf(body));
  const properties = readCore(read(byName.get('docProps/core.xml')));
  return { ...walker.out.finish('docx'), properties };
}

/** The main document part named by `_rels/.rels` (some generators do not call it `word/document.xml`). */
function mainPartName(bytes: Uint8Array, byName: Map<string, ZipEntry>, limits: LoadLimits): string {
  const rels = byName.get('_rels/.rels');
  if (!rels || rels.size > 1 << 20) return 'word/document.xml';
  const xml = new TextDecoder().decode(readZipEntry(bytes, rels, limits));
  const m = /<Relationship\b[^>]*Type="[^"]*\/officeDocument"[^>]*>/.exec(xml);
  const target = m ? /Target="\/?([^"]+)"/.exec(m[0])?.[1] : undefined;
  return target ?? 'word/document.xml';
}
