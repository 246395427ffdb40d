import { createHash } from 'node:crypto';
import { readFile, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, matchesGlob } from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import ts from 'typescript';
import { generateSW } from 'workbox-build';
import { env } from '../env.ts';
import { OFFLINE_PAGE, planOffline, type OfflinePlan } from './offline-plan.ts';
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
  // The EPUB is a download, kept by whoever downloads it; the print page is there for offline reading.
  '*.epub',
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

/** Every page with its title and size, for the offline page and the worker; precached itself. */
export const PAGE_LIST = 'offline/pages.json';

/** The worker's own code (src/scripts/offline-worker.ts), which sw.js imports. */
const WORKER_SOURCE = new URL('../../src/scripts/offline-worker.ts', import.meta.url);

const matchesAny = (path: string, patterns: readonly string[]) =>
  patterns.some((pattern) => matchesGlob(path, pattern));

/** A file the worker may save, with its size and its Workbox revision (null when its name is its revision). */
export interface SaveableFile {
  path: string;
  bytes: number;
  revision: string | null;
}

/** Every file a reader may fetch, with a revision where its name does not change. */
export async function saveableFiles(files: readonly OutputFile[]): Promise<SaveableFile[]> {
  const wanted = files.filter((file) => !matchesAny(file.path, NOT_PRECACHED));
  const entries = await Promise.all(
    wanted.map(async (file) => {
      const bytes = await file.content();
      if (bytes.byteLength > MAX_PRECACHED_BYTES) return undefined;
      const revision = matchesAny(file.path, HASHED_NAMES) ? null : revisionOf(bytes);
      return { path: file.path, bytes: bytes.byteLength, revision };
    }),
  );
  return entries.filter((e) => e !== undefined);
}

/** "tools/docker/index.html" → "tools/docker/": the address a page is read at, relative to the base. */
const pageUrl = (path: string) => path.replace(/(^|\/)index\.html$/, '$1');

/**
 * offline/pages.json, for the offline page: every page with its title and size, whether the
 * first visit saves it, and whether "Save the whole guide" does (not for aggregates).
 */
function pageList(plan: OfflinePlan<SaveableFile>, titles: ReadonlyMap<string, string>): string {
  const listed = (file: SaveableFile, precached: boolean, aggregate = false) => ({
    url: pageUrl(file.path),
    title: titles.get(file.path) ?? pageUrl(file.path),
    bytes: file.bytes,
    precached,
    ...(aggregate ? { aggregate } : {}),
  });
  const pages = [
    ...plan.precached.filter((file) => file.path.endsWith('.html')).map((file) => listed(file, true)),
    ...plan.whenRead.map((file) => listed(file, false)),
    ...plan.aggregates.map((file) => listed(file, false, true)),
  ].sort((a, b) => (a.url < b.url ? -1 : 1));
  return `${JSON.stringify({ pages })}\n`;
}

/**
 * Writes the worker's own script next to sw.js, with this build's settings in front of it,
 * under a name that changes with its content (so sw.js changes whenever it does). TypeScript
 * only strips the types: the source is one self-contained function, nothing to bundle.
 */
async function writeWorkerScript(outDir: string, settings: Record<string, unknown>): Promise<string> {
  const source = await readFile(WORKER_SOURCE, 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, removeComments: true },
  });
  const script = `self.guideOffline = ${JSON.stringify(settings)};\n${outputText}`;
  const name = `sw-offline.${createHash('sha256').update(script).digest('hex').slice(0, 10)}.js`;
  await writeFile(join(outDir, name), script);
  return name;
}

/**
 * Writes `dist/sw.js`: a Workbox service worker that precaches the shell, the offline page,
 * the whole Pagefind index and the pages that fit in the precache budget, and saves other
 * pages as they are read. The precache keeps one name across deploys, so a new worker
 * fetches only the files whose revision changed and deletes the ones that are gone; its
 * own script (src/scripts/offline-worker.ts) keeps the previous deploy's assets for open
 * tabs and the pages saved outside the precache in step. The worker sits at the base path,
 * so its scope and every saved URL respect it.
 */
export async function writeServiceWorker(
  outDir: string,
  files: readonly OutputFile[],
  logger: AstroIntegrationLogger,
  { base, titles }: { base: string; titles: ReadonlyMap<string, string> },
): Promise<void> {
  const budget = env.precacheMegabytes * 1024 * 1024;
  const plan = planOffline(await saveableFiles(files), budget);

  const list = Buffer.from(pageList(plan, titles));
  await mkdir(dirname(join(outDir, PAGE_LIST)), { recursive: true });
  await writeFile(join(outDir, PAGE_LIST), list);
  const precached = [...plan.precached, { path: PAGE_LIST, bytes: list.byteLength, revision: revisionOf(list) }];

  const caches = {
    pages: `guide-pages-${base}`,
    previousAssets: `guide-previous-assets-${base}`,
    state: `guide-state-${base}`,
  };
  const workerScript = await writeWorkerScript(outDir, {
    // Workbox names its precache `<cacheId>-precache-v2-<scope>`.
    precache: 'guide-precache-v2-',
    caches,
    assets: precached.filter((file) => file.path.startsWith('_astro/')).map((file) => file.path),
    // The pages outside the precache with their revisions, so the worker knows what changed without a fetch.
    pages: [
      ...plan.whenRead.map((file) => ({ url: pageUrl(file.path), revision: file.revision })),
      ...plan.aggregates.map((file) => ({ url: pageUrl(file.path), revision: file.revision, aggregate: true })),
    ],
  });

  const { count, warnings } = await generateSW({
    swDest: join(outDir, 'sw.js'),
    // Workbox only reads the list it is given: every revision was computed in the one pass.
    globDirectory: outDir,
    globPatterns: [],
    additionalManifestEntries: precached.map(({ path, revision }) => ({ url: path, revision })),
    importScripts: [workerScript],
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
        // Pages the precache left out: the network first, saved as read; offline, the saved copy or the offline page.
        urlPattern: ({ request, url }) => request.mode === 'navigate' && url.pathname.endsWith('/'),
        handler: 'NetworkFirst',
        options: {
          cacheName: caches.pages,
          networkTimeoutSeconds: 4,
          matchOptions: { ignoreSearch: true },
          precacheFallback: { fallbackURL: OFFLINE_PAGE },
        },
      },
      {
        // Anything else opened as a page (a Markdown twin, llms.txt): the network, else the offline page.
        urlPattern: ({ request }) => request.mode === 'navigate',
        handler: 'NetworkOnly',
        options: { precacheFallback: { fallbackURL: OFFLINE_PAGE } },
      },
    ],
  });
  for (const warning of warnings) logger.warn(warning);
  const megabytes = (files: readonly { bytes: number }[]) =>
    (files.reduce((sum, file) => sum + file.bytes, 0) / 1024 / 1024).toFixed(1);
  logger.info(
    `sw.js precaches ${count} files (${megabytes(precached)} MB of a ${env.precacheMegabytes} MB budget); ` +
      `${plan.whenRead.length + plan.aggregates.length} pages (${megabytes([...plan.whenRead, ...plan.aggregates])} MB) are saved when read`,
  );
}
