/**
 * Drawing one diagram with beautiful-mermaid and making its SVG fit the site: parsed into hast
 * (Sätteri's HTML parser, in the SVG namespace), then rebuilt from an allow-list of elements.
 * What goes: the <style> block (its Google Fonts @import and colour derivations; the site's
 * stylesheet sets the same variables from its tokens), every style and data-* attribute, the
 * renderer's class names, and the xmlns an inline SVG does not need. Anything that points elsewhere fails the build.
 */
import { renderMermaidSVG } from 'beautiful-mermaid';
import type { Element, ElementContent, Properties, Root } from 'hast';
import { htmlToHast } from 'satteri';
import type { DiagramSource } from './source.ts';

/** A drawn diagram, before it is placed on a page (ids are still the renderer's own). */
export interface DrawnDiagram {
  /** The <svg> element: no title, role or id prefix yet (figure.ts adds them per page). */
  svg: Element;
  /** Its relationships in words ("Browser → DNS resolver: name lookup"), for "Diagram as text". */
  relations: string[];
}

/** Every element beautiful-mermaid draws with; anything else (image, a, foreignObject…) fails. */
const ELEMENTS = new Set([
  'svg',
  'g',
  'defs',
  'marker',
  'path',
  'polygon',
  'polyline',
  'line',
  'rect',
  'circle',
  'ellipse',
  'text',
  'tspan',
]);

/** Geometry attributes whose long decimals (36.900000000000006) are rounded to two places. */
const GEOMETRY = new Set(['x', 'y', 'x1', 'y1', 'x2', 'y2', 'cx', 'cy', 'r', 'rx', 'ry', 'width', 'height']);
const GEOMETRY_LISTS = new Set(['points', 'd', 'viewBox', 'dy', 'dx', 'transform']);

const round = (value: string) => value.replace(/-?\d+\.\d{3,}/g, (n) => String(Math.round(Number(n) * 100) / 100));

/** A reference to another element of the same SVG, the only kind allowed. */
function checkValue(name: string, value: string): void {
  if (value.includes('//') || /^\s*(?:javascript|data):/i.test(value)) {
    throw new Error(`the rendered SVG's ${name} points outside the page: ${value}`);
  }
  for (const match of value.matchAll(/url\(\s*['"]?([^'")\s]*)/g)) {
    if (!match[1]!.startsWith('#')) throw new Error(`the rendered SVG's ${name} refers to ${match[1]}`);
  }
  if ((name === 'href' || name === 'xLinkHref') && !value.startsWith('#')) {
    throw new Error(`the rendered SVG links to ${value}`);
  }
}

function cleanProperties(properties: Properties): Properties {
  const clean: Properties = {};
  for (const [name, value] of Object.entries(properties)) {
    if (name === 'style' || name.includes('xmlns') || /^data[A-Z]/.test(name) || value == null) continue;
    // The renderer's classes (node, edge, note…) style nothing here and could meet the site's own;
    // only .mono (monospaced member names) is kept.
    if (name === 'className') {
      const kept = (Array.isArray(value) ? value : [value]).filter((c) => c === 'mono');
      if (kept.length > 0) clean[name] = kept;
      continue;
    }
    const text = Array.isArray(value) ? value.join(' ') : String(value);
    checkValue(name, text);
    if (GEOMETRY.has(name) && typeof value === 'string') clean[name] = round(value);
    else if (GEOMETRY_LISTS.has(name))
      clean[name] = Array.isArray(value) ? value.map((v) => round(String(v))) : round(text);
    else clean[name] = value;
  }
  return clean;
}

/** The element rebuilt from the allow-list; whitespace between elements is dropped. */
function clean(element: Element): Element {
  const children: ElementContent[] = [];
  for (const child of element.children) {
    if (child.type === 'element') {
      if (child.tagName === 'style') continue;
      if (!ELEMENTS.has(child.tagName)) throw new Error(`the rendered SVG has an unexpected <${child.tagName}>`);
      children.push(clean(child));
    } else if (child.type === 'text') {
      if (element.tagName === 'text' || element.tagName === 'tspan' || child.value.trim() !== '') children.push(child);
    }
    // Comments go.
  }
  return { type: 'element', tagName: element.tagName, properties: cleanProperties(element.properties), children };
}

const ARROWS: Record<string, string> = { 'false,true': '→', 'true,false': '←', 'true,true': '↔', 'false,false': '—' };
const CARDINALITY: Record<string, string> = {
  one: 'exactly one',
  'zero-one': 'zero or one',
  many: 'one or more',
  'zero-many': 'zero or more',
};

const text = (value: unknown) => (value == null ? '' : String(value));
const withLabel = (words: string, label: unknown) => (text(label) ? `${words}: ${text(label)}` : words);

/**
 * The diagram's relationships in words, read from the data-* attributes beautiful-mermaid puts
 * on every node, edge and message (before they are stripped).
 */
function relationsOf(svg: Element): string[] {
  const names = new Map<string, string>();
  const edges: Element[] = [];
  const walk = (element: Element) => {
    const p = element.properties;
    const classes = Array.isArray(p['className']) ? p['className'].map(String) : [];
    if (typeof p['dataId'] === 'string') {
      const shape = text(p['dataShape']);
      const name =
        shape === 'state-start' ? 'start' : shape === 'state-end' ? 'end' : text(p['dataLabel']) || p['dataId'];
      names.set(p['dataId'], name);
    }
    if (['edge', 'message', 'class-relationship', 'er-relationship'].some((c) => classes.includes(c)))
      edges.push(element);
    for (const child of element.children) if (child.type === 'element') walk(child);
  };
  walk(svg);
  const name = (id: unknown) => names.get(text(id)) ?? text(id);
  return edges.map(({ properties: p }) => {
    if (p['dataEntity1'] !== undefined) {
      const one = `${name(p['dataEntity1'])} (${CARDINALITY[text(p['dataCardinality1'])] ?? ''})`;
      const two = `${name(p['dataEntity2'])} (${CARDINALITY[text(p['dataCardinality2'])] ?? ''})`;
      return withLabel(`${one} — ${two}`, p['dataLabel']);
    }
    if (p['dataType'] !== undefined) {
      return withLabel(`${name(p['dataFrom'])} — ${name(p['dataTo'])} (${text(p['dataType'])})`, p['dataLabel']);
    }
    const ends =
      p['dataArrowStart'] === undefined ? 'false,true' : `${text(p['dataArrowStart'])},${text(p['dataArrowEnd'])}`;
    return withLabel(`${name(p['dataFrom'])} ${ARROWS[ends] ?? '→'} ${name(p['dataTo'])}`, p['dataLabel']);
  });
}

/** The text of an element and its descendants. */
const textOf = (node: ElementContent): string =>
  node.type === 'text' ? node.value : node.type === 'element' ? node.children.map(textOf).join('') : '';

/**
 * Widens the viewBox to every label. The renderer spaces sequence participants by their names
 * only, so a message label longer than the gap was cut off at the SVG's edge. Widths are
 * estimated generously (0.6 em a character), as the renderer estimates them itself.
 */
function fitLabels(svg: Element): void {
  const box = String(svg.properties['viewBox'] ?? '')
    .split(/[\s,]+/)
    .map(Number);
  if (box.length !== 4 || box.some(Number.isNaN)) return;
  const [x0, y0, width, height] = box as [number, number, number, number];
  let left = x0;
  let right = x0 + width;
  const measure = (element: Element, x: number, size: number, anchor: string) => {
    const extent = textOf(element).length * size * 0.6;
    const start = anchor === 'middle' ? x - extent / 2 : anchor === 'end' ? x - extent : x;
    left = Math.min(left, start - 8);
    right = Math.max(right, start + extent + 8);
  };
  const walk = (element: Element) => {
    if (element.tagName === 'text') {
      const p = element.properties;
      const size = Number(p['fontSize'] ?? 13) || 13;
      const anchor = String(p['textAnchor'] ?? 'start');
      const lines = element.children.filter(
        (c): c is Element => c.type === 'element' && c.tagName === 'tspan' && c.properties['x'] !== undefined,
      );
      // Multi-line labels are tspans with their own x; inline tspans (class members) are one line.
      if (lines.length > 0) for (const line of lines) measure(line, Number(line.properties['x']), size, anchor);
      else measure(element, Number(p['x'] ?? 0), size, anchor);
      return;
    }
    for (const child of element.children) if (child.type === 'element') walk(child);
  };
  walk(svg);
  if (left >= x0 && right <= x0 + width) return;
  const fitted = Math.round((right - left) * 100) / 100;
  svg.properties['viewBox'] = `${Math.round(left * 100) / 100} ${y0} ${fitted} ${height}`;
  svg.properties['width'] = String(fitted);
}

const hasText = (element: Element): boolean =>
  element.tagName === 'text' || element.children.some((child) => child.type === 'element' && hasText(child));

/** Draws a checked source; throws when the renderer fails or its SVG is not one we can ship. */
export function drawDiagram(source: DiagramSource): DrawnDiagram {
  const markup = renderMermaidSVG(source.text, { transparent: true });
  const root = htmlToHast(markup, { fragment: true }) as Root;
  const svg = root.children.find((child): child is Element => child.type === 'element' && child.tagName === 'svg');
  if (!svg) throw new Error('beautiful-mermaid returned no <svg>');
  const drawn = { svg: clean(svg), relations: relationsOf(svg) };
  fitLabels(drawn.svg);
  if (!hasText(drawn.svg)) throw new Error('the diagram draws nothing: no node or label came out of it');
  return drawn;
}
