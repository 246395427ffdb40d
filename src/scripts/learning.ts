// The learning script's loader, inlined in the pages that show progress or questions (see
// src/components/learning/): the elements come in one file of their own, cached once for every
// page, so no page carries their code in its HTML. They are fetched once the page has painted
// its first text: the page reads and works without them, and no request competes with that
// paint. A tab opened in the background paints nothing until it is shown, so they come after a
// few seconds all the same.
import elementsUrl from './learning/elements.ts?worker&url';

let requested = false;
const load = () => {
  if (requested) return;
  requested = true;
  void import(/* @vite-ignore */ elementsUrl);
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
