import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, matchesGlob } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegrationLogger } from 'astro';
import { build } from 'rolldown';
import { env } from '../env.ts';
import { OFFLINE_PAGE, planOffline, WORKER_CODE_DIR, type OfflinePlan } from './offline-plan.ts';
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

/** The worker's code, which imports Workbox and src/scripts/offline-worker.ts. */
const WORKER_SOURCE = new URL('../../src/scripts/service-worker.ts', import.meta.url);

/** Workbox's cache prefix: one name across deploys, so a new worker starts from the old precache. */
const CACHE_ID = 'guide';

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
 * The worker's code (src/scripts/service-worker.ts with Workbox and offline-worker.ts), bundled
 * into one classic script. It is the same for every build of one commit: this build's settings go
 * in front of it.
 */
async function bundleWorker(): Promise<string> {
  const { output } = await build({
    input: fileURLToPath(WORKER_SOURCE),
    write: false,
    platform: 'browser',
    // Workbox keeps its development logging behind this.
    transform: { define: { 'process.env.NODE_ENV': '"production"' } },
    output: { format: 'iife', minify: true },
  });
  const [chunk] = output;
  if (output.length !== 1 || chunk.type !== 'chunk')
    throw new Error('the service worker bundled into more than one file');
  return chunk.code;
}

/**
 * Writes `dist/sw.js`: a Workbox service worker that precaches the shell, the offline page,
 * the whole Pagefind index and the pages that fit in the precache budget, and saves other
 * pages as they are read. The precache keeps one name across deploys, so a new worker
 * fetches only the files whose revision changed and deletes the ones that are gone;
 * src/scripts/offline-worker.ts keeps the previous deploy's assets for open tabs and the
 * pages saved outside the precache in step. No Workbox build step runs: the worker's code is
 * bundled as it is (a few tens of milliseconds) and this build's lists are written in front. The worker sits at the base path,
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
    pages: `${CACHE_ID}-pages-${base}`,
    previousAssets: `${CACHE_ID}-previous-assets-${base}`,
    state: `${CACHE_ID}-state-${base}`,
  };
  const offlineSettings = {
    // Workbox names its precache `<cacheId>-precache-v2-<scope>`.
    precache: `${CACHE_ID}-precache-v2-`,
    caches,
    assets: precached.filter((file) => file.path.startsWith('_astro/')).map((file) => file.path),
    // The pages outside the precache with their revisions, so the worker knows what changed without a fetch.
    pages: [
      ...plan.whenRead.map((file) => ({ url: pageUrl(file.path), revision: file.revision })),
      ...plan.aggregates.map((file) => ({ url: pageUrl(file.path), revision: file.revision, aggregate: true })),
    ],
  };
  const workerSettings = {
    cacheId: CACHE_ID,
    // Workbox only reads the list it is given: every revision was computed in the one pass.
    precache: precached.map(({ path, revision }) => ({ url: path, revision })),
    ignoredParams: IGNORED_PARAMS.map((pattern) => pattern.source),
    pagesCache: caches.pages,
    offlinePage: OFFLINE_PAGE,
  };
  // The code is the same from one content deploy to the next, so it lives in a file named by its
  // hash: a browser checking for an update fetches sw.js (the lists) and takes the code from its
  // HTTP cache, instead of about 7 KB of unchanged code with every deploy.
  const code = Buffer.from(await bundleWorker());
  const codePath = `${WORKER_CODE_DIR}/code.${revisionOf(code).slice(0, 10)}.js`;
  await mkdir(join(outDir, WORKER_CODE_DIR), { recursive: true });
  await writeFile(join(outDir, codePath), code);
  const script =
    `self.guideWorker=${JSON.stringify(workerSettings)};\n` +
    `self.guideOffline=${JSON.stringify(offlineSettings)};\n` +
    `importScripts(${JSON.stringify(codePath)});\n`;
  await writeFile(join(outDir, 'sw.js'), script);
  const count = workerSettings.precache.length;
  const megabytes = (files: readonly { bytes: number }[]) =>
    (files.reduce((sum, file) => sum + file.bytes, 0) / 1024 / 1024).toFixed(1);
  logger.info(
    `sw.js precaches ${count} files (${megabytes(precached)} MB of a ${env.precacheMegabytes} MB budget); ` +
      `${plan.whenRead.length + plan.aggregates.length} pages (${megabytes([...plan.whenRead, ...plan.aggregates])} MB) are saved when read`,
  );
}
