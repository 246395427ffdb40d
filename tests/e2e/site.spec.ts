import { expect, test } from '@playwright/test';

test('the home page introduces the guide and links every section', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('backend');
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const section of ['Guides', 'Roles', 'Languages', 'Tools', 'FAQ']) {
    await expect(nav.getByRole('link', { name: section, exact: true })).toBeVisible();
  }
});

const INDEXES = [
  { path: 'roles/', entries: ['Backend developer', 'Frontend developer', 'Full-stack developer'] },
  { path: 'languages/', entries: ['Python', 'Go', 'Java'] },
  { path: 'tools/', entries: ['Django', 'Docker', 'PostgreSQL'] },
  { path: 'guides/', entries: ['What is backend development?'] },
];

for (const { path, entries } of INDEXES) {
  test(`the ${path} index lists its entries`, async ({ page }) => {
    await page.goto(path);
    const main = page.getByRole('main');
    for (const name of entries) await expect(main.getByRole('link', { name, exact: false }).first()).toBeVisible();
  });
}

test('tools are grouped by category', async ({ page }) => {
  await page.goto('tools/');
  await expect(page.getByRole('heading', { level: 2, name: 'Frameworks' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Databases' })).toBeVisible();
  const databases = page.getByRole('region', { name: 'Databases' });
  await expect(databases.getByRole('link', { name: 'PostgreSQL' })).toBeVisible();
  await expect(databases.getByRole('link', { name: 'Django' })).toHaveCount(0);
});

test('the FAQ page holds every question as an anchored heading', async ({ page }) => {
  await page.goto('faq/');
  const heading = page.getByRole('heading', { level: 2, name: 'Is backend development a good career?' });
  await expect(heading).toHaveAttribute('id', 'is-backend-a-good-career');
  await page.getByRole('link', { name: 'What is the difference between REST and GraphQL?' }).first().click();
  await expect(page).toHaveURL(/#rest-vs-graphql$/);
});

test('an entry page shows its title, facts and highlighted code', async ({ page }) => {
  await page.goto('languages/python/');
  await expect(page.getByRole('heading', { level: 1, name: 'Python' })).toBeVisible();
  await expect(page.getByRole('term').filter({ hasText: 'First released' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Django' }).first()).toBeVisible();
  const code = page.locator('pre.astro-code').first();
  await expect(code).toBeVisible();
  // Shiki colours tokens at build time: a highlighted block has coloured spans, not plain text.
  expect(await code.locator('span[style*="color"]').count()).toBeGreaterThan(3);
});

test('a GFM table renders as a table', async ({ page }) => {
  await page.goto('guides/data-handling/');
  const table = page.locator('.prose table').first();
  await expect(table).toBeVisible();
  await expect(table.getByRole('columnheader').first()).toBeVisible();
});

test('a framework links back to its language', async ({ page }) => {
  await page.goto('tools/django/');
  await expect(page.getByRole('link', { name: 'Python' }).first()).toBeVisible();
});

test('search finds the one entry that contains a rare word', async ({ page }) => {
  // "Mosquitto" is the MQTT broker; only the MQTT page talks about it at length.
  await page.goto('search/?q=mosquitto');
  const first = page.locator('main a.pf-result-link').first();
  await expect(first).toBeVisible({ timeout: 15_000 });
  await expect(first).toHaveText(/MQTT/);
});

test('an unknown path gets the 404 page', async ({ page }) => {
  const response = await page.goto('no/such/page/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
});
