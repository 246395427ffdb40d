// The reading experience: moving around, on-page contents, related entries, theme, code tools,
// the machine-readable guide, print and phones. By role and visible text, as a reader meets them.
import { execFileSync } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
import { builtPages } from '../support/site';
import { env } from '../../config/env';

const ENTRY = 'languages/python/';

test.describe('on this page', () => {
  test('lists the h2 and h3 headings, and its links jump to them', async ({ page }) => {
    await page.goto('guides/apis/');
    const toc = page.getByRole('navigation', { name: 'On this page' });
    await expect(toc.getByRole('link', { name: 'How backends talk' })).toBeVisible();
    // An h3 is listed inside its h2's item.
    await expect(
      toc.getByRole('listitem').filter({ hasText: 'How backends talk' }).getByRole('link', { name: 'Status codes' }),
    ).toBeVisible();
    await expect(toc.getByRole('link', { name: 'Testing APIs with Postman' })).toBeVisible();

    await toc.getByRole('link', { name: 'Authentication basics' }).click();
    await expect(page).toHaveURL(/#authentication-basics$/);
    await expect(page.getByRole('heading', { level: 2, name: 'Authentication basics' })).toBeInViewport();
  });

  test('marks the section being read with aria-current', async ({ page }) => {
    await page.goto('guides/apis/');
    const toc = page.getByRole('navigation', { name: 'On this page' });
    // Sections long enough that no later heading reaches the reading line with them.
    for (const name of ['Payment gateways', 'A GraphQL query', 'Status codes']) {
      await page.getByRole('heading', { level: 3, name }).evaluate((h) => h.scrollIntoView());
      await expect(toc.getByRole('link', { name })).toHaveAttribute('aria-current', 'true');
      await expect(toc.locator('[aria-current]')).toHaveCount(1);
    }
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });
    test('the links still work', async ({ page }) => {
      await page.goto('guides/apis/');
      await page.getByRole('navigation', { name: 'On this page' }).getByRole('link', { name: 'Rate limiting' }).click();
      await expect(page).toHaveURL(/#rate-limiting$/);
      await expect(page.getByRole('heading', { level: 3, name: 'Rate limiting' })).toBeInViewport();
    });
  });
});

test('the breadcrumb trail leads from home to the entry', async ({ page }) => {
  await page.goto('tools/django/');
  const trail = page.getByRole('navigation', { name: 'Breadcrumb' });
  await expect(trail.getByRole('listitem')).toHaveText(['Home', 'Tools', 'Django']);
  await expect(trail.getByText('Django')).toHaveAttribute('aria-current', 'page');
  await trail.getByRole('link', { name: 'Tools' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tools' })).toBeVisible();
});

test('previous and next links walk a collection in its order, marked rel=prev and rel=next', async ({ page }) => {
  await page.goto('languages/');
  const order = await page
    .getByRole('main')
    .locator('a[href*="/languages/"]')
    // The visible text, which is the entry's title ("Go"; its accessible name is "Go (language)").
    .evaluateAll((links) =>
      links.map((a) =>
        [...a.childNodes]
          .filter((node) => !(node instanceof Element && node.classList.contains('visually-hidden')))
          .map((node) => node.textContent)
          .join('')
          .trim(),
      ),
    );
  expect(order.length).toBeGreaterThan(2);

  const walked: string[] = [];
  await page
    .getByRole('main')
    .getByRole('link', { name: order[0] ?? '', exact: true })
    .first()
    .click();
  for (;;) {
    walked.push((await page.getByRole('heading', { level: 1 }).textContent())?.trim() ?? '');
    const next = page.locator('a[rel="next"]');
    if ((await next.count()) === 0) break;
    await expect(next).toContainText('Next');
    await next.click();
  }
  expect(walked).toEqual(order);

  // On the last entry, rel=prev leads back to the one before it.
  await expect(page.locator('a[rel="prev"]')).toContainText(order.at(-2) ?? '');
  await page.locator('a[rel="prev"]').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(order.at(-2) ?? '');
});

test.describe('section sidebar', () => {
  test('lists the entries of the current collection only, the current one marked', async ({ page }) => {
    await page.goto(ENTRY);
    const nav = page.getByRole('navigation', { name: 'Languages section' });
    await expect(nav).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Python' })).toHaveAttribute('aria-current', 'page');
    await expect(nav.getByRole('link', { name: 'Go (language)', exact: true })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Django' })).toHaveCount(0);
    await expect(nav.getByRole('link', { name: 'What is backend development?' })).toHaveCount(0);
  });

  test('is a closed menu on a phone that opens on demand', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(ENTRY);
    const nav = page.getByRole('navigation', { name: 'Languages section' });
    await expect(nav.getByRole('link', { name: 'Go (language)', exact: true })).toBeHidden();
    await page.getByText('Languages: all entries').click();
    await expect(nav.getByRole('link', { name: 'Go (language)', exact: true })).toBeVisible();
  });
});

test.describe('related entries, both ways', () => {
  test('Python lists its frameworks, and Django lists Python', async ({ page }) => {
    await page.goto(ENTRY);
    const related = page.getByRole('complementary', { name: 'Related entries' });
    await expect(related.getByRole('region', { name: 'See also' }).getByRole('link', { name: 'Django' })).toBeVisible();
    await expect(related.getByRole('region', { name: 'See also' }).getByRole('link', { name: 'Flask' })).toBeVisible();
    await page.goto('tools/django/');
    await expect(
      page.getByRole('complementary', { name: 'Related entries' }).getByRole('link', { name: 'Python' }),
    ).toBeVisible();
  });

  test('an entry shows who links to it: referenced by, and covered in', async ({ page }) => {
    // Python names Docker; Docker does not name Python, so Python is a backlink on Docker's page.
    await page.goto('tools/docker/');
    await expect(
      page.getByRole('region', { name: 'Referenced by' }).getByRole('link', { name: 'Python' }),
    ).toBeVisible();
    await page.goto(ENTRY);
    const coveredIn = page.getByRole('region', { name: 'Covered in' });
    await expect(coveredIn.getByRole('link', { name: 'Which backend language should I learn first?' })).toBeVisible();
    await expect(coveredIn.getByRole('link', { name: 'What is backend development?' })).toBeVisible();
  });
});

test.describe('theme', () => {
  const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

  test('the toggle cycles system, light and dark, and the choice survives a reload', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(ENTRY);
    const lightBackground = await background(page);
    const toggle = page.getByRole('button', { name: /^Theme: / });
    await expect(toggle).toHaveAccessibleName('Theme: system');

    await toggle.click();
    await expect(toggle).toHaveAccessibleName('Theme: light');
    await toggle.click();
    await expect(toggle).toHaveAccessibleName('Theme: dark');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    const darkBackground = await background(page);
    expect(darkBackground).not.toBe(lightBackground);

    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(page.getByRole('button', { name: 'Theme: dark' })).toBeVisible();
    expect(await background(page)).toBe(darkBackground);
    // Code follows the chosen theme, not the system's light scheme.
    const code = page.locator('pre.astro-code').first();
    expect(await code.evaluate((pre) => getComputedStyle(pre).backgroundColor)).not.toBe('rgb(255, 255, 255)');

    await page.getByRole('button', { name: 'Theme: dark' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'system');
    await page.reload();
    await expect(page.getByRole('button', { name: 'Theme: system' })).toBeVisible();
    expect(await background(page)).toBe(lightBackground);
  });

  test('the stored theme is applied by a script in <head>, before any style', async ({ request }) => {
    const html = await (await request.get(ENTRY)).text();
    const head = html.slice(0, html.indexOf('</head>'));
    const script = head.indexOf('dataset.theme');
    expect(script).toBeGreaterThan(0);
    for (const style of ['<link rel="stylesheet"', '<style']) {
      const at = head.indexOf(style);
      if (at >= 0) expect(script).toBeLessThan(at);
    }
  });
});

test.describe('copying', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('every code block has a copy button that copies it and says so', async ({ page }) => {
    await page.goto(ENTRY);
    const blocks = page.getByRole('main').locator('pre');
    await expect(page.getByRole('button', { name: 'Copy code' })).toHaveCount(await blocks.count());

    const button = page.getByRole('button', { name: 'Copy code' }).first();
    // By keyboard, as a person without a mouse would.
    await button.focus();
    await page.keyboard.press('Enter');
    // The page's own status line (self-check questions have theirs).
    const status = page.getByRole('status').and(page.locator('#copy-status'));
    await expect(status).toHaveText('Copied the code to the clipboard');
    await expect(button).toHaveText('Copied');
    const expected = await blocks.first().locator('code').textContent();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected);
  });

  test('the page copies as Markdown, from its Markdown twin', async ({ page, request }) => {
    await page.goto(ENTRY);
    const link = page.getByRole('link', { name: 'View as Markdown' });
    const href = await link.getAttribute('href');
    expect(href).toMatch(/\/languages\/python\.md$/);
    const twin = await request.get(new URL(href ?? '', page.url()).href);
    expect(twin.status()).toBe(200);
    const markdown = await twin.text();
    expect(markdown).toMatch(/^# Python\n\n> A readable/);
    expect(markdown).toContain('## What Python is like');

    await page.getByRole('button', { name: 'Copy page as Markdown' }).click();
    await expect(page.getByRole('status').and(page.locator('#copy-status'))).toHaveText(
      'Copied the page as Markdown to the clipboard',
    );
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(markdown);
  });
});

test('llms.txt lists every entry with its description and URL', async ({ request, page }) => {
  const llms = await (await request.get('llms.txt')).text();
  expect(llms).toMatch(/^# The Backend Developer Guide\n\n> /);
  const lines = [...llms.matchAll(/^- \[(.+)\]\((\S+)\): (.+)$/gm)].map(([, title, url, description]) => ({
    title,
    path: new URL(url ?? '').pathname,
    description,
  }));
  const sitemap = await (await request.get('sitemap-0.xml')).text();
  const entryPaths = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)]
    .map(([, loc]) => new URL(loc ?? '').pathname)
    .filter((path) => /\/(roles|languages|tools|guides|faq)\/[^/]+\/$/.test(path));
  expect(entryPaths.length).toBeGreaterThan(50);
  expect(lines.map((line) => line.path).sort()).toEqual(entryPaths.sort());

  await page.goto(ENTRY);
  const python = lines.find((line) => line.path.endsWith('/languages/python/'));
  expect(python?.title).toBe('Python');
  expect(python?.description).toBe(await page.locator('meta[name="description"]').getAttribute('content'));
});

test.describe('freshness and authorship', () => {
  test('"Last updated" is the date of the last commit of the entry', async ({ page }) => {
    let committed = '';
    try {
      committed = execFileSync('git', ['log', '-1', '--format=%cI', '--', 'content/languages/python.mdx'], {
        encoding: 'utf8',
      }).trim();
    } catch {
      // No git here: nothing to compare with.
    }
    test.skip(!committed, 'no git history for the content');
    await page.goto(ENTRY);
    const time = page.getByRole('article').locator('p', { hasText: 'Last updated' }).locator('time');
    await expect(time).toHaveAttribute('datetime', committed);
    await expect(time).toHaveText(/^\d{1,2} [A-Z][a-z]+ \d{4}$/);
  });

  test('"Edit this page" follows GUIDE_REPO_URL, and is absent without it', async ({ page }) => {
    await page.goto(ENTRY);
    const edit = page.getByRole('link', { name: 'Edit this page' });
    const repo = process.env['GUIDE_REPO_URL']?.trim().replace(/\/+$/, '');
    if (repo)
      await expect(edit).toHaveAttribute(
        'href',
        new RegExp(`^${repo.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/.+/content/languages/python\\.mdx$`),
      );
    else await expect(edit).toHaveCount(0);
  });
});

test.describe('code tabs', () => {
  test('the same example in several languages is a set of ARIA tabs driven by arrow keys', async ({ page }) => {
    await page.goto('guides/getting-started/');
    const tabs = page.getByRole('tablist', { name: 'Languages' });
    const python = tabs.getByRole('tab', { name: 'Python' });
    const javascript = tabs.getByRole('tab', { name: 'JavaScript' });
    await expect(python).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('tabpanel', { name: 'Python' })).toContainText('import pytest');
    await expect(page.getByRole('tabpanel', { name: 'JavaScript' })).toBeHidden();

    await python.focus();
    await page.keyboard.press('ArrowRight');
    await expect(javascript).toBeFocused();
    await expect(javascript).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('tabpanel', { name: 'JavaScript' })).toContainText("from 'node:test'");
    await expect(page.getByRole('tabpanel', { name: 'Python' })).toBeHidden();
    await page.keyboard.press('ArrowRight');
    await expect(python).toBeFocused();
    await page.keyboard.press('End');
    await expect(javascript).toHaveAttribute('aria-selected', 'true');
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });
    test('every example shows, stacked under its language', async ({ page }) => {
      await page.goto('guides/getting-started/');
      await expect(page.getByRole('tablist')).toHaveCount(0);
      await expect(page.getByText('import pytest')).toBeVisible();
      await expect(page.getByText("import { test } from 'node:test';")).toBeVisible();
      await expect(page.getByText('JavaScript', { exact: true })).toBeVisible();
    });
  });
});

test('print shows the text without chrome, with full URLs after links', async ({ page }) => {
  await page.goto(ENTRY);
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
  for (const chrome of [
    page.getByRole('banner'),
    page.getByRole('contentinfo'),
    page.getByRole('navigation', { name: 'Breadcrumb' }),
    page.getByRole('navigation', { name: 'On this page' }),
    page.getByRole('navigation', { name: 'Previous and next' }),
    page.getByText('Languages: all entries'),
    page.getByRole('button', { name: 'Copy code' }).first(),
    page.getByRole('link', { name: 'View as Markdown' }),
  ]) {
    await expect(chrome).toBeHidden();
  }
  await expect(page.getByRole('heading', { level: 1, name: 'Python' })).toBeVisible();
  const django = page.getByRole('article').getByRole('link', { name: 'Django' }).first();
  const after = await django.evaluate((a) => getComputedStyle(a, '::after').content);
  expect(after).toBe(`" (${new URL('../../tools/django/', page.url()).href})"`);
});

test.describe('phones', () => {
  test.use({ viewport: { width: 375, height: 740 } });
  // Every built page: a long word in any entry (a host name, an identifier in a question) can
  // push one page sideways.
  const PAGES = builtPages(process.env['DIST_DIR'] ?? 'dist', env.base).map((built) => built.path);

  for (const path of PAGES) {
    test(`no sideways scrolling at 375 px on ${path}`, async ({ page }) => {
      await page.goto(path);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
    });
  }

  test('a wide table scrolls inside its own box', async ({ page }) => {
    await page.goto('guides/apis/');
    const table = page.locator('.prose table').first();
    expect(await table.evaluate((t) => getComputedStyle(t).overflowX)).toBe('auto');
    expect(await table.evaluate((t) => t.getBoundingClientRect().right)).toBeLessThanOrEqual(375);
  });
});

// A slow phone paints what it has parsed so far. Each cut below is a point where the parser may
// stop for a frame; what is already on screen must not move when the rest of the header arrives.
test('the header holds still while it is still arriving', async ({ page }) => {
  const CUTS = ['<a class="brand"', '</svg>', '</a>', 'data-theme-toggle', '</header>'];
  const PARTS = ['.brand', '.search-form', '.theme-toggle', '.primary-nav'];
  const positions = () =>
    page.evaluate(
      (parts) =>
        parts.map((selector) => {
          const box = document.querySelector(selector)?.getBoundingClientRect();
          // An empty box paints nothing, so it cannot be seen to move; a fraction of a pixel is not seen either.
          return box && box.width * box.height > 0 ? `${Math.round(box.x)},${Math.round(box.y)}` : null;
        }),
      PARTS,
    );
  let cut: string | undefined;
  await page.route('**/guides/apis/', async (route) => {
    const response = await route.fetch();
    const html = await response.text();
    const end = cut === undefined ? html.length : html.indexOf('>', html.indexOf(cut)) + 1;
    await route.fulfill({ response, body: html.slice(0, end) });
  });
  for (const width of [375, 700, 1280]) {
    await page.setViewportSize({ width, height: 600 });
    cut = undefined;
    await page.goto('guides/apis/');
    const whole = await positions();
    expect(whole.every(Boolean)).toBe(true);
    for (cut of CUTS) {
      await page.goto('guides/apis/');
      const partial = await positions();
      const shown = partial.map((position, i) => (position === null ? null : whole[i]));
      expect(partial, `${width} px, cut after ${cut}`).toEqual(shown);
    }
  }
});

test('where scrollbars take room, a short page and a long one are laid out at the same width', async ({
  playwright,
  baseURL,
}) => {
  // Headless Chromium hides scrollbars unless told otherwise; Windows and most Linux desktops show them.
  const browser = await playwright.chromium.launch({
    ...test.info().project.use.launchOptions,
    ignoreDefaultArgs: ['--hide-scrollbars'],
  });
  try {
    const page = await browser.newPage({
      ...(baseURL ? { baseURL } : {}),
      viewport: { width: 1280, height: 720 },
    });
    const layout = async (path: string) => {
      await page.goto(path);
      return page.evaluate(() => ({
        long: document.documentElement.scrollHeight > innerHeight,
        bodyWidth: document.body.getBoundingClientRect().width,
        brandX: document.querySelector('.brand')?.getBoundingClientRect().x,
      }));
    };
    const long = await layout('guides/apis/');
    const short = await layout('search/');
    expect([long.long, short.long], 'one page longer than the window, one shorter').toEqual([true, false]);
    expect(short.bodyWidth).toBe(long.bodyWidth);
    expect(short.brandX).toBe(long.brandX);
  } finally {
    await browser.close();
  }
});
