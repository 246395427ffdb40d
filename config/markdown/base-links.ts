import { defineHastPlugin } from 'satteri';
import { linkQualifier } from '../../src/lib/link-text.ts';
import { SECTIONS } from '../../src/lib/nav.ts';
import { withBase } from '../../src/lib/urls.ts';

/** The kind of entry a root-relative link leads to ("/languages/go/" -> "Language"), if it leads to one. */
function entryKind(href: string): string | undefined {
  const [collection, id, ...rest] = href.split(/[?#]/)[0]?.split('/').filter(Boolean) ?? [];
  if (!collection || !id || rest.length > 0 || !Object.hasOwn(SECTIONS, collection)) return undefined;
  return SECTIONS[collection as keyof typeof SECTIONS].singular;
}

/**
 * Root-relative links and image sources written in content ("/tools/django/") get the
 * configured base path, so an entry never needs to know where the site is deployed. A link
 * to an entry whose text is a generic word ("[Go](/languages/go/)") also gets the hidden
 * words that say what it is (src/lib/link-text.ts), as the site's own entry links do.
 */
export function baseLinks(base: string) {
  return defineHastPlugin({
    name: 'guide:base-links',
    element: {
      filter: ['a', 'img'],
      visit(node, ctx) {
        const href = node.properties['href'];
        for (const attribute of ['href', 'src'] as const) {
          const value = node.properties[attribute];
          if (typeof value === 'string') {
            const prefixed = withBase(value, base);
            if (prefixed !== value) ctx.setProperty(node, attribute, prefixed);
          }
        }
        const kind = typeof href === 'string' && href.startsWith('/') ? entryKind(href) : undefined;
        const qualifier = kind ? linkQualifier(ctx.textContent(node), kind) : '';
        if (qualifier) {
          ctx.appendChild(node, {
            type: 'element',
            tagName: 'span',
            properties: { className: ['visually-hidden'] },
            children: [{ type: 'text', value: qualifier }],
          });
        }
      },
    },
  });
}
