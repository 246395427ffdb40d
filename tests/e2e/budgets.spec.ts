// Byte budgets from budgets.json: a page that grows past its budget fails with its measured weight.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { weigh } from '../support/weight';

const budgets = JSON.parse(readFileSync('budgets.json', 'utf8')) as Record<
  string,
  { path: string; jsGzipBytes: number; cssGzipBytes: number; htmlGzipBytes: number; requests: number } | string
>;

for (const [name, budget] of Object.entries(budgets)) {
  if (typeof budget === 'string') continue;
  test(`the ${name} page stays within its byte budget`, async ({ page }) => {
    const weight = await weigh(page, budget.path);
    const report = JSON.stringify(weight, null, 2);
    expect(weight.jsGzipBytes, `JS on load\n${report}`).toBeLessThanOrEqual(budget.jsGzipBytes);
    expect(weight.cssGzipBytes, `CSS\n${report}`).toBeLessThanOrEqual(budget.cssGzipBytes);
    expect(weight.htmlGzipBytes, `HTML\n${report}`).toBeLessThanOrEqual(budget.htmlGzipBytes);
    expect(weight.requests, `requests before interaction\n${report}`).toBeLessThanOrEqual(budget.requests);
  });
}
