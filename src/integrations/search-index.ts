import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { META_CACHE_TAG_PLACEHOLDER } from '../lib/search-config';
import { devSearchIndex } from './search-dev';

/** How Pagefind indexes the guide, in production and under `astro dev` alike. */
export const PAGEFIND_OPTIONS = { forceLanguage: 'en', includeCharacters: '#+.' } as const;

/** Fails loudly with every message Pagefind reported. */
function assertNoErrors(step: string, errors: readonly string[]): void {
  if (errors.length > 0) throw new Error(`Pagefind ${step} failed:\n${errors.join('\n')}`);
}

/**
 * Writes the index's cache tag into every page that can search. The tag is a hash of
 * pagefind-entry.json, which names the hashed index files: it changes exactly when the
 * index does, so an unchanged site keeps byte-identical pages from one build to the next.
 */
async function stampMetaCacheTag(outDir: string): Promise<string> {
  const tag = createHash('sha256')
    .update(await readFile(join(outDir, 'pagefind', 'pagefind-entry.json')))
    .digest('hex')
    .slice(0, 12);
  const attribute = `data-meta-cache-tag="${META_CACHE_TAG_PLACEHOLDER}"`;
  const entries = await readdir(outDir, { recursive: true, withFileTypes: true });
  const pages = entries.filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => join(e.parentPath, e.name));
  await Promise.all(
    pages.map(async (file) => {
      // Only the attribute: the same text inside a script would change the script's CSP hash.
      const html = await readFile(file, 'utf8');
      if (html.includes(attribute)) await writeFile(file, html.replaceAll(attribute, `data-meta-cache-tag="${tag}"`));
    }),
  );
  return tag;
}

/**
 * Builds the Pagefind search index into `dist/pagefind/` after every production
 * build, so a build without a search index cannot happen; under `astro dev` the
 * index is built from the dev server's own pages and served from memory.
 */
export function searchIndex(): AstroIntegration {
  let base = '/';
  return {
    name: 'guide:search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:server:setup': ({ server, logger }) => devSearchIndex(server, base, logger, PAGEFIND_OPTIONS),
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const { index, errors } = await pagefind.createIndex(PAGEFIND_OPTIONS);
        assertNoErrors('setup', errors);
        if (!index) throw new Error('Pagefind returned no index');
        try {
          const added = await index.addDirectory({ path: outDir });
          assertNoErrors('indexing', added.errors);
          if (added.page_count === 0) throw new Error('Pagefind found no pages marked with data-pagefind-body');
          const written = await index.writeFiles({ outputPath: `${outDir}/pagefind` });
          assertNoErrors('writing', written.errors);
          const tag = await stampMetaCacheTag(outDir);
          logger.info(`indexed ${added.page_count} pages (index tag ${tag})`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
