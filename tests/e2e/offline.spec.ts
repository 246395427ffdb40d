// Offline reading: one visit with a network, then the network taken away for real (the browser
// context offline and the server stopped). Each test runs its own server, on a port of its own,
// so stopping it leaves the suite's server alone.
// Deploys (updates, open tabs, the precache budget) are in deploy.spec.ts.
import { expect, test } from '@playwright/test';
import { parse } from 'node-html-parser';
import { serveSite } from '../support/site-server';
import { serviceWorkerInControl } from '../support/service-worker';

test.use({ serviceWorkers: 'allow' });

test('after one visit, pages never opened and search work with no network at all', async ({ page, context }) => {
  test.setTimeout(90_000);
  const server = await serveSite(process.env['DIST_DIR'] ?? 'dist');
  try {
    await page.goto(server.url);
    await serviceWorkerInControl(page);
  } finally {
    await context.setOffline(true);
    await server.stop();
  }
  await expect(page.request.get(server.url).catch((error: Error) => error.message)).resolves.toMatch(
    /ECONNREFUSED|refused/i,
  );

  for (const [path, title] of [
    ['tools/docker/', 'Docker'],
    ['guides/apis/', 'APIs: how backends talk'],
    ['faq/what-is-an-api/', 'What is an API?'],
  ] as const) {
    await page.goto(`${server.url}${path}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  }

  // Search loads its code and the whole index from the cache, and opens a result.
  await page.keyboard.press('/');
  await expect(page.getByRole('dialog').getByRole('searchbox')).toBeFocused();
  await page.keyboard.type('mosquitto');
  const first = page.getByRole('dialog').locator('pagefind-results a.pf-result-link').first();
  // Results are drawn afresh for each word typed so far: wait for those of the whole word.
  await expect(page.getByRole('dialog').locator('pagefind-summary')).toContainText('mosquitto');
  await expect(first).toHaveText(/MQTT/);
  await page.keyboard.press('ArrowDown');
  await expect(first).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/MQTT/);
  await expect(page.locator('main mark.pagefind-highlight').first()).toBeVisible();

  // The search page's deep links work offline too.
  await page.goto(`${server.url}search/?q=laravel&type=Tools`);
  await expect(page.getByRole('main').locator('a.pf-result-link').first()).toHaveText(/Laravel/);

  // An address the worker never saved gets the offline page, not the browser's error.
  await page.goto(`${server.url}no/such/page/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('You are offline');
});

test('the page is installable once it has loaded, and asks for nothing of the kind before it paints', async ({
  page,
}) => {
  const server = await serveSite(process.env['DIST_DIR'] ?? 'dist');
  try {
    const response = await page.goto(server.url);
    // With JavaScript, nothing in the HTML names the manifest: the browser would fetch it, and its
    // icon, while the page's first bytes still come in. Without, <noscript> names it.
    const head = parse((await response?.text()) ?? '', { blockTextElements: { script: true } }).querySelector('head');
    expect(head?.querySelectorAll('link[rel="manifest"]').map((link) => link.parentNode?.tagName)).toEqual([
      'NOSCRIPT',
    ]);
    const live = page.locator('head > link[rel="manifest"]');
    await expect(live).toHaveCount(1);
    const href = await live.getAttribute('href');
    const manifest = await (await page.request.get(new URL(href ?? '', server.url).href)).json();
    expect(manifest.start_url).toBe(new URL(server.url).pathname);
    await serviceWorkerInControl(page);
  } finally {
    await server.stop();
  }
});
