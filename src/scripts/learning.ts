// The learning script's loader, inlined in the pages that show progress or questions (see
// src/components/learning/): the elements come in one file of their own, cached once for every
// page, so no page carries their code in its HTML. They are fetched once the page has painted its
// first text: the page reads and works without them, and no request competes with that paint. A
// tab opened in the background paints nothing until it is shown, so they come after a few seconds
// all the same.
import elementsUrl from './learning/elements.ts?worker&url';
import { EARLY, WATCHED, type Early, type EarlyAction } from './learning/early';

// Until then, what the reader does with the controls is kept for the elements to carry out (see
// early.ts). A Check is held rather than submitted natively, which would reload the page.
const TYPES = ['change', 'submit', 'click'];
const actions: EarlyAction[] = [];
const keep = (event: Event) => {
  const { target } = event;
  if (!(target instanceof Element) || !target.closest(WATCHED)) return;
  if (event.type === 'submit') event.preventDefault();
  actions.push([event.type, target, target instanceof HTMLInputElement && target.checked]);
};
const early: Early = {
  actions,
  stop: () => TYPES.forEach((type) => removeEventListener(type, keep, true)),
};
(globalThis as Record<symbol, unknown>)[EARLY] = early;
TYPES.forEach((type) => addEventListener(type, keep, true));

let requested = false;
const load = () => {
  if (requested) return;
  requested = true;
  // Without the elements the page works as it does without JavaScript: stop holding the forms.
  import(/* @vite-ignore */ elementsUrl).catch(early.stop);
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
