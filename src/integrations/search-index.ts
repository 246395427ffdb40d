import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

/** Fails loudly with every message Pagefind reported. */
function assertNoErrors(step: string, errors: readonly string[]): void {
  if (errors.length > 0) throw new Error(`Pagefind ${step} failed:\n${errors.join('\n')}`);
}

/**
 * Builds the Pagefind search index into `dist/pagefind/` after every production
 * build, so a build without a search index cannot happen.
 */
export function searchIndex(): AstroIntegration {
  return {
    name: 'guide:search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en', includeCharacters: '#+.' });
        assertNoErrors('setup', errors);
        if (!index) throw new Error('Pagefind returned no index');
        try {
          const added = await index.addDirectory({ path: outDir });
          assertNoErrors('indexing', added.errors);
          if (added.page_count === 0) throw new Error('Pagefind found no pages marked with data-pagefind-body');
          const written = await index.writeFiles({ outputPath: `${outDir}/pagefind` });
          assertNoErrors('writing', written.errors);
          logger.info(`indexed ${added.page_count} pages`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
