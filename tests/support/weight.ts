import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';

/** What a page loads before any interaction, in gzip bytes by kind. */
export interface PageWeight {
  requests: number;
  htmlGzipBytes: number;
  cssGzipBytes: number;
  jsGzipBytes: number;
  urls: string[];
}

/** Loads `path` and weighs every response up to the load event (gzip computed here, as a CDN would send it). */
export async function weigh(page: Page, path: string): Promise<PageWeight> {
  const pending: Promise<[string, string, number]>[] = [];
  page.on('response', (response) => {
    const kind = response.request().resourceType();
    pending.push(
      response
        .body()
        .then((body) => [kind, response.url(), gzipSync(body).length] as [string, string, number])
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
    urls: responses.map(([, url]) => url),
  };
}
