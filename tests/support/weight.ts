import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { parse } from 'node-html-parser';

/** What a page loads before any interaction, in gzip bytes by kind. */
export interface PageWeight {
  requests: number;
  htmlGzipBytes: number;
  cssGzipBytes: number;
  jsGzipBytes: number;
  /** The page's own content, its <main> as served, in gzip bytes: what the page is for, not its chrome. */
  contentGzipBytes: number;
  urls: string[];
}

/** Loads `path` and weighs every response up to the load event (gzip computed here, as a CDN would send it). */
export async function weigh(page: Page, path: string): Promise<PageWeight> {
  const pending: Promise<[string, string, number]>[] = [];
  let contentGzipBytes = 0;
  page.on('response', (response) => {
    const kind = response.request().resourceType();
    pending.push(
      response
        .body()
        .then((body) => {
          if (kind === 'document') {
            const main = parse(body.toString('utf8')).querySelector('main');
            contentGzipBytes = main ? gzipSync(main.outerHTML).length : 0;
          }
          return [kind, response.url(), gzipSync(body).length] as [string, string, number];
        })
        .catch(() => [kind, response.url(), 0]),
    );
  });
  await page.goto(path, { waitUntil: 'load' });
  await page.waitForLoadState('networkidle');
  const responses = await Promise.all(pending);
  const sum = (kind: string) => responses.filter(([k]) => k === kind).reduce((total, [, , bytes]) => total + bytes, 0);
  return {
    requests: responses.length,
    htmlGzipBytes: sum('document'),
    cssGzipBytes: sum('stylesheet'),
    jsGzipBytes: sum('script'),
    contentGzipBytes,
    urls: responses.map(([, url]) => url),
  };
}
