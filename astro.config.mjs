// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import { env } from './config/env.ts';
import { baseLinks } from './config/markdown/base-links.ts';
import { codeTabs } from './config/markdown/code-tabs.ts';
import { tableHeaders } from './config/markdown/table-headers.ts';
import { LANGUAGE_ALIASES } from './config/markdown/languages.ts';
import { CODE_THEMES, completeHighlighting } from './config/markdown/highlighting.ts';
import { mermaidDiagrams } from './config/diagrams/index.ts';
import { searchIndex } from './config/integrations/search-index.ts';
import { postBuild } from './config/integrations/post-build.ts';
import { BASE_DIRECTIVES, CSP_ALGORITHM } from './config/headers.ts';

export default defineConfig({
  site: env.site,
  base: env.base,
  // Tests and the benchmark build other content sets side by side with their own output and cache.
  ...(env.outDir ? { outDir: env.outDir } : {}),
  ...(env.cacheDir ? { cacheDir: env.cacheDir } : {}),
  trailingSlash: 'always',
  // Every stylesheet goes into the page (about 3 KB gzip): no round trip before the first paint.
  // Astro hashes each inlined <style> into the page's CSP; dist/_headers takes the same hashes.
  build: { format: 'directory', inlineStylesheets: 'always' },
  // Two entries with the same id would hide one of them: fail instead of warning.
  prerenderConflictBehavior: 'error',
  // Editors complete and check frontmatter from the schemas (JSON schemas in .astro/collections/).
  experimental: { contentIntellisense: true },
  markdown: {
    // Sätteri, Astro's Rust Markdown and MDX engine: GFM (tables, task lists, footnotes,
    // strikethrough, autolinks) is built in; our plugins work on its hast after Shiki.
    // ```mermaid fences become inline SVG figures (config/diagrams/) before Shiki sees them.
    processor: satteri({
      mdastPlugins: [mermaidDiagrams()],
      hastPlugins: [codeTabs, tableHeaders, baseLinks(env.base)],
    }),
    shikiConfig: {
      themes: { ...CODE_THEMES },
      // Fence languages Shiki has no grammar for, shown as plain text under their own name.
      langAlias: { ...LANGUAGE_ALIASES },
      // Every line coloured in full, however busy the machine: builds stay byte-identical.
      transformers: [completeHighlighting],
    },
  },
  security: {
    // Astro hashes its scripts and styles into a <meta> policy on every page; the post-build pass
    // keeps each page's own hashes there, and dist/_headers adds what only a header can say.
    csp: {
      algorithm: CSP_ALGORITHM,
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
  vite: {
    worker: { format: 'es' },
    build: {
      rolldownOptions: {
        // Every MDX entry warns that Astro's own "use astro:head-inject" directive may not be
        // preserved (withastro/astro#18087); it is harmless, and a hundred copies hide real warnings.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
  integrations: [
    // Static subtrees of each entry compile to one HTML string instead of a tree of JSX calls.
    mdx({ optimize: true }),
    sitemap({ filter: (page) => !page.endsWith('/offline/') && !page.endsWith('/book/') }),
    searchIndex(),
    // After the build: one pass over dist/ feeds the search index, _headers and the service worker.
    postBuild(),
  ],
});
