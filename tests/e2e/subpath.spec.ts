// The site as an operator deploys it under a sub-path. `npm test` builds dist/ with
// BASE_PATH=/guide/, so every browser test runs under the sub-path; this spec adds the checks
// that need the build itself: a second build of the same commit is byte-identical, metadata
// carries the origin and base, and pages send the CSP header with no violations.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { expect, test } from '@playwright/test';
import { brokenReferences, unreachablePages } from '../support/site';
import { buildOrThrow } from '../support/build';
import { serveSite, type SiteServer } from '../support/site-server';
import { env } from '../../config/env';
import { EDITIONS } from '../../src/lib/book/editions';

test.describe.configure({ mode: 'serial' });

const BASE = env.base;
const SITE = env.site;
const first = process.env['DIST_DIR'] ?? 'dist';
const work = mkdtempSync(join(tmpdir(), 'guide-rebuild-'));
let server: SiteServer | undefined;
/** The served site's root URL, base path included. */
const root = () => server?.url ?? '';

/** Path -> sha256 of every file in a folder, listed once. */
function checksums(dir: string): Map<string, string> {
  const sums = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = join(entry.parentPath, entry.name);
    sums.set(relative(dir, file), createHash('sha256').update(readFileSync(file)).digest('hex'));
  }
  return sums;
}

let second = '';

test.beforeAll(async () => {
  test.setTimeout(240_000);
  second = join(work, 'dist');
  buildOrThrow({ outDir: second, cacheDir: join(work, 'cache'), env: { BASE_PATH: BASE, SITE_URL: SITE } });
  server = await serveSite(first, BASE);
});

test.afterAll(async () => {
  await server?.stop();
  rmSync(work, { recursive: true, force: true });
});

test('the suite runs under a sub-path', () => {
  expect(BASE).not.toBe('/');
});

test('two builds of the same commit are byte-identical', () => {
  const a = checksums(first);
  const b = checksums(second);
  const differing = [...new Set([...a.keys(), ...b.keys()])].filter((file) => a.get(file) !== b.get(file));
  expect(differing).toEqual([]);
  expect(a.size).toBeGreaterThan(50);
  // The EPUB edition is among them: its ZIP has fixed timestamps and sorted entries.
  expect(a.has(EDITIONS.epubFile)).toBe(true);
});

test('every page, asset and anchor resolves under the sub-path, and every page is reachable', () => {
  expect(brokenReferences(first, BASE)).toEqual([]);
  expect(unreachablePages(first, BASE)).toEqual([]);
});

test('metadata carries the configured origin and base', () => {
  const html = readFileSync(join(first, 'languages/python/index.html'), 'utf8');
  expect(html).toContain(`<link rel="canonical" href="${SITE}${BASE}languages/python/">`);
  expect(readFileSync(join(first, 'robots.txt'), 'utf8')).toContain(`Sitemap: ${SITE}${BASE}sitemap-index.xml`);
  expect(readFileSync(join(first, 'sitemap-0.xml'), 'utf8')).toContain(`<loc>${SITE}${BASE}tools/django/</loc>`);
  expect(readFileSync(join(first, '_headers'), 'utf8')).toContain(`${BASE}_astro/*`);
});

test('pages under the sub-path load with the CSP header and no violations or third-party requests', async ({
  page,
}) => {
  const violations: string[] = [];
  const foreign: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __csp: string[] }).__csp ??= [];
      (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  page.on('request', (r) => {
    if (new URL(r.url()).origin !== new URL(root()).origin) foreign.push(r.url());
  });
  // Each page's policy lists only its own hashes, so one page of every kind of script is visited.
  const paths = ['', 'languages/python/', 'faq/', 'tools/', 'search/?q=docker', 'guides/ai-in-the-backend/'];
  for (const path of [...paths, 'paths/from-zero-to-backend/', 'review/', 'offline/', 'compare/languages/']) {
    const response = await page.goto(`${root()}${path}`);
    expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    await page.waitForLoadState('networkidle');
    violations.push(...(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])));
  }
  expect(violations).toEqual([]);
  expect(foreign).toEqual([]);
});

test('search results link to pages under the sub-path', async ({ page }) => {
  await page.goto(`${root()}search/?q=mosquitto`);
  const result = page.getByRole('main').locator('a[href*="tools/mqtt/"]').first();
  await expect(result).toBeVisible({ timeout: 15_000 });
  expect(new URL((await result.getAttribute('href'))!, page.url()).pathname).toMatch(new RegExp(`^${BASE}tools/mqtt/`));
  await result.click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('MQTT');
});
