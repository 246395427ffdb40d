// Search as a reader uses it: the dialog from the keyboard, filters, the deep-linkable search page,
// highlighting on the page a result opens, and nothing of it loaded while just reading.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { AXE_TAGS, formatViolations } from '../support/axe';

const dialog = (page: Page) => page.getByRole('dialog');
const resultLinks = (scope: ReturnType<Page['locator']>) => scope.locator('pagefind-results a.pf-result-link');

test('keyboard only: "/" opens search, typing shows results, arrows and Enter open one', async ({ page }) => {
  await page.goto('languages/python/');
  await page.keyboard.press('/');
  const input = dialog(page).getByRole('searchbox');
  await expect(input).toBeFocused();
  await page.keyboard.type('mosquitto');
  const first = resultLinks(dialog(page)).first();
  // Results are drawn afresh for each word typed so far: wait for those of the whole word.
  await expect(dialog(page).locator('pagefind-summary')).toContainText('mosquitto');
  await expect(first).toHaveText(/MQTT/);
  // Sub-results jump to headings of the same page.
  await expect(dialog(page).locator('pagefind-results a.pf-heading-link[href*="#"]').first()).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await expect(first).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/tools\/mqtt\/\?highlight=mosquitto$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/MQTT/);
  // The words searched for are marked on the page the result opened.
  await expect(page.locator('main mark.pagefind-highlight').first()).toHaveText(/mosquitto/i);
});

test('Ctrl+K and Cmd+K open search; Escape closes it and gives focus back', async ({ page }) => {
  await page.goto('tools/');
  for (const shortcut of ['Control+k', 'Meta+k']) {
    const button = page.getByRole('button', { name: 'Search' });
    await button.focus();
    await page.keyboard.press(shortcut);
    await expect(dialog(page).getByRole('searchbox')).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(dialog(page)).toBeHidden();
    await expect(button).toBeFocused();
  }
});

test('the search button opens the dialog with filters for type and tool category', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'Search' }).click();
  await dialog(page).getByRole('searchbox').fill('docker');
  const results = resultLinks(dialog(page));
  await expect(results.first()).toBeVisible();
  const unfiltered = await page.locator('pagefind-modal pagefind-summary').textContent();
  // Tool categories are offered while tools are among the results.
  await dialog(page).locator('summary', { hasText: 'Category' }).click();
  await expect(dialog(page).getByRole('checkbox', { name: /^Containers/ })).toBeVisible();
  await dialog(page).locator('summary', { hasText: 'Type' }).click();
  await dialog(page)
    .getByRole('checkbox', { name: /^Guides/ })
    .check();
  await expect(page.locator('pagefind-modal pagefind-summary')).not.toHaveText(unfiltered ?? '');
  await expect(results.first()).toBeVisible();
  for (const href of await results.evaluateAll((links) => links.map((a) => a.getAttribute('href'))))
    expect(href).toMatch(/\/guides\//);
});

test('a filter on the search page narrows the results and stays in the URL through a reload', async ({ page }) => {
  await page.goto('search/?q=docker');
  const main = page.getByRole('main');
  await expect(resultLinks(main).first()).toBeVisible();
  const before = Number((await main.locator('pagefind-summary').textContent())?.match(/\d+/)?.[0]);
  await main.getByRole('checkbox', { name: /^Databases/ }).check();
  await expect(page).toHaveURL(/[?&]category=Databases(&|$)/);
  await expect(main.locator('pagefind-summary')).not.toHaveText(new RegExp(`^${before} `));
  const after = Number((await main.locator('pagefind-summary').textContent())?.match(/\d+/)?.[0]);
  expect(after).toBeGreaterThan(0);
  expect(after).toBeLessThan(before);
  const hrefs = await resultLinks(main).evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  expect(hrefs.every((href) => /\/tools\/(postgresql|mysql|mongodb|redis|[a-z-]+)\//.test(href ?? ''))).toBe(true);

  await page.reload();
  await expect(main.getByRole('searchbox')).toHaveValue('docker');
  await expect(main.getByRole('checkbox', { name: /^Databases/ })).toBeChecked();
  await expect(main.locator('pagefind-summary')).toHaveText(new RegExp(`^${after} `));
});

test('a deep link shows its results on load and typing updates the URL', async ({ page }) => {
  await page.goto('search/?q=mosquitto');
  const main = page.getByRole('main');
  await expect(main.getByRole('searchbox')).toHaveValue('mosquitto');
  await expect(resultLinks(main).first()).toHaveText(/MQTT/);
  await main.getByRole('searchbox').fill('laravel');
  await expect(page).toHaveURL(/\?q=laravel$/);
  await expect(resultLinks(main).first()).toBeVisible();
  // "/" on the search page goes to its own search box, not to a dialog.
  await main.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('/');
  await expect(main.getByRole('searchbox')).toBeFocused();
  await expect(dialog(page)).toHaveCount(0);
});

test('reading a page loads no search code; opening search does', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  await page.goto('guides/apis/');
  await page.waitForLoadState('networkidle');
  const searchCode = (path: string) =>
    /\/pagefind\/|search-(dialog|highlight)|pagefind-ui|search\.[\w-]+\.css/.test(path);
  expect(requested.filter(searchCode)).toEqual([]);
  // Typing straight after "/" loses nothing while the search code arrives.
  await page.keyboard.press('/');
  await page.keyboard.type('mosquitto');
  await expect(dialog(page).getByRole('searchbox')).toHaveValue('mosquitto');
  await expect(resultLinks(dialog(page)).first()).toHaveText(/MQTT/);
  expect(requested.filter(searchCode).length).toBeGreaterThan(0);
});

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`axe with results showing, ${scheme} colours`, () => {
    test.use({ colorScheme: scheme });
    test('the open dialog and the search page have no WCAG 2.2 AA violations', async ({ page }) => {
      await page.goto('tools/');
      await page.keyboard.press('/');
      await page.keyboard.type('docker');
      await expect(resultLinks(dialog(page)).first()).toBeVisible();
      await dialog(page).locator('summary', { hasText: 'Type' }).click();
      const inDialog = await new AxeBuilder({ page })
        .include('pagefind-modal')
        .withTags([...AXE_TAGS])
        .analyze();
      expect(inDialog.violations, formatViolations(inDialog.violations)).toEqual([]);

      await page.goto('search/?q=postgres&type=Tools');
      await expect(resultLinks(page.getByRole('main')).first()).toBeVisible();
      const onPage = await new AxeBuilder({ page }).withTags([...AXE_TAGS]).analyze();
      expect(onPage.violations, formatViolations(onPage.violations)).toEqual([]);
    });
  });
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the search button leads to the search page and its section links', async ({ page }) => {
    await page.goto('tools/docker/');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL(/\/search\/\??$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Search' })).toBeVisible();
    const fallback = await page.locator('main noscript').first().textContent();
    expect(fallback).toContain('Search needs JavaScript');
  });
});
