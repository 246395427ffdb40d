// Gates over the built files themselves: valid HTML, every link and anchor resolves,
// every page reachable from the home page, and _headers as the CDN will read it.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'node-html-parser';
import { expect, test } from '@playwright/test';
import { builtPages, brokenReferences, unreachablePages } from '../support/site';
import { htmlErrors } from '../support/html';
import { headersFor, parseHeadersFile } from '../support/headers';
import { env } from '../../config/env';
import { parsePolicy } from '../../config/headers';

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
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("'wasm-unsafe-eval'");
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  // Styles are each page's own <meta> policy; a header default would block them.
  expect(csp).not.toMatch(/(default|style)-src/);
  const worker = headersFor(rules, `${BASE}sw.js`);
  expect(worker.get('content-security-policy')).toContain(", default-src 'self'");
  expect(worker.get('cache-control')).toBe('public, max-age=0, must-revalidate');
  // The worker's code, named by its hash, comes from the HTTP cache when a deploy changes only sw.js's lists.
  const [, code = ''] = /importScripts\("([^"]+)"\)/.exec(readFileSync(`${DIST}/sw.js`, 'utf8')) ?? [];
  expect(existsSync(`${DIST}/${code}`), code).toBe(true);
  expect(headersFor(rules, `${BASE}${code}`).get('cache-control')).toBe('public, max-age=31536000, immutable');
  expect(page.get('x-content-type-options')).toBe('nosniff');
  expect(page.get('referrer-policy')).toBeTruthy();
  expect(page.get('permissions-policy')).toBeTruthy();
});

test("each page's CSP allows exactly its own inline scripts and styles, and no inline script otherwise", () => {
  const problems: string[] = [];
  for (const { file } of builtPages(DIST, BASE)) {
    const root = parse(readFileSync(file, 'utf8'), { blockTextElements: { script: true, style: true } });
    const policy = root.querySelector('meta[http-equiv="content-security-policy"]')?.getAttribute('content') ?? '';
    const directives = parsePolicy(policy);
    const sources = (name: string) => directives.get(name) ?? [];
    const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
    const need = (selector: string) => new Set(root.querySelectorAll(selector).map((element) => hash(element.rawText)));
    const scripts = need('script:not([src]):not([type="application/ld+json"])');
    const styles = need('style');
    const listed = (name: string) => new Set(sources(name).filter((s) => s.startsWith("'sha256-")));
    for (const [name, wanted] of [
      ['script-src', scripts],
      ['style-src-elem', styles],
    ] as const) {
      const have = listed(name);
      if ([...wanted].some((h) => !have.has(h)) || have.size !== wanted.size) {
        problems.push(`${file}: ${name} lists ${have.size} hashes for ${wanted.size} inline elements`);
      }
    }
    if (!sources('script-src').includes("'self'") || sources('script-src').includes("'unsafe-inline'")) {
      problems.push(`${file}: script-src is not 'self' plus hashes`);
    }
  }
  expect(problems).toEqual([]);
});

test('sitemap and robots.txt describe the site', () => {
  const robots = readFileSync(`${DIST}/robots.txt`, 'utf8');
  expect(robots).toMatch(/^Sitemap: https?:\/\/.+sitemap-index\.xml$/m);
  const sitemap = readFileSync(`${DIST}/sitemap-0.xml`, 'utf8');
  expect(sitemap).toContain('/languages/python/</loc>');
});
