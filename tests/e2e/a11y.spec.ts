// Every built page through axe-core (WCAG 2.2 AA) in light and dark, plus keyboard and no-JS reading.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { builtPages } from '../support/site';
import { AXE_TAGS, formatViolations } from '../support/axe';

// The print page holds every entry at once; editions.spec.ts checks it with the time that takes.
const pages = builtPages(process.env['DIST_DIR'] ?? 'dist')
  .map((p) => p.path.replace(/^\//, ''))
  .filter((path) => path !== 'book/');

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`axe, ${scheme} colours`, () => {
    test.use({ colorScheme: scheme });
    // The longest guides take axe well over the default 30 s on a busy two-core machine.
    test.describe.configure({ timeout: 120_000 });
    for (const path of pages) {
      test(`/${path} has no WCAG 2.2 AA violations`, async ({ page }) => {
        await page.goto(path);
        const { violations } = await new AxeBuilder({ page }).withTags([...AXE_TAGS]).analyze();
        expect(violations, formatViolations(violations)).toEqual([]);
      });
    }
  });
}

test('every page has the landmarks, a skip link and one h1', async ({ page }) => {
  for (const path of ['', 'languages/python/', 'tools/', 'faq/', 'compare/roles/', 'search/']) {
    await page.goto(path);
    await expect(page.getByRole('banner')).toHaveCount(1);
    await expect(page.getByRole('main')).toHaveCount(1);
    await expect(page.getByRole('contentinfo')).toHaveCount(1);
    await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(1);
    await expect(page.getByRole('link', { name: 'Skip to content' })).toHaveAttribute('href', '#main');
    await expect(page.locator('h1')).toHaveCount(1);
  }
});

test('the keyboard reaches skip link, search, navigation and content in order', async ({ page }) => {
  for (const path of ['', 'languages/python/']) {
    await page.goto(path);
    const order: string[] = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const where = await page.evaluate(() => {
        const el = document.activeElement;
        if (!el) return '';
        const region = el.closest('main')
          ? 'main'
          : el.closest('nav[aria-label="Main"]')
            ? 'nav'
            : el.closest('[role="search"], search')
              ? 'search'
              : 'other';
        return `${region}:${el.textContent?.trim().slice(0, 30) ?? ''}`;
      });
      order.push(where);
    }
    expect(order[0]).toBe('other:Skip to content');
    const first = (region: string) => order.findIndex((o) => o.startsWith(`${region}:`));
    expect(first('search')).toBeGreaterThan(0);
    expect(first('nav')).toBeGreaterThan(first('search'));
    expect(first('main')).toBeGreaterThan(first('nav'));
    // Focus is visible wherever it lands.
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
  }
});

test('the skip link moves focus to the main content', async ({ page }) => {
  await page.goto('languages/python/');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  for (const [path, text] of [
    ['', 'Explore the guide'],
    ['languages/', 'Python'],
    ['languages/python/', 'First released'],
    ['tools/', 'Databases'],
    ['guides/data-handling/', 'ACID transactions'],
    ['faq/', 'Is backend development a good career?'],
    ['compare/roles/', 'Visibility to users'],
  ] as const) {
    test(`/${path} reads fully with its navigation`, async ({ page }) => {
      await page.goto(path);
      await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tools' })).toBeVisible();
      await expect(page.getByRole('main').getByText(text).first()).toBeVisible();
    });
  }

  test('/search/ explains that search needs JavaScript and links every section', async ({ page }) => {
    await page.goto('search/');
    // With scripting disabled, <noscript> is parsed as markup; its HTML carries the links' addresses.
    const fallback = await page.locator('main noscript').first().innerHTML();
    expect(fallback).toContain('Search needs JavaScript');
    for (const section of ['roles', 'languages', 'tools', 'guides', 'faq']) expect(fallback).toContain(`/${section}/`);
  });
});
