// The learning elements: progress, self-checks and review, as custom elements. Code few pages
// need is bundled on its own, as the search dialog is (Vite's `?worker&url` gives a self-contained
// ES module and its hashed URL, with no chunk-loading helper here): the review list when the
// review page opens, export, import and reset on the first click on one of those controls.
import './done-toggle';
import './learning-path';
import './self-check';
import { EARLY, type Early } from './early';
import { load, save, type Store } from './store';
import progressFileUrl from './progress-file.ts?worker&url';
import reviewListUrl from './review-list.ts?worker&url';
import type { handleProgressFile } from './progress-file';
import type { showReview } from './review-list';

const store: Store = { load, save };

/** Loads a separately bundled module and returns the function it registers under `name`. */
const module = async <T>(url: string, name: string): Promise<T> => {
  await import(/* @vite-ignore */ url);
  return (globalThis as Record<symbol, unknown>)[Symbol.for(name)] as T;
};

customElements.define(
  'progress-file',
  class extends HTMLElement {
    connectedCallback(): void {
      const act = (event: Event) =>
        void module<typeof handleProgressFile>(progressFileUrl, 'guide:progress-file').then((handle) =>
          handle(this, event, store),
        );
      this.addEventListener('click', act);
      this.addEventListener('change', act);
    }
  },
);

customElements.define(
  'review-list',
  class extends HTMLElement {
    connectedCallback(): void {
      void module<typeof showReview>(reviewListUrl, 'guide:review-list').then((show) => show(this, store));
    }
  },
);

// What the reader did before this code arrived, kept by the loader (see early.ts), carried out now
// that every element is defined. A Done box is set again after it has read the saved progress
// (which reset it) and a file chosen to import is imported; a held Check is sent; Export or Reset
// is pressed again.
const early = (globalThis as Record<symbol, unknown>)[EARLY] as Early | undefined;
early?.stop();
for (const [type, target, checked] of early?.actions.splice(0) ?? []) {
  if (type === 'change' && target instanceof HTMLInputElement) {
    if (target.type === 'checkbox') {
      if (target.checked === checked) continue;
      target.checked = checked;
    }
    target.dispatchEvent(new Event('change', { bubbles: true }));
  } else if (type === 'submit' && target instanceof HTMLFormElement) {
    target.requestSubmit();
  } else if (type === 'click') {
    target.closest<HTMLButtonElement>('button[type="button"]')?.click();
  }
}
