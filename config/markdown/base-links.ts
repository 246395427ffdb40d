import { defineHastPlugin } from 'satteri';
import { withBase } from '../../src/lib/urls.ts';

/**
 * Root-relative links and image sources written in content ("/tools/django/") get the
 * configured base path, so an entry never needs to know where the site is deployed.
 */
export function baseLinks(base: string) {
  return defineHastPlugin({
    name: 'guide:base-links',
    element: {
      filter: ['a', 'img'],
      visit(node, ctx) {
        for (const attribute of ['href', 'src'] as const) {
          const value = node.properties[attribute];
          if (typeof value === 'string') {
            const prefixed = withBase(value, base);
            if (prefixed !== value) ctx.setProperty(node, attribute, prefixed);
          }
        }
      },
    },
  });
}
