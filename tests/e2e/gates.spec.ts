// Each quality gate, shown failing on a site broken on purpose, with a message a person can act on.
import { pathToFileURL } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { brokenReferences, builtPages, unreachablePages } from '../support/site';
import { htmlErrors } from '../support/html';
import { AXE_TAGS, formatViolations } from '../support/axe';

const BROKEN = 'tests/fixtures/broken-site';

test('the HTML gate reports a duplicate id with file, line and rule', async () => {
  const errors = await htmlErrors(builtPages(BROKEN).map((p) => p.file));
  expect(errors.some((e) => /broken-site\/index\.html:\d+:\d+ no-dup-id/.test(e))).toBe(true);
});

test('the link gate reports a missing page and a missing anchor', () => {
  expect(brokenReferences(BROKEN)).toEqual(
    expect.arrayContaining([
      '/ -> /about/#missing-anchor (no such anchor)',
      '/ -> /gone/ (no such file)',
      '/ -> /pixel.png (no such file)',
    ]),
  );
});

test('the reachability gate reports an orphan page', () => {
  expect(unreachablePages(BROKEN)).toEqual(['/orphan/']);
});

test('the accessibility gate reports a missing alt text and low contrast', async ({ page }) => {
  await page.goto(pathToFileURL(`${BROKEN}/index.html`).href);
  const { violations } = await new AxeBuilder({ page }).withTags([...AXE_TAGS]).analyze();
  const ids = violations.map((v) => v.id);
  expect(ids).toEqual(expect.arrayContaining(['image-alt', 'color-contrast']));
  expect(formatViolations(violations)).toMatch(/image-alt: .+\n {4}<img src="\/pixel\.png">/);
});
