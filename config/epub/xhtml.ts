/**
 * Parsed HTML written out as XHTML, the XML form EPUB requires: every element closed, void
 * elements self-closed, text and attribute values escaped for XML (named entities decoded,
 * so the document needs no DTD), SVG in its own namespace, comments and scripts dropped.
 */
import { HTMLElement, TextNode, type Node } from 'node-html-parser';

const VOID_ELEMENTS = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);

/** Elements an EPUB chapter leaves out: it runs no script. */
const DROPPED_ELEMENTS = new Set(['script', 'noscript', 'template']);

export const XHTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';
export const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';

/** Text escaped for XML character data. */
export const escapeXml = (text: string): string =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** Text escaped for a double-quoted XML attribute. */
export const escapeXmlAttribute = (text: string): string => escapeXml(text).replaceAll('"', '&quot;');

/** A node and its subtree as XHTML. */
export function toXhtml(node: Node, inSvg = false): string {
  if (node instanceof TextNode) return escapeXml(node.text);
  if (!(node instanceof HTMLElement)) return '';
  // The parser's root has no tag: it is only its children.
  if (!node.rawTagName) return node.childNodes.map((child) => toXhtml(child, inSvg)).join('');
  const name = node.rawTagName;
  if (DROPPED_ELEMENTS.has(name.toLowerCase())) return '';
  const svg = inSvg || name === 'svg';
  const attributes = { ...node.attributes };
  if (name === 'svg' && !inSvg) attributes['xmlns'] = SVG_NAMESPACE;
  const written = Object.entries(attributes)
    .map(([key, value]) => ` ${key}="${escapeXmlAttribute(value)}"`)
    .join('');
  const children = node.childNodes.map((child) => toXhtml(child, svg)).join('');
  if (children === '' && (VOID_ELEMENTS.has(name) || svg)) return `<${name}${written}/>`;
  return `<${name}${written}>${children}</${name}>`;
}
