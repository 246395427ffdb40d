/**
 * The markup a diagram becomes on a page, as hast:
 *
 * <figure class="diagram">
 *   <figcaption><span class="diagram-title">accTitle</span> accDescr</figcaption>
 *   <div class="diagram-scroll" tabindex="0" role="group" aria-labelledby="…-title">
 *     <svg role="img" aria-labelledby="…-title" aria-describedby="…-desc"><title/><desc/>…</svg>
 *   </div>
 *   <details class="diagram-text"><summary>Diagram as text</summary> a list, the source </details>
 * </figure>
 *
 * A wide diagram scrolls inside .diagram-scroll, which the keyboard can reach and scroll.
 * Every id in the SVG (markers, title, desc) starts with the diagram's prefix, so two diagrams
 * on one page never share one.
 */
import type { Element, ElementContent, Properties } from 'hast';
import type { DiagramSource } from './source.ts';
import type { DrawnDiagram } from './svg.ts';

const el = (tagName: string, properties: Properties, children: ElementContent[]): Element => ({
  type: 'element',
  tagName,
  properties,
  children,
});
const txt = (value: string): ElementContent => ({ type: 'text', value });

/** A copy of the element with every id, url(#id) and #id reference given the prefix. */
function prefixIds(element: Element, prefix: string): Element {
  const properties: Properties = {};
  for (const [name, value] of Object.entries(element.properties)) {
    if (name === 'id' && typeof value === 'string') properties[name] = `${prefix}-${value}`;
    else if (typeof value === 'string' && value.includes('url(#')) {
      properties[name] = value.replaceAll('url(#', `url(#${prefix}-`);
    } else if ((name === 'href' || name === 'xLinkHref') && typeof value === 'string' && value.startsWith('#')) {
      properties[name] = `#${prefix}-${value.slice(1)}`;
    } else properties[name] = value;
  }
  const children = element.children.map((child) => (child.type === 'element' ? prefixIds(child, prefix) : child));
  return { ...element, properties, children };
}

/** The figure for one diagram, its ids starting with `prefix` (unique on the page). */
export function diagramFigure(source: DiagramSource, drawn: DrawnDiagram, prefix: string): Element {
  const titleId = `${prefix}-title`;
  const descId = `${prefix}-desc`;
  const svg = prefixIds(drawn.svg, prefix);
  svg.properties = {
    ...svg.properties,
    className: ['diagram-svg', `diagram-${source.kind}`],
    role: 'img',
    ariaLabelledBy: [titleId],
    ariaDescribedBy: [descId],
  };
  svg.children = [
    el('title', { id: titleId }, [txt(source.title)]),
    el('desc', { id: descId }, [txt(source.description)]),
    ...svg.children,
  ];

  const asText: ElementContent[] = [el('summary', {}, [txt('Diagram as text')])];
  if (drawn.relations.length > 0) {
    asText.push(
      el(
        'ol',
        {},
        drawn.relations.map((relation) => el('li', {}, [txt(relation)])),
      ),
    );
  }
  asText.push(
    el('p', {}, [txt('Its Mermaid source:')]),
    // A <pre> without <code>: Shiki leaves it alone, so the source costs its own bytes only. A
    // long line scrolls it, so it takes focus, as Shiki's blocks do.
    el('pre', { className: ['diagram-source'], tabIndex: 0 }, [txt(source.shown)]),
  );

  return el('figure', { className: ['diagram'] }, [
    el('figcaption', {}, [
      el('span', { className: ['diagram-title'] }, [txt(source.title)]),
      txt(` ${source.description}`),
    ]),
    el(
      'div',
      // The SVG's words are in the caption and the text version: search indexes those once.
      { className: ['diagram-scroll'], tabIndex: 0, role: 'group', ariaLabelledBy: [titleId], dataPagefindIgnore: '' },
      [svg],
    ),
    el('details', { className: ['diagram-text'] }, asText),
  ]);
}
