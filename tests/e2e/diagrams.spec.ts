// Diagrams drawn at build time, in the built site: inline, named, self-contained, accessible in
// both colour schemes, following the scheme, and scrolling inside their box on a phone.
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { parse } from 'node-html-parser';
import { builtPages } from '../support/site';
import { AXE_TAGS, formatViolations } from '../support/axe';

/**
 * Every built page with a diagram, and the widest diagram's page (by the SVG's own width). The
 * print edition repeats every entry's diagrams at once; editions.spec.ts checks that page.
 */
const withDiagrams = builtPages(process.env['DIST_DIR'] ?? 'dist').flatMap((p) => {
  if (p.path === '/book/') return [];
  const html = readFileSync(p.file, 'utf8');
  if (!html.includes('class="diagram"')) return [];
  const widths = parse(html)
    .querySelectorAll('figure.diagram svg')
    .map((svg) => Number(svg.getAttribute('width')));
  return [{ path: p.path.replace(/^\//, ''), widest: Math.max(...widths) }];
});
const widest = [...withDiagrams].sort((a, b) => b.widest - a.widest)[0];

test('the site has diagrams', () => {
  expect(withDiagrams.length).toBeGreaterThan(0);
});

/**
 * The computed colours of every text and line of every diagram on the page, and the lowest
 * contrast of its text against the diagram's background (axe does not check SVG text).
 */
const diagramColours = (page: Page) =>
  page.evaluate(() => {
    const luminance = (colour: string) => {
      const [r, g, b] = (colour.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((v) => {
        const c = Number(v) / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const contrast = (a: string, b: string) => {
      const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return (hi! + 0.05) / (lo! + 0.05);
    };
    return [...document.querySelectorAll('figure.diagram svg')].map((svg) => {
      const background = getComputedStyle(svg.closest('.diagram-scroll')!).backgroundColor;
      // A <text> with <tspan>s is drawn in the tspans' colours.
      const text = [...svg.querySelectorAll('text:not(:has(tspan)), tspan')].map((t) => getComputedStyle(t).fill);
      return {
        text,
        lines: [...svg.querySelectorAll('line, polyline, path')].map((l) => getComputedStyle(l).stroke),
        lowestContrast: Math.min(...text.map((colour) => contrast(colour, background))),
      };
    });
  });

for (const { path } of withDiagrams) {
  test.describe(`/${path}`, () => {
    test('every diagram is an inline SVG with role=img and an accessible name', async ({ page }) => {
      await page.goto(path);
      const figures = page.locator('figure.diagram');
      expect(await figures.count()).toBeGreaterThan(0);
      for (const figure of await figures.all()) {
        const svg = figure.locator('svg');
        await expect(svg).toHaveCount(1);
        await expect(svg).toHaveAttribute('role', 'img');
        const name = (await figure.locator('svg > title').textContent())?.trim() ?? '';
        expect(name.length).toBeGreaterThan(0);
        await expect(svg).toHaveAccessibleName(name);
        await expect(figure.locator('figcaption')).toContainText(name);
        await expect(figure.getByText('Diagram as text')).toBeVisible();
      }
      // No label runs past the edge of its picture, measured in the browser's own font.
      const clipped = await page.evaluate(() =>
        [...document.querySelectorAll<SVGSVGElement>('figure.diagram svg')].flatMap((svg) => {
          const box = svg.viewBox.baseVal;
          return [...svg.querySelectorAll<SVGTextElement>('text')]
            .filter((t) => {
              const b = t.getBBox();
              return b.x < box.x - 1 || b.x + b.width > box.x + box.width + 1;
            })
            .map((t) => t.textContent);
        }),
      );
      expect(clipped).toEqual([]);
      // Ids are unique on the page, diagrams included.
      const ids = await page.evaluate(() => [...document.querySelectorAll('[id]')].map((el) => el.id));
      expect(ids.length - new Set(ids).size).toBe(0);
    });

    test('no diagram refers to or loads anything from another origin', async ({ page, baseURL }) => {
      const origin = new URL(baseURL!).origin;
      const elsewhere: string[] = [];
      page.on('request', (request) => {
        if (new URL(request.url()).origin !== origin) elsewhere.push(request.url());
      });
      await page.goto(path, { waitUntil: 'networkidle' });
      expect(elsewhere).toEqual([]);
      const references = await page.evaluate(() =>
        [...document.querySelectorAll('figure.diagram svg, figure.diagram svg *')].flatMap((el) =>
          [...el.attributes].map((a) => a.value).filter((v) => /url\(|:\/\/|^#/.test(v) || v.startsWith('/')),
        ),
      );
      for (const value of references) expect(value).not.toMatch(/:\/\/|url\((?!#)/);
      // The renderer's <style> block and style attributes are gone (Shiki's colours on the source remain).
      expect(await page.locator('figure.diagram svg style, figure.diagram svg [style]').count()).toBe(0);
    });

    for (const scheme of ['light', 'dark'] as const) {
      test(`its diagrams pass axe in ${scheme} colours`, async ({ page }) => {
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(path);
        // The details open too, so their list and source are checked.
        await page.evaluate(() =>
          document.querySelectorAll<HTMLDetailsElement>('figure.diagram details').forEach((d) => (d.open = true)),
        );
        const { violations } = await new AxeBuilder({ page })
          .include('figure.diagram')
          .withTags([...AXE_TAGS])
          .analyze();
        expect(violations, formatViolations(violations)).toEqual([]);
      });
    }

    test('its text meets AA and changes colour, with its lines, with the scheme and the theme toggle', async ({
      page,
    }) => {
      await page.emulateMedia({ colorScheme: 'light' });
      await page.goto(path);
      const light = await diagramColours(page);
      await page.emulateMedia({ colorScheme: 'dark' });
      const dark = await diagramColours(page);
      // The toggle's explicit choice wins over the system scheme.
      await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'light'));
      const toggledLight = await diagramColours(page);
      expect(toggledLight).toEqual(light);
      light.forEach((diagram, i) => {
        expect(diagram.text.length).toBeGreaterThan(0);
        expect(diagram.lowestContrast).toBeGreaterThanOrEqual(4.5);
        expect(dark[i]!.lowestContrast).toBeGreaterThanOrEqual(4.5);
        // No text is left black (an unset variable) or the same in both schemes.
        for (const [j, colour] of diagram.text.entries()) {
          expect(colour).not.toBe('rgb(0, 0, 0)');
          expect(colour).not.toBe(dark[i]!.text[j]);
        }
        for (const [j, colour] of diagram.lines.entries()) {
          if (colour !== 'none') expect(colour).not.toBe(dark[i]!.lines[j]);
        }
      });
    });
  });
}

test.describe('on a 375 px phone', () => {
  test.use({ viewport: { width: 375, height: 800 } });

  test('the widest diagram scrolls inside its figure, by keyboard too, and the page never sideways', async ({
    page,
  }) => {
    test.skip(!widest, 'no diagram in the build');
    await page.goto(widest!.path);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);

    const box = page
      .locator('figure.diagram .diagram-scroll')
      .filter({ has: page.locator(`svg[width="${widest!.widest}"]`) });
    expect(await box.evaluate((b) => b.scrollWidth > b.clientWidth)).toBe(true);
    expect(await box.evaluate((b) => b.getBoundingClientRect().right)).toBeLessThanOrEqual(375);
    // The box is a tab stop: focused, the arrow keys scroll it.
    await box.focus();
    await expect(box).toBeFocused();
    expect(await box.evaluate((b) => getComputedStyle(b).outlineStyle)).not.toBe('none');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => box.evaluate((b) => b.scrollLeft)).toBeGreaterThan(0);
  });
});
