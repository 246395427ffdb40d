import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { generateSW, getManifest } from 'workbox-build';

/** What the service worker precaches: the whole built site, less what no reader ever fetches. */
export function precacheOptions(outDir: string) {
  return {
    globDirectory: outDir,
    globPatterns: ['**/*'],
    globIgnores: [
      'sw.js',
      '_headers',
      'robots.txt',
      'sitemap-*.xml',
      // Pagefind also writes its older UIs; the guide uses its component UI only.
      'pagefind/pagefind-ui.{js,css}',
      'pagefind/pagefind-modular-ui.{js,css}',
    ],
    // Files whose names carry a content hash need no revision in the manifest.
    dontCacheBustURLsMatching:
      /^(?:_astro\/|pagefind\/(?:index|fragment|filter)\/|pagefind\/pagefind\.[\w-]+\.pf_meta$)/,
    maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
  };
}

/**
 * Query parameters that never change what a URL serves: the search page reads its own
 * (q, type, category), result links carry `highlight`, and Pagefind adds `ts` (its
 * metaCacheTag) to its entry file. Ignoring them lets those URLs come from the precache.
 */
export const IGNORED_PARAMS = [/^utm_/, /^fbclid$/, /^ts$/, /^highlight$/, /^q$/, /^type$/, /^category$/];

/**
 * Writes `dist/sw.js` after the build (and after the search index, so the index is in it):
 * a Workbox service worker that precaches every page, asset and the whole Pagefind index,
 * and answers navigations to anything it never saved with the offline page when the network
 * is gone. The cache name is a hash of the precache manifest, so each deploy gets its own
 * cache, the previous one is deleted on activation, and an unchanged build keeps its cache.
 * The worker sits at the base path, so its scope and every precached URL respect it.
 */
export function serviceWorker(): AstroIntegration {
  return {
    name: 'guide:service-worker',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const options = precacheOptions(outDir);
        const { manifestEntries, warnings: manifestWarnings } = await getManifest(options);
        const buildId = createHash('sha256').update(JSON.stringify(manifestEntries)).digest('hex').slice(0, 12);
        const { count, size, warnings } = await generateSW({
          ...options,
          swDest: join(outDir, 'sw.js'),
          cacheId: `guide-${buildId}`,
          cleanupOutdatedCaches: true,
          // A new deploy takes over at once: the reader's next page load is the new content.
          skipWaiting: true,
          clientsClaim: true,
          inlineWorkboxRuntime: true,
          mode: 'production',
          sourcemap: false,
          directoryIndex: 'index.html',
          ignoreURLParametersMatching: IGNORED_PARAMS,
          runtimeCaching: [
            {
              // Pages the worker never saved: the network when there is one, else the offline page.
              urlPattern: ({ request }) => request.mode === 'navigate',
              handler: 'NetworkOnly',
              options: { precacheFallback: { fallbackURL: 'offline/index.html' } },
            },
          ],
        });
        for (const warning of [...manifestWarnings, ...warnings]) logger.warn(warning);
        logger.info(`sw.js precaches ${count} files (${(size / 1024).toFixed(0)} KiB), cache guide-${buildId}`);
      },
    },
  };
}
