// Offline reading: one visit with a network, then the network taken away for real (the browser
// context offline and the server stopped). Each test runs its own server, on a port of its own,
// so stopping it leaves the suite's server alone.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { buildOrThrow } from '../support/build';
import { serveSite } from '../support/site-server';

test.use({ serviceWorkers: 'allow' });

/** Resolves once the service worker has installed (precached everything) and controls the page. */
async function serviceWorkerInControl(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) =>
        navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
      );
    }
  });
}

test('after one visit, pages never opened and search work with no network at all', async ({ page, context }) => {
  test.setTimeout(90_000);
  const server = await serveSite('dist');
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
  await expect(first).toHaveText(/MQTT/);
  await page.keyboard.press('ArrowDown');
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

test('after a deploy that changes one entry, the worker fetches only what changed and the next load is new', async ({
  page,
  context,
}) => {
  test.setTimeout(240_000);
  const work = mkdtempSync(join(tmpdir(), 'guide-offline-'));
  const content = join(work, 'content');
  const out = join(work, 'dist');
  cpSync('tests/fixtures/content-valid', content, { recursive: true });
  buildOrThrow({ contentDir: content, outDir: out, cacheDir: join(work, 'cache') });
  const server = await serveSite(out);
  // What the service worker itself fetches (its precache downloads), path by path.
  const fetchedByWorker: string[] = [];
  context.on('request', (request) => {
    if (request.serviceWorker()) fetchedByWorker.push(new URL(request.url()).pathname);
  });
  try {
    await page.goto(`${server.url}tools/git/`);
    await serviceWorkerInControl(page);
    await page.reload();
    await expect(page.getByRole('main')).toContainText('A fixture tool.');
    expect(fetchedByWorker).toContain(`${new URL(server.url).pathname}tools/flask/index.html`);

    // Deploy: the same folder, rebuilt with one entry changed.
    const entry = join(content, 'tools', 'git.mdx');
    writeFileSync(
      entry,
      readFileSync(entry, 'utf8').replace('A fixture tool.', 'A fixture tool, rewritten for the second deploy.'),
    );
    buildOrThrow({ contentDir: content, outDir: out, cacheDir: join(work, 'cache') });
    fetchedByWorker.length = 0;

    // The first load after the deploy finds the new worker; it installs and takes over.
    await page.reload();
    await expect
      .poll(() => fetchedByWorker.some((path) => path.endsWith('tools/git/index.html')), { timeout: 60_000 })
      .toBe(true);
    await page.evaluate(() => navigator.serviceWorker.ready);
    // The next load is the new content; an unchanged page was not downloaded again.
    await page.reload();
    await expect(page.getByRole('main')).toContainText('rewritten for the second deploy');
    expect(fetchedByWorker.filter((path) => path.endsWith('tools/flask/index.html'))).toEqual([]);
  } finally {
    await server.stop();
    rmSync(work, { recursive: true, force: true });
  }
});
