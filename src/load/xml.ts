import { XMLParser } from 'fast-xml-parser';
import { LoadError } from './loaded.js';

/** A fast-xml-parser `preserveOrder` node: one tag name key with its children, and `:@` for attributes. */
export type XmlNode = Record<string, unknown> & { ':@'?: Record<string, string>; '#text'?: string };

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  htmlEntities: true,
  processEntities: true,
});

/**
 * Parses an OOXML part safely: DOCTYPE and entity declarations (the entity-bomb vector; OOXML never
 * uses them) are refused, and the element nesting is checked against `maxDepth` before parsing.
 *
 * @example
 * const tree = parseXml('<w:p><w:t>政府</w:t></w:p>', 256);
 */
export function parseXml(xml: string, maxDepth: number): XmlNode[] {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) {
    throw new LoadError(
      'xml-entities',
      'the XML declares a DOCTYPE or entities (an entity bomb?), which OOXML never uses',
    );
  }
  const depth = xmlDepth(xml);
  if (depth > maxDepth) {
    throw new LoadError('too-deep', `the XML nests ${depth} levels deep, more than the limit of ${maxDepth}`);
  }
  try {
    return parser.parse(xml) as XmlNode[];
  } catch (error) {
    throw new LoadError('corrupt', `the XML is malformed: ${(error as Error).message}`, { cause: error });
  }
}

/** Deepest element nesting, counted from the tags alone (stops counting once far past any sane limit). */
function xmlDepth(xml: string): number {
  const tag = /<(\/?)[A-Za-z_][^>]*?(\/?)>/g;
  let depth = 0;
  let max = 0;
  for (let m = tag.exec(xml); m; m = tag.exec(xml)) {
    if (m[1]) depth--;
    else if (!m[2]) {
      depth++;
      if (depth > max) max = depth;
    }
  }
  return max;
}

/** The tag name of a preserveOrder node (the one key that is not `:@`). */
export function tagOf(node: XmlNode): string {
  for (const key in node) if (key !== ':@') return key;
  return '';
}

/** The children of a preserveOrder node. */
export function childrenOf(node: XmlNode): XmlNode[] {
  const v = node[tagOf(node)];
  return Array.isArray(v) ? (v as XmlNode[]) : [];
}

/** An attribute of a node. */
export function attrOf(node: XmlNode, name: string): string | undefined {
  return node[':@']?.[name];
}

/** The first child with the given tag. */
export function childOf(node: XmlNode, tag: string): XmlNode | undefined {
  return childrenOf(node).find((c) => tagOf(c) === tag);
}
