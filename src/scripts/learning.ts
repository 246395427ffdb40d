// The learning script's loader, inlined in the pages that show progress or questions (see
// src/components/learning/): the elements come in one file of their own, cached once for every
// page and loaded after the page has parsed, so no page carries their code in its HTML.
import elementsUrl from './learning/elements.ts?worker&url';

// The controls show before their code has arrived, and what the reader does with them in that
// time counts. A Done box ticked or cleared is set again once the elements have read the saved
// progress (which would otherwise reset it); a Check pressed, which would submit its form natively
// and reload the page, is held and sent again once the questions can answer it.
const boxes = new Map<HTMLInputElement, boolean>();
const checks = new Set<HTMLFormElement>();
const early = (event: Event) => {
  const { target } = event;
  if (target instanceof HTMLInputElement && target.closest('done-toggle:not(:defined)')) {
    boxes.set(target, target.checked);
  } else if (
    event.type === 'submit' &&
    target instanceof HTMLFormElement &&
    target.closest('self-check:not(:defined)')
  ) {
    event.preventDefault();
    checks.add(target);
  }
};
for (const type of ['change', 'submit']) addEventListener(type, early, true);
void import(/* @vite-ignore */ elementsUrl)
  .then(() => {
    for (const [box, checked] of boxes) {
      if (box.checked === checked) continue;
      box.checked = checked;
      box.dispatchEvent(new Event('change', { bubbles: true }));
    }
    for (const form of checks) form.requestSubmit();
  })
  .finally(() => {
    for (const type of ['change', 'submit']) removeEventListener(type, early, true);
  });
