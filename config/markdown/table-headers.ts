import type { Element, ElementContent } from 'hast';
import { defineHastPlugin } from 'satteri';

const isElement = (child: ElementContent): child is Element => child.type === 'element';
const elements = (children: readonly ElementContent[], tagName: string): Element[] =>
  children.filter((child): child is Element => isElement(child) && child.tagName === tagName);

/**
 * A Markdown table whose top-left header cell is empty compares things row by row: its first
 * column names each row. GFM makes those names plain data cells under an empty header, so no
 * header describes them (axe's td-has-header). Here they become row headers
 * (`<th scope="row">`), the column headers `<th scope="col">`, and the empty corner a plain cell. Every table can also take the
 * keyboard focus: on a narrow screen it scrolls inside its own box (global.css), and a box that
 * scrolls must be reachable without a mouse, as Shiki's code blocks are.
 */
export const tableHeaders = defineHastPlugin({
  name: 'guide:table-headers',
  element: {
    filter: ['table'],
    visit(node, ctx) {
      ctx.setProperty(node, 'tabIndex', 0);
      const [head] = elements(node.children, 'thead');
      const [headerRow] = head ? elements(head.children, 'tr') : [];
      const corner = headerRow?.children.find(isElement);
      const empty = corner?.children.every((child) => child.type === 'text' && child.value.trim() === '');
      if (corner?.tagName !== 'th' || !empty) return;
      ctx.replaceNode(corner, { type: 'element', tagName: 'td', properties: {}, children: [] });
      // With headers on both edges, each says which way it reads.
      for (const cell of elements(headerRow!.children, 'th')) {
        if (cell !== corner) ctx.replaceNode(cell, { ...cell, properties: { ...cell.properties, scope: 'col' } });
      }
      for (const body of elements(node.children, 'tbody')) {
        for (const row of elements(body.children, 'tr')) {
          const first = row.children.find(isElement);
          if (first?.tagName !== 'td') continue;
          ctx.replaceNode(first, { ...first, tagName: 'th', properties: { ...first.properties, scope: 'row' } });
        }
      }
    },
  },
});
