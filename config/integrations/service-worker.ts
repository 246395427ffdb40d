import { matchesGlob } from 'node:path';
import { join } from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import { generateSW } from 'workbox-build';
import { revisionOf, type OutputFile } from './post-build.ts';

/** Files no reader ever fetches, which the service worker leaves out. */
const NOT_PRECACHED = [
  'sw.js',
  '_headers',
  'robots.txt',
  'sitemap-*.xml',
  // Pagefind also writes its older UIs; the guide uses its component UI only.
  'pagefind/pagefind-ui.{js,css}',
  'pagefind/pagefind-modular-ui.{js,css}',
];

/** Files whose names carry a content hash: their URL is their revision. */
const HASHED_NAMES = [
  '_astro/**',
  'pagefind/index/**',
  'pagefind/fragment/**',
  'pagefind/filter/**',
  'pagefind/*.pf_meta',
];

/** Larger files are left to the network. */
const MAX_PRECACHED_BYTES = 8 * 1024 * 1024;

/**
 * Query parameters that never change what a URL serves: the search page reads its own
 * (q, type, category), result links carry `highlight`, and Pagefind adds `ts` to its entry
 * file. Ignoring them lets those URLs come from the precache.
 */
export const IGNORED_PARAMS = [/^utm_/, /^fbclid$/, /^ts$/, /^highlight$/, /^q$/, /^type$/, /^category$/];

const matchesAny = (path: string, patterns: readonly string[]) =>
  patterns.some((pattern) => matchesGlob(path, pattern));

/** The precache list: every file a reader may fetch, with a revision where its name does not change. */
export async function precacheManifest(files: readonly OutputFile[]) {
  const wanted = files.filter((file) => !matchesAny(file.path, NOT_PRECACHED));
  const entries = await Promise.all(
    wanted.map(async (file) => {
      const bytes = await file.content();
      if (bytes.byteLength > MAX_PRECACHED_BYTES) return undefined;
      const revision = matchesAny(file.path, HASHED_NAMES) ? null : revisionOf(bytes);
      return { entry: { url: file.path, revision }, size: bytes.byteLength };
    }),
  );
  return entries.filter((e) => e !== undefined);
}

/**
 * Writes `dist/sw.js`: a Workbox service worker that precaches every page, asset and the whole
 * Pagefind index, and answers navigations to anything it never saved with the offline page
 * when the network is gone. The precache keeps one name across deploys, so a new worker
 * fetches only the files whose revision changed and deletes the ones that are gone. The
 * worker sits at the base path, so its scope and every precached URL respect it.
 */
export async function writeServiceWorker(
  outDir: string,
  files: readonly OutputFile[],
  logger: AstroIntegrationLogger,
): Promise<void> {
  const manifest = await precacheManifest(files);
  const { count, warnings } = await generateSW({
    swDest: join(outDir, 'sw.js'),
    // Workbox only reads the list it is given: every revision was computed in the one pass.
    globDirectory: outDir,
    globPatterns: [],
    additionalManifestEntries: manifest.map(({ entry }) => entry),
    cacheId: 'guide',
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
  for (const warning of warnings) logger.warn(warning);
  const bytes = manifest.reduce((sum, { size: fileSize }) => sum + fileSize, 0);
  logger.info(`sw.js precaches ${count} files (${(bytes / 1024).toFixed(0)} KiB)`);
}
