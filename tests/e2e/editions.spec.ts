// The two editions of the built guide: the print page (/book/) in Chromium and the EPUB
// through EPUBCheck. That two builds give the same EPUB bytes is checked with every other file
// by subpath.spec.ts.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { parse } from 'node-html-parser';
import { env } from '../../config/env';
import { formatSize } from '../../config/integrations/editions';
import { chapterAnchor, EDITIONS } from '../../src/lib/book/editions';
import { AXE_TAGS, formatViolations } from '../support/axe';
import { epubcheck, formatMessages } from '../support/epubcheck';
import { builtPages } from '../support/site';

const DIST = process.env['DIST_DIR'] ?? 'dist';
const BASE = env.base;
const BOOK = EDITIONS.printPath.slice(1);
const EPUB = join(DIST, EDITIONS.epubFile);

/** Every entry of the build, as "collection/id", from the entry pages in the output. */
const ENTRY_PAGE = new RegExp(`^${BASE}(roles|languages|tools|guides|faq)/([^/]+)/$`);
const builtEntries = () =>
  builtPages(DIST, BASE)
    .map((page) => ENTRY_PAGE.exec(page.path))
    .filter((match) => match !== null)
    .map(([, collection, id]) => `${collection}/${id}`);

/** The chapters of the print page in the output, in order. */
const bookChapters = () =>
  parse(readFileSync(join(DIST, BOOK, 'index.html'), 'utf8'))
    .querySelectorAll('article[data-entry]')
    .map((article) => article.getAttribute('data-entry') ?? '');

test.describe('the EPUB', () => {
  test('passes EPUBCheck with no errors', () => {
    test.setTimeout(120_000);
    const problems = epubcheck(EPUB).filter((m) => m.severity === 'ERROR' || m.severity === 'FATAL');
    expect(problems, formatMessages(problems)).toEqual([]);
  });

  test('has one chapter per entry, in the order of the print page, with code and diagrams', () => {
    const files = unzipSync(readFileSync(EPUB));
    const opf = parse(strFromU8(files['EPUB/package.opf']!));
    const spine = opf.querySelectorAll('itemref').map((item) => item.getAttribute('idref'));
    const chapters = bookChapters();
    expect(chapters.length).toBeGreaterThan(50);
    expect(spine).toEqual(['cover', 'nav', ...chapters.map((key) => chapterAnchor(parseKey(key)))]);
    expect(chapters.toSorted()).toEqual(builtEntries().toSorted());

    const text = Object.entries(files)
      .filter(([path]) => path.endsWith('.xhtml'))
      .map(([, bytes]) => strFromU8(bytes))
      .join('\n');
    const book = readFileSync(join(DIST, BOOK, 'index.html'), 'utf8');
    // Every diagram of the print page is in the book as inline SVG; code keeps Shiki's colours.
    const diagrams = (html: string) => parse(html).querySelectorAll('figure.diagram svg').length;
    expect(diagrams(text)).toBe(diagrams(book));
    expect(text).toContain('<pre class="astro-code');
    expect(text).toMatch(/<span style="color:#[0-9A-Fa-f]{6}/);
  });
});

const parseKey = (key: string) => {
  const [collection = '', id = ''] = key.split('/');
  return { collection, id };
};

test.describe('the print edition', () => {
  test('holds every entry once, and every link between entries stays on the page', async ({ page }) => {
    await page.goto(BOOK);
    const chapters = await page
      .locator('article[data-entry]')
      .evaluateAll((articles) => articles.map((a) => a.getAttribute('data-entry') ?? ''));
    expect(chapters.length).toBe(new Set(chapters).size);
    expect(chapters.toSorted()).toEqual(builtEntries().toSorted());
    // The contents list every chapter, in the same order.
    await expect(page.getByRole('navigation', { name: 'Contents' })).toBeVisible();
    const contents = await page
      .locator('nav[data-book-contents] a')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(contents).toEqual(chapters.map((key) => `#${chapterAnchor(parseKey(key))}`));

    const links = await page.locator('main a[href]').evaluateAll((anchors, entryPage) => {
      const pattern = new RegExp(entryPage);
      return anchors.map((a) => {
        const url = new URL((a as HTMLAnchorElement).href);
        const here = url.origin === location.origin && url.pathname === location.pathname;
        const id = decodeURIComponent(url.hash.slice(1));
        return {
          href: a.getAttribute('href') ?? '',
          inPage: here && id !== '',
          resolves: here && id !== '' && document.getElementById(id) !== null,
          toEntry: url.origin === location.origin && pattern.test(url.pathname),
        };
      });
    }, ENTRY_PAGE.source);
    expect(links.filter((l) => l.inPage).length).toBeGreaterThan(500);
    expect(links.filter((l) => l.inPage && !l.resolves).map((l) => l.href)).toEqual([]);
    expect(links.filter((l) => l.toEntry).map((l) => l.href)).toEqual([]);
    // Ids are unique on the page.
    const ids = await page.locator('[id]').evaluateAll((elements) => elements.map((e) => e.id));
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  test('a link between chapters scrolls to its target', async ({ page }) => {
    await page.goto(BOOK);
    const link = page.locator('article[data-entry] .prose a[href^="#"]').first();
    const target = (await link.getAttribute('href'))!.slice(1);
    await link.click();
    await expect(page).toHaveURL(new RegExp(`#${target}$`));
    await expect(page.locator(`[id="${target}"]`)).toBeInViewport();
  });

  test('passes axe (WCAG 2.2 AA), its own parts in light and dark colours', async ({ page }) => {
    test.setTimeout(300_000);
    await page.goto(BOOK);
    // Axe measures layout, which content-visibility skips for chapters off screen: lay them all out.
    await page
      .locator('article[data-entry]')
      .evaluateAll((chapters) => chapters.forEach((c) => ((c as HTMLElement).style.contentVisibility = 'visible')));
    const whole = await new AxeBuilder({ page })
      .withTags([...AXE_TAGS])
      .disableRules(['color-contrast'])
      .analyze();
    expect(whole.violations, formatViolations(whole.violations)).toEqual([]);
    // Contrast over the whole page takes minutes: the chapters' bodies are the entry pages' own
    // HTML, whose contrast a11y.spec.ts checks page by page; here, what only this page has.
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      const own = await new AxeBuilder({ page })
        .withRules(['color-contrast'])
        .include('.book-title')
        .include('nav[data-book-contents]')
        .include('article[data-entry] > header')
        .analyze();
      expect(own.violations, `${scheme}: ${formatViolations(own.violations)}`).toEqual([]);
    }
  });

  test('prints without site chrome, a chapter a page, URLs after outside links and wrapped code', async ({ page }) => {
    await page.goto(BOOK);
    await page.emulateMedia({ media: 'print' });
    const print = await page.evaluate(() => {
      const style = (selector: string, pseudo?: string) => {
        const element = document.querySelector(selector);
        return element ? getComputedStyle(element, pseudo) : undefined;
      };
      return {
        header: style('.site-header')?.display,
        footer: style('.site-footer')?.display,
        chapterBreak: style('article[data-entry]')?.breakBefore,
        code: style('article[data-entry] pre')?.whiteSpace,
        external: style('article[data-entry] a[href^="https:"]', '::after')?.content,
      };
    });
    expect(print).toEqual({
      header: 'none',
      footer: 'none',
      chapterBreak: 'page',
      code: 'pre-wrap',
      external: expect.stringContaining(' (https://'),
    });
  });
});

test('the home page offers both editions, the EPUB with its size, and the footer the print page', async ({ page }) => {
  await page.goto('');
  const main = page.getByRole('main');
  await expect(main.getByRole('link', { name: 'Print edition' })).toHaveAttribute('href', `${BASE}book/`);
  await expect(main.getByRole('link', { name: 'EPUB e-book' })).toHaveAttribute('href', `${BASE}${EDITIONS.epubFile}`);
  await expect(main).toContainText(`EPUB 3, ${formatSize(statSync(EPUB).size)}`);
  await expect(page.getByRole('contentinfo').getByRole('link', { name: 'Print edition' })).toHaveAttribute(
    'href',
    `${BASE}book/`,
  );
});

test('the service worker keeps the print page for offline reading, and never the EPUB', () => {
  const scripts = readdirSync(DIST).filter((name) => /^sw.*\.js$/.test(name));
  const worker = scripts.map((name) => readFileSync(join(DIST, name), 'utf8')).join('\n');
  expect(worker).not.toContain(EDITIONS.epubFile);
  // Precached, or saved when read (config/integrations/offline-plan.ts keeps it out of the first visit).
  expect(worker.includes('url:"book/index.html"') || worker.includes('"url":"book/"')).toBe(true);
  const { pages } = JSON.parse(readFileSync(join(DIST, 'offline/pages.json'), 'utf8')) as { pages: { url: string }[] };
  expect(pages.map((page) => page.url)).toContain(BOOK);
  expect(pages.filter((page) => page.url.endsWith('.epub'))).toEqual([]);
});
