import type { Page } from '@playwright/test';

/** Resolves once the service worker has installed (saved what it precaches) and controls the page. */
export async function serviceWorkerInControl(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) =>
        navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
      );
    }
  });
}

/**
 * Starts watching `page` for a new worker taking it over; the returned function resolves once
 * one has (its install, and so its downloads, done).
 */
export async function watchTakeover(page: Page): Promise<() => Promise<void>> {
  await page.evaluate(() => {
    const flag = window as unknown as { guideTakenOver?: Promise<void> };
    flag.guideTakenOver = new Promise((resolve) =>
      navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }),
    );
  });
  return () =>
    page.evaluate(async () => {
      await (window as unknown as { guideTakenOver: Promise<void> }).guideTakenOver;
    });
}
