// The page's own script (src/scripts/page.ts) and the learning elements are fetched once the page
// has painted (src/scripts/loader.ts). A test that uses search or the progress controls straight
// after `goto`, and reads the result at once, waits for them first. Until then the Search button
// is a plain form that opens the search page, and the loader keeps what is done with the progress
// controls for the elements (tested on its own in learning.spec.ts).
import { expect, type Page } from '@playwright/test';

/** Resolves once the search loader has taken over the Search button. */
export async function searchReady(page: Page): Promise<void> {
  await expect(page.locator('[data-search-form] button')).toHaveAttribute('aria-haspopup', 'dialog');
}

/** Resolves once the learning elements are defined, and so carry out a click at once. */
export async function learningReady(page: Page): Promise<void> {
  await page.waitForFunction(() => customElements.get('done-toggle') !== undefined);
}
