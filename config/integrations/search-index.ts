import type { AstroIntegration } from 'astro';
import { normalizeBase } from '../../src/lib/urls.ts';
import { devSearchIndex } from './search-dev.ts';

/** How Pagefind indexes the guide, in production and under `astro dev` alike. */
export const PAGEFIND_OPTIONS = { forceLanguage: 'en', includeCharacters: '#+.' } as const;

/**
 * Search under `astro dev`: the index is built from the dev server's own pages and served from
 * memory. The production index is built by the post-build pass (post-build.ts).
 */
export function searchIndex(): AstroIntegration {
  let base = '/';
  return {
    name: 'guide:search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = normalizeBase(config.base);
      },
      'astro:server:setup': ({ server, logger }) => devSearchIndex(server, base, logger, PAGEFIND_OPTIONS),
    },
  };
}
