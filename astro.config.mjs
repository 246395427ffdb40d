// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import { normalizeBase } from './src/lib/urls.ts';
import { rehypeBaseLinks } from './src/integrations/rehype-base-links.ts';
import { searchIndex } from './src/integrations/search-index.ts';
import { serviceWorker } from './src/integrations/service-worker.ts';
import { cdnHeaders } from './src/integrations/headers.ts';
import { BASE_DIRECTIVES } from './src/lib/headers.ts';

// Where the site is deployed: SITE_URL is the origin, BASE_PATH the sub-path ("/" when unset).
const site = process.env.SITE_URL || 'http://localhost:4321';
const base = normalizeBase(process.env.BASE_PATH);

export default defineConfig({
  site,
  base,
  // Tests and the benchmark build other content sets side by side with their own output and cache.
  ...(process.env.GUIDE_OUT_DIR ? { outDir: process.env.GUIDE_OUT_DIR } : {}),
  ...(process.env.GUIDE_CACHE_DIR ? { cacheDir: process.env.GUIDE_CACHE_DIR } : {}),
  trailingSlash: 'always',
  build: { format: 'directory' },
  // Two entries with the same id would hide one of them: fail instead of warning.
  prerenderConflictBehavior: 'error',
  markdown: {
    // MDX runs through the remark/rehype pipeline so remark-gfm and our rehype plugins apply.
    processor: unified({
      gfm: false,
      remarkPlugins: [remarkGfm],
      rehypePlugins: [[rehypeBaseLinks, { base }]],
    }),
    shikiConfig: {
      themes: { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' },
    },
  },
  security: {
    // Astro hashes its scripts and styles into a per-page <meta> policy; dist/_headers repeats it.
    csp: {
      algorithm: 'SHA-256',
      directives: [...BASE_DIRECTIVES],
      // Pagefind compiles WebAssembly; nothing else is allowed to evaluate code.
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      // Shiki colours tokens with style attributes; style elements still need a hash.
      styleDirective: {
        resources: [
          { resource: "'self'", kind: 'element' },
          { resource: "'unsafe-inline'", kind: 'attribute' },
        ],
      },
    },
  },
  // The search dialog is bundled on its own as an ES module (see src/scripts/search-loader.ts).
  vite: { worker: { format: 'es' } },
  // Order matters after the build: the search index first, the service worker last so it precaches everything.
  integrations: [
    mdx(),
    sitemap({ filter: (page) => !page.endsWith('/offline/') }),
    searchIndex(),
    cdnHeaders(),
    serviceWorker(),
  ],
});
