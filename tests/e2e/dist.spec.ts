// Gates over the built files themselves: valid HTML, every link and anchor resolves,
// every page reachable from the home page, and _headers as the CDN will read it.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { builtPages, brokenReferences, unreachablePages } from '../support/site';
import { htmlErrors } from '../support/html';
import { headersFor, parseHeadersFile } from '../support/headers';
import { env } from '../../config/env';

const DIST = process.env['DIST_DIR'] ?? 'dist';
const BASE = env.base;

test('every page is valid HTML', async () => {
  expect(await htmlErrors(builtPages(DIST, BASE).map((p) => p.file))).toEqual([]);
});

test('every internal link, asset and anchor resolves', () => {
  expect(brokenReferences(DIST, BASE)).toEqual([]);
});

test('every page is reachable from the home page', () => {
  expect(unreachablePages(DIST, BASE)).toEqual([]);
});

test('_headers caches hashed assets forever, revalidates HTML and secures every response', () => {
  const rules = parseHeadersFile(readFileSync(`${DIST}/_headers`, 'utf8'));
  const asset = headersFor(rules, `${BASE}_astro/page.abc123.js`);
  const page = headersFor(rules, `${BASE}languages/python/`);
  expect(asset.get('cache-control')).toBe('public, max-age=31536000, immutable');
  expect(page.get('cache-control')).toBe('public, max-age=0, must-revalidate');
  expect(headersFor(rules, `${BASE}pagefind/pagefind.js`).get('cache-control')).toBe(
    'public, max-age=0, must-revalidate',
  );
  const csp = page.get('content-security-policy') ?? '';
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("'wasm-unsafe-eval'");
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(page.get('x-content-type-options')).toBe('nosniff');
  expect(page.get('referrer-policy')).toBeTruthy();
  expect(page.get('permissions-policy')).toBeTruthy();
});

test('sitemap and robots.txt describe the site', () => {
  const robots = readFileSync(`${DIST}/robots.txt`, 'utf8');
  expect(robots).toMatch(/^Sitemap: https?:\/\/.+sitemap-index\.xml$/m);
  const sitemap = readFileSync(`${DIST}/sitemap-0.xml`, 'utf8');
  expect(sitemap).toContain('/languages/python/</loc>');
});
