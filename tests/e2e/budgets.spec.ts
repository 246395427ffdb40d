// Byte budgets from budgets.json: a page that grows past its budget fails with its measured weight.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { weigh } from '../support/weight';

interface Budget {
  path: string;
  jsGzipBytes: number;
  cssGzipBytes: number;
  htmlGzipBytes: number;
  requests: number;
}
const { $transfer: transfer, ...budgets } = JSON.parse(readFileSync('budgets.json', 'utf8')) as Record<
  string,
  Budget | string
> & { $transfer: { maxGzipBytes: number; chromeGzipBytes: number } };

for (const [name, budget] of Object.entries(budgets)) {
  if (typeof budget === 'string') continue;
  test(`the ${name} page stays within its byte budget`, async ({ page }) => {
    const weight = await weigh(page, budget.path);
    const report = JSON.stringify(weight, null, 2);
    expect(weight.jsGzipBytes, `JS on load\n${report}`).toBeLessThanOrEqual(budget.jsGzipBytes);
    expect(weight.cssGzipBytes, `CSS\n${report}`).toBeLessThanOrEqual(budget.cssGzipBytes);
    expect(weight.htmlGzipBytes, `HTML\n${report}`).toBeLessThanOrEqual(budget.htmlGzipBytes);
    expect(weight.requests, `requests before interaction\n${report}`).toBeLessThanOrEqual(budget.requests);
    // 20 KiB in all, unless the page's own content is what makes it larger.
    const total = weight.htmlGzipBytes + weight.cssGzipBytes + weight.jsGzipBytes;
    const limit = Math.max(transfer.maxGzipBytes, weight.contentGzipBytes + transfer.chromeGzipBytes);
    expect(total, `HTML, CSS and JS together (limit ${limit})\n${report}`).toBeLessThanOrEqual(limit);
  });
}

test('the learning script loads only on pages that show progress or questions', async ({ page }) => {
  // src/scripts/learning/elements.ts, bundled on its own; its gzip size is in each page's jsGzipBytes above.
  const learning = (urls: readonly string[]) => urls.filter((url) => /\/_astro\/elements-[\w-]+\.js$/.test(url));
  for (const path of ['tools/', 'search/', 'compare/roles/']) {
    expect(learning((await weigh(page, path)).urls), path).toEqual([]);
  }
  for (const path of ['', 'languages/python/', 'paths/from-zero-to-backend/', 'review/']) {
    expect(learning((await weigh(page, path)).urls), path).toHaveLength(1);
  }
});
