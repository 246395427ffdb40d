import type { AddressInfo } from 'node:net';
import type { AstroIntegrationLogger } from 'astro';
import { parse } from 'node-html-parser';
import * as pagefind from 'pagefind';
import type { ViteDevServer } from 'vite';

/** Pagefind's index options: the same as the production build's. */
type IndexOptions = Parameters<typeof pagefind.createIndex>[0];

const CONTENT_TYPES: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

/** Upper bound on pages crawled, so a link loop can never run away. */
const MAX_PAGES = 5000;

/** Same-origin page links (paths ending in "/") under `base` in an HTML document. */
export function pageLinks(html: string, pageUrl: string, base: string): string[] {
  const links: string[] = [];
  for (const anchor of parse(html).querySelectorAll('a[href]')) {
    const target = new URL(anchor.getAttribute('href') ?? '', pageUrl);
    target.search = '';
    target.hash = '';
    if (target.origin === new URL(pageUrl).origin && target.pathname.startsWith(base) && target.pathname.endsWith('/'))
      links.push(target.pathname);
  }
  return links;
}

/** Fetches every page reachable from the home page of a running dev server and indexes it. */
async function buildIndex(origin: string, base: string, options: IndexOptions): Promise<Map<string, Uint8Array>> {
  const { index, errors } = await pagefind.createIndex(options);
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  const seen = new Set([base]);
  const queue = [base];
  while (queue.length > 0) {
    // A few pages at a time: the dev server renders each one on request.
    const batch = queue.splice(0, 4);
    await Promise.all(
      batch.map(async (path) => {
        const response = await fetch(`${origin}${path}`);
        if (!response.ok || !response.headers.get('content-type')?.includes('text/html')) return;
        const html = await response.text();
        await index.addHTMLFile({ url: `/${path.slice(base.length)}`, content: html });
        for (const link of pageLinks(html, `${origin}${path}`, base)) {
          if (!seen.has(link) && seen.size < MAX_PAGES && !link.startsWith(`${base}pagefind/`)) {
            seen.add(link);
            queue.push(link);
          }
        }
      }),
    );
  }
  const { files, errors: fileErrors } = await index.getFiles();
  if (fileErrors.length > 0) throw new Error(fileErrors.join('\n'));
  await index.deleteIndex();
  return new Map(files.map((file) => [file.path.replace(/^\/+/, ''), file.content]));
}

/**
 * Search under `astro dev`: the first request for the search bundle crawls the dev server's
 * own pages (drafts included), indexes them with Pagefind's Node API and serves the index
 * from memory at `<base>pagefind/`. Any change to content or source marks the index stale;
 * the next search rebuilds it, so results follow edits without a production build.
 */
export function devSearchIndex(
  server: ViteDevServer,
  base: string,
  logger: AstroIntegrationLogger,
  options: IndexOptions,
): void {
  const prefix = `${base}pagefind/`;
  let current: Map<string, Uint8Array> | undefined;
  let building: Promise<Map<string, Uint8Array>> | undefined;
  let stale = true;
  const markStale = (file: string): void => {
    // Astro's own cache and build output change under it while it works; they are not edits.
    if (!/[\\/](\.astro|node_modules|dist)[\\/]/.test(file)) stale = true;
  };
  server.watcher.on('change', markStale);
  server.watcher.on('add', markStale);
  server.watcher.on('unlink', markStale);
  server.httpServer?.once('close', () => void pagefind.close());

  const rebuild = (): Promise<Map<string, Uint8Array>> => {
    if (building) return building;
    stale = false;
    const { address, family, port } = server.httpServer?.address() as AddressInfo;
    const host = ['::', '0.0.0.0'].includes(address) ? 'localhost' : family === 'IPv6' ? `[${address}]` : address;
    const started = Date.now();
    building = buildIndex(`http://${host}:${port}`, base, options)
      .then((built) => {
        current = built;
        logger.info(`search index built from the dev server's pages in ${Date.now() - started} ms`);
        return built;
      })
      .catch((error: unknown) => {
        stale = true;
        logger.error(`search index failed: ${String(error)}`);
        throw error;
      })
      .finally(() => {
        building = undefined;
      });
    return building;
  };

  // Warm up once the server listens, so the first search rarely waits for the crawl.
  server.httpServer?.once('listening', () => setTimeout(() => void rebuild().catch(() => undefined), 1000));

  server.middlewares.use((req, res, next) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (!path.startsWith(prefix)) return next();
    const name = path.slice(prefix.length);
    // A search starts by asking for the entry file: the moment to catch up with edits. The
    // files it names are then served from that same index, even if an edit lands meanwhile.
    const ready = !current || (stale && name === 'pagefind-entry.json') ? rebuild() : Promise.resolve(current);
    ready
      .then((built) => {
        const body = built.get(name);
        if (!body) return next();
        const extension = name.split('.').pop() ?? '';
        res.setHeader('Content-Type', CONTENT_TYPES[extension] ?? 'application/octet-stream');
        res.setHeader('Cache-Control', 'no-store');
        res.end(body);
      })
      .catch(next);
  });
}
