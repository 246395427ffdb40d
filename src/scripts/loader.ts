// The one script inlined in every page (BaseLayout.astro). It stays a few hundred bytes; what the
// page does with JavaScript comes in files of their own, cached once for every page, and fetched
// once the page has painted its first text, so that no request competes with that paint (even at
// low priority, a script fetched sooner delays it in Lighthouse's simulation of a slow phone):
// - page.ts: search, the contents highlight, copy buttons, printed links, offline support;
// - on pages that show progress or questions, the learning elements (learning/elements.ts).
// The page reads and works without either. A tab opened in the background paints nothing until
// it is shown, so they come after a few seconds all the same.
import pageUrl from './page.ts?worker&url';
import elementsUrl from './learning/elements.ts?worker&url';
import { EARLY, LEARNING, WATCHED, type Early, type EarlyAction } from './learning/early';

const urls: [url: string, failed?: () => void][] = [[pageUrl]];

if (document.querySelector(LEARNING)) {
  // Until the elements arrive, what the reader does with the controls is kept for them to carry
  // out (see early.ts). A Check is held rather than submitted natively, which would reload the page.
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
  // Without the elements the page works as it does without JavaScript: stop holding the forms.
  urls.push([elementsUrl, early.stop]);
}

let requested = false;
const load = () => {
  if (requested) return;
  requested = true;
  for (const [url, failed] of urls) import(/* @vite-ignore */ url).catch(failed);
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
