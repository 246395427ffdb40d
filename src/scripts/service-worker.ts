/**
 * The guide's service worker, bundled into dist/sw.js by config/integrations/service-worker.ts.
 * The build writes its settings in front of the bundle, in `self.guideWorker` (the precache list
 * with each file's revision, and what the Workbox routes need) and `self.guideOffline` (what
 * offline-worker.ts needs); the bundle itself is the same for every build of one commit.
 *
 * Its listeners are registered in this order, which decides who answers a request first:
 * offline-worker.ts (the previous deploy's assets for tabs opened before it), then Workbox's
 * precache, then the two page routes.
 */
import './offline-worker.ts';
import { clientsClaim, setCacheNameDetails } from 'workbox-core';
import type { WorkboxPlugin } from 'workbox-core/types.js';
import { cleanupOutdatedCaches, precacheAndRoute, PrecacheFallbackPlugin } from 'workbox-precaching';
import type { PrecacheEntry } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { NetworkFirst, NetworkOnly } from 'workbox-strategies';

/** What the build writes into `self.guideWorker`. */
interface WorkerSettings {
  /** Workbox's cache prefix; the precache is `<cacheId>-precache-v2-<scope>`, the same from one deploy to the next. */
  cacheId: string;
  /** Every precached file, relative to the scope, with a revision where its name does not change. */
  precache: PrecacheEntry[];
  /** Query parameters that never change what a URL serves, as regular-expression sources. */
  ignoredParams: string[];
  /** The cache of pages saved as they are read. */
  pagesCache: string;
  /** The offline page, relative to the scope: what a page that is not saved shows offline. */
  offlinePage: string;
}

const worker = self as unknown as { guideWorker: WorkerSettings; skipWaiting(): Promise<void> };
const settings = worker.guideWorker;

setCacheNameDetails({ prefix: settings.cacheId });
// A new deploy takes over at once: the reader's next page load is the new content.
void worker.skipWaiting();
clientsClaim();

precacheAndRoute(settings.precache, {
  directoryIndex: 'index.html',
  ignoreURLParametersMatching: settings.ignoredParams.map((source) => new RegExp(source)),
});
cleanupOutdatedCaches();

// Workbox declares the plugin's one callback as possibly undefined, which strict optional
// property types refuse as a WorkboxPlugin; it is always set.
const offline = new PrecacheFallbackPlugin({ fallbackURL: settings.offlinePage }) as WorkboxPlugin;

// Pages the precache left out: the network first, saved as read; offline, the saved copy or the offline page.
registerRoute(
  ({ request, url }) => request.mode === 'navigate' && url.pathname.endsWith('/'),
  new NetworkFirst({
    cacheName: settings.pagesCache,
    networkTimeoutSeconds: 4,
    matchOptions: { ignoreSearch: true },
    plugins: [offline],
  }),
);

// Anything else opened as a page (a Markdown twin, llms.txt): the network, else the offline page.
registerRoute(({ request }) => request.mode === 'navigate', new NetworkOnly({ plugins: [offline] }));
