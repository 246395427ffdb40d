// The learning script's loader, inlined in the pages that show progress or questions (see
// src/components/learning/): the elements come in one file of their own, cached once for every
// page, so no page carries their code in its HTML. They are fetched once the page has painted its
// first text: the page reads and works without them, and no request competes with that paint. A
// tab opened in the background paints nothing until it is shown, so they come after a few seconds
// all the same.
import elementsUrl from './learning/elements.ts?worker&url';

// The controls show before their code has arrived, and what the reader does with them in that time
// counts. A Done box ticked or cleared is set again once the elements have read the saved progress
// (which would otherwise reset it). A Check pressed, which would submit its form natively and reload
// the page, is held and sent again once the questions can answer it. Export or Reset pressed is
// pressed again for the reader. (A file chosen to import is picked up by the element itself.)
const boxes = new Map<HTMLInputElement, boolean>();
const checks = new Set<HTMLFormElement>();
const presses = new Set<HTMLButtonElement>();
const EARLY = ['change', 'submit', 'click'] as const;
const early = (event: Event) => {
  const { target } = event;
  if (!(target instanceof Element)) return;
  if (event.type === 'change' && target instanceof HTMLInputElement && target.closest('done-toggle:not(:defined)')) {
    boxes.set(target, target.checked);
  } else if (
    event.type === 'submit' &&
    target instanceof HTMLFormElement &&
    target.closest('self-check:not(:defined)')
  ) {
    event.preventDefault();
    checks.add(target);
  } else if (event.type === 'click') {
    const button = target.closest('progress-file:not(:defined) button');
    if (button instanceof HTMLButtonElement) presses.add(button);
  }
};
for (const type of EARLY) addEventListener(type, early, true);

let requested = false;
const load = () => {
  if (requested) return;
  requested = true;
  void import(/* @vite-ignore */ elementsUrl)
    .then(() => {
      for (const [box, checked] of boxes) {
        if (box.checked === checked) continue;
        box.checked = checked;
        box.dispatchEvent(new Event('change', { bubbles: true }));
      }
      for (const form of checks) form.requestSubmit();
      for (const button of presses) button.click();
    })
    .finally(() => {
      for (const type of EARLY) removeEventListener(type, early, true);
    });
};

if (PerformanceObserver.supportedEntryTypes.includes('paint')) {
  new PerformanceObserver((list, observer) => {
    if (list.getEntriesByName('first-contentful-paint').length === 0) return;
    observer.disconnect();
    load();
  }).observe({ type: 'paint', buffered: true });
  setTimeout(load, 3000);
} else if (document.readyState === 'complete') load();
else addEventListener('load', load, { once: true });
