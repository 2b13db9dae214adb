/**
 * A small typed view over fast-xml-parser's order-preserving output, for reading OOXML parts.
 * Order matters in WordprocessingML (runs, tabs and breaks interleave), so the plain object mode
 * of the parser, which groups children by tag name, would scramble text.
 */
import { XMLParser } from 'fast-xml-parser';

/** One element (or text node) as produced by `preserveOrder: true`. */
export type XNode = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  // Keep text exactly: `<w:t xml:space="preserve"> </w:t>` carries meaningful spaces, and
  // "007" must stay a string rather than become the number 7.
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  htmlEntities: true,
});

/** Parses an XML part into its top-level nodes. */
export function parseXml(xml: string): XNode[] {
  // Office never writes a DOCTYPE; one in a package is an entity attack (XXE, entity expansion).
  if (hasDoctype(xml)) throw new Error('XML part declares a DOCTYPE (entities are not accepted)');
  const out: unknown = parser.parse(xml);
  return Array.isArray(out) ? out.filter(isNode) : [];
}

/** True when the XML declares a DOCTYPE (looked for only before the root element). */
export function hasDoctype(xml: string): boolean {
  const root = xml.search(/<[A-Za-z_]/);
  return /<!DOCTYPE/i.test(root < 0 ? xml : xml.slice(0, root));
}

function isNode(v: unknown): v is XNode {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The tag name of an element node (`w:p`), or `#text` for text nodes. */
export function tagOf(node: XNode): string {
  for (const k of Object.keys(node)) if (k !== ':@') return k;
  return '';
}

/** Child nodes of an element, in document order. */
export function kids(node: XNode): XNode[] {
  const v = node[tagOf(node)];
  return Array.isArray(v) ? v.filter(isNode) : [];
}

/** The text of a `#text` node, else ''. */
export function textOf(node: XNode): string {
  const v = node['#text'];
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
}

/** An attribute value (names as written, e.g. `w:val`), or undefined. */
export function attr(node: XNode, name: string): string | undefined {
  const a = node[':@'];
  if (!isNode(a)) return undefined;
  const v = a[name];
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
}

/** The first child with the given tag. */
export function child(node: XNode, tag: string): XNode | undefined {
  return kids(node).find((k) => tagOf(k) === tag);
}

/** All children with the given tag. */
export function childrenOf(node: XNode, tag: string): XNode[] {
  return kids(node).filter((k) => tagOf(k) === tag);
}

/** Follows a path of tags from `node` (first match at each step). */
export function path(node: XNode | undefined, ...tags: string[]): XNode | undefined {
  let cur = node;
  for (const t of tags) {
    if (!cur) return undefined;
    cur = child(cur, t);
  }
  return cur;
}

/** Finds the first element with the tag among `nodes` and their descendants (depth-first). */
export function findDeep(nodes: XNode[], tag: string): XNode | undefined {
  for (const n of nodes) {
    if (tagOf(n) === tag) return n;
    const hit = findDeep(kids(n), tag);
    if (hit) return hit;
  }
  return undefined;
}

/** Concatenated text of all descendant text nodes. */
export function deepText(node: XNode): string {
  if (tagOf(node) === '#text') return textOf(node);
  return kids(node).map(deepText).join('');
}
