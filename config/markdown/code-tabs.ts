import type { Element, ElementContent } from 'hast';
import { defineHastPlugin } from 'satteri';
import { codeTabLabel } from '../../src/lib/code-tabs.ts';

/** The fence language of a highlighted (or plain) code block. */
function languageOf(pre: Element): string | undefined {
  const fromShiki = pre.properties['dataLanguage'];
  if (typeof fromShiki === 'string') return fromShiki;
  const code = pre.children.find((child): child is Element => child.type === 'element' && child.tagName === 'code');
  const classes = code?.properties['className'];
  const languageClass = Array.isArray(classes) ? classes.find((c) => String(c).startsWith('language-')) : undefined;
  return languageClass ? String(languageClass).slice('language-'.length) : undefined;
}

/**
 * Inside `<CodeTabs>`, each code block becomes a labelled panel in the tree:
 * `<div class="code-tab-panel" id="…"><p class="code-tab-label">Python</p><pre>…</pre></div>`.
 * The component only wraps the panels; its script turns them into ARIA tabs, and without
 * JavaScript every panel shows, stacked under its label. Panel ids count per document, with
 * the group number in them, so two groups on one page never share an id.
 */
export const codeTabs = defineHastPlugin({
  name: 'guide:code-tabs',
  mdxJsxFlowElement: {
    filter: ['CodeTabs'],
    visit(node, ctx) {
      const group = ((ctx.data['codeTabGroups'] as number | undefined) ?? 0) + 1;
      ctx.data['codeTabGroups'] = group;
      const blocks = node.children.filter(
        (child): child is Element => child.type === 'element' && child.tagName === 'pre',
      );
      blocks.forEach((pre, index) => {
        const label: ElementContent = {
          type: 'element',
          tagName: 'p',
          properties: { className: ['code-tab-label'] },
          children: [{ type: 'text', value: codeTabLabel(languageOf(pre)) }],
        };
        ctx.replaceNode(pre, {
          type: 'element',
          tagName: 'div',
          properties: { className: ['code-tab-panel'], id: `code-tabs-${group}-${index + 1}` },
          children: [label, pre],
        });
      });
    },
  },
});
