/**
 * What the guide's service worker does beyond Workbox's precache. src/scripts/service-worker.ts
 * imports it before Workbox, so its listeners come first; the build writes its settings into
 * `self.guideOffline` in front of the bundle (config/integrations/service-worker.ts).
 *
 * - Open tabs survive a deploy. When a new worker installs, the hashed assets of the deploy
 *   before (`_astro/`), which Workbox deletes from the precache once it takes over, are copied
 *   to a cache of their own, and requests for them are answered from there. A page loaded
 *   before the deploy keeps loading its own lazily imported code (the search dialog, the
 *   progress-file tools). That cache is deleted once no tab open at the switch is left.
 * - Pages beyond the precache budget are saved as they are read (Workbox's page route writes
 *   them to the pages cache), or all at once on request. Each new worker, while it installs,
 *   keeps them in step with its deploy: pages gone are deleted, pages changed are fetched
 *   again (the build gives their revisions), the rest stay as they are, and a page that leaves
 *   the precache unchanged moves over to the pages cache instead of being fetched again.
 * - The offline page asks over a MessageChannel (the port goes with the message):
 *   `{ type: 'guide:saved' }` is answered `{ saved, wholeGuide }`: the saved page URLs,
 *   relative to the scope, and whether the reader asked for the whole guide;
 *   `{ type: 'guide:save-all' }` is answered `{ done, total }` as pages arrive, then
 *   `{ done, total, finished: true, failed }`, or `{ error }`.
 *
 * It never touches localStorage or IndexedDB: progress and self-checks are the page's.
 */
(() => {
  interface ExtendableEvent extends Event {
    waitUntil(promise: Promise<unknown>): void;
  }
  interface FetchEvent extends ExtendableEvent {
    readonly request: Request;
    respondWith(response: Promise<Response>): void;
  }
  interface ExtendableMessageEvent extends ExtendableEvent {
    readonly data: unknown;
    readonly ports: readonly MessagePort[];
  }
  /** What the build writes into `self.guideOffline`. */
  interface Settings {
    /** Workbox's precache name up to the scope it ends with. */
    precache: string;
    /** The caches this script keeps. */
    caches: { pages: string; previousAssets: string; state: string };
    /** This deploy's hashed assets, relative to the scope. */
    assets: readonly string[];
    /** The pages the precache leaves out, relative to the scope. */
    pages: readonly OutsidePage[];
  }
  /** A page saved when read (or with the whole guide), not precached. */
  interface OutsidePage {
    url: string;
    /** SHA-256 of the page, its first 32 hex digits, as the build computes it. */
    revision: string;
    /** Repeats many other pages (the print edition): saved only when read, never with the whole guide. */
    aggregate?: boolean;
  }
  interface ServiceWorkerScope {
    readonly guideOffline: Settings;
    readonly registration: { readonly scope: string };
    readonly clients: {
      matchAll(options: { type: 'window'; includeUncontrolled: boolean }): Promise<readonly { id: string }[]>;
    };
    addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
    addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
    addEventListener(type: 'message', listener: (event: ExtendableMessageEvent) => void): void;
  }

  const worker = self as unknown as ServiceWorkerScope;
  const settings = worker.guideOffline;
  const scope = worker.registration.scope;
  const absolute = (path: string): string => new URL(path, scope).href;
  const assetsPrefix = absolute('_astro/');
  const currentAssets = new Set(settings.assets.map(absolute));
  // Keys of the state cache: the tabs open when this deploy took over; the reader's "save everything".
  const OPEN_TABS = absolute('__guide-open-tabs__');
  const WHOLE_GUIDE = absolute('__guide-whole-guide__');
  const PARALLEL_FETCHES = 4;

  /** The URL without query or fragment: a page is saved once, whatever a link added to it. */
  const canonical = (url: string): string => {
    const parsed = new URL(url);
    parsed.search = '';
    parsed.hash = '';
    return parsed.href;
  };

  const readJson = async <T>(cache: Cache, key: string): Promise<T | undefined> =>
    (await cache.match(key))?.json() as Promise<T | undefined>;

  /** Workbox's precaches for this scope, this deploy's and any from before it changed names. */
  const precaches = async (): Promise<string[]> =>
    (await caches.keys()).filter((name) => name.includes('-precache-') && name.endsWith(scope));

  // --- Open tabs survive a deploy -------------------------------------------------------

  /** Copies the assets of the deploy before out of the precache, before Workbox deletes them. */
  async function keepPreviousAssets(): Promise<void> {
    let copied = 0;
    for (const name of await precaches()) {
      const precache = await caches.open(name);
      const previous = (await precache.keys()).filter(
        (request) => request.url.startsWith(assetsPrefix) && !currentAssets.has(canonical(request.url)),
      );
      if (previous.length === 0) continue;
      const kept = await caches.open(settings.caches.previousAssets);
      for (const request of previous) {
        const response = await precache.match(request);
        if (response) await kept.put(canonical(request.url), response);
        copied++;
      }
    }
    // Counted again when this worker takes over, so the worker before it cannot release them early.
    if (copied > 0) await (await caches.open(settings.caches.state)).delete(OPEN_TABS);
  }

  /** Notes the tabs open as this worker takes over: each was loaded by an earlier deploy. */
  async function countOpenTabs(): Promise<void> {
    if (!(await caches.has(settings.caches.previousAssets))) return;
    const tabs = await worker.clients.matchAll({ type: 'window', includeUncontrolled: true });
    const state = await caches.open(settings.caches.state);
    await state.put(OPEN_TABS, Response.json(tabs.map((tab) => tab.id)));
  }

  /** Deletes the earlier deploys' assets once none of the tabs that may use them is open. */
  async function releasePreviousAssets(): Promise<void> {
    if (!(await caches.has(settings.caches.previousAssets))) return;
    const state = await caches.open(settings.caches.state);
    const counted = await readJson<string[]>(state, OPEN_TABS);
    if (!counted) return;
    const open = new Set(
      (await worker.clients.matchAll({ type: 'window', includeUncontrolled: true })).map((t) => t.id),
    );
    if (counted.some((id) => open.has(id))) return;
    await caches.delete(settings.caches.previousAssets);
    await state.delete(OPEN_TABS);
  }

  /** An asset of an earlier deploy: kept, or still on the server. */
  async function previousAsset(request: Request): Promise<Response> {
    const kept = await caches.match(canonical(request.url), { cacheName: settings.caches.previousAssets });
    return kept ?? fetch(request);
  }

  // --- Pages beyond the budget ----------------------------------------------------------

  /** This deploy's pages outside the precache, by absolute URL. */
  const outside = new Map(settings.pages.map((page) => [absolute(page.url), page]));

  /** The same revision the build computes: SHA-256, first 32 hex digits. */
  async function revisionOf(response: Response): Promise<string> {
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', await response.clone().arrayBuffer()));
    return [...digest.subarray(0, 16)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  }

  /** Fetches `urls` into `cache`, a few at a time; returns how many failed. */
  async function fetchInto(
    cache: Cache,
    urls: readonly string[],
    progress: (done: number) => void = () => undefined,
  ): Promise<number> {
    let next = 0;
    let done = 0;
    let failed = 0;
    const fetchNext = async (): Promise<void> => {
      while (next < urls.length) {
        const url = urls[next++] as string;
        try {
          const response = await fetch(url, { cache: 'no-cache' });
          if (!response.ok) throw new Error(`HTTP ${response.status}`);
          await cache.put(url, response);
        } catch {
          failed++;
        }
        progress(++done);
      }
    };
    await Promise.all(Array.from({ length: PARALLEL_FETCHES }, fetchNext));
    return failed;
  }

  const wantsWholeGuide = async (): Promise<boolean> =>
    Boolean(await (await caches.open(settings.caches.state)).match(WHOLE_GUIDE));

  /**
   * Pages that leave the precache with this deploy (the budget moved past them) but have not
   * changed: copied to the pages cache before Workbox deletes them, so they stay on the device.
   */
  async function keepPagesLeavingThePrecache(pages: Cache): Promise<void> {
    for (const name of await precaches()) {
      const precache = await caches.open(name);
      for (const request of await precache.keys()) {
        const key = new URL(request.url);
        const revision = key.searchParams.get('__WB_REVISION__');
        const url = canonical(request.url).replace(/index\.html$/, '');
        if (!revision || outside.get(url)?.revision !== revision || (await pages.match(url))) continue;
        const response = await precache.match(request);
        if (response) await pages.put(url, response);
      }
    }
  }

  /** Brings the pages saved outside the precache in step with this deploy, fetching only what changed. */
  async function keepPagesInStep(): Promise<void> {
    const pages = await caches.open(settings.caches.pages);
    await keepPagesLeavingThePrecache(pages);
    const saved = await pages.keys();
    const wholeGuide = await wantsWholeGuide();
    const current = new Set<string>();
    const changed = new Set<string>();
    for (const request of saved) {
      const url = canonical(request.url);
      const response = await pages.match(request);
      if (url !== request.url) await pages.delete(request);
      const page = outside.get(url);
      // Gone from the guide, or precached now: the copy here is not needed.
      if (!page || !response) {
        await pages.delete(url);
      } else if ((await revisionOf(response)) === page.revision) {
        if (url !== request.url) await pages.put(url, response);
        current.add(url);
      } else {
        changed.add(url);
      }
    }
    const missing = wholeGuide
      ? [...outside]
          .filter(([url, page]) => !page.aggregate && !current.has(url) && !changed.has(url))
          .map(([url]) => url)
      : [];
    await fetchInto(pages, [...changed, ...missing]);
  }

  /** Saves every page the precache left out, telling `port` how far it got. */
  async function saveWholeGuide(port: MessagePort): Promise<void> {
    await (await caches.open(settings.caches.state)).put(WHOLE_GUIDE, new Response('yes'));
    const pages = await caches.open(settings.caches.pages);
    const saved = new Set((await pages.keys()).map((request) => canonical(request.url)));
    const missing = [...outside].filter(([url, page]) => !page.aggregate && !saved.has(url)).map(([url]) => url);
    const total = missing.length;
    port.postMessage({ done: 0, total });
    const failed = await fetchInto(pages, missing, (done) => port.postMessage({ done, total }));
    port.postMessage({ done: total, total, finished: true, failed });
  }

  /** The pages this device has, relative to the scope: precached ones and those saved since. */
  async function savedPages(): Promise<string[]> {
    const saved = new Set<string>();
    for (const name of await precaches()) {
      for (const request of await (await caches.open(name)).keys()) {
        const url = canonical(request.url);
        if (url.endsWith('/index.html')) saved.add(url.slice(0, -'index.html'.length));
      }
    }
    if (await caches.has(settings.caches.pages)) {
      for (const request of await (await caches.open(settings.caches.pages)).keys()) saved.add(canonical(request.url));
    }
    return [...saved].filter((url) => url.startsWith(scope)).map((url) => url.slice(scope.length));
  }

  // --- Events -----------------------------------------------------------------------------

  worker.addEventListener('install', (event) => {
    event.waitUntil(
      Promise.all([
        keepPreviousAssets(),
        // Saved pages catch up on the next deploy if this fails; the precache is what must succeed.
        keepPagesInStep().catch((error: unknown) => console.warn('guide: saved pages not brought up to date', error)),
      ]),
    );
  });

  worker.addEventListener('activate', (event) => event.waitUntil(countOpenTabs()));

  worker.addEventListener('fetch', (event) => {
    const { request } = event;
    if (request.method !== 'GET') return;
    if (request.url.startsWith(assetsPrefix) && !currentAssets.has(canonical(request.url))) {
      event.respondWith(previousAsset(request));
    } else if (request.mode === 'navigate') {
      event.waitUntil(releasePreviousAssets());
    }
  });

  worker.addEventListener('message', (event) => {
    const type = (event.data as { type?: unknown } | null)?.type;
    const port = event.ports[0];
    if (!port) return;
    if (type === 'guide:saved') {
      event.waitUntil(
        Promise.all([savedPages(), wantsWholeGuide()]).then(([saved, wholeGuide]) =>
          port.postMessage({ saved, wholeGuide }),
        ),
      );
    } else if (type === 'guide:save-all') {
      event.waitUntil(saveWholeGuide(port).catch((error: unknown) => port.postMessage({ error: String(error) })));
    }
  });
})();
