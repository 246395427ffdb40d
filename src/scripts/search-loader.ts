/**
 * The only search code a reading page runs: it listens for the search button, "/" and
 * Ctrl+K / Cmd+K, and fetches the dialog (Pagefind's component UI) the first time one of
 * them is used. Kept tiny on purpose, as it ships with every page: the dialog and the
 * highlighter are bundled on their own (Vite's `?worker&url` builds a self-contained ES
 * module and gives its hashed URL), so no chunk-loading helper rides along here.
 */
import dialogUrl from './search-dialog.ts?worker&url';
import highlightUrl from './search-highlight.ts?worker&url';
import { QUERY_PARAM } from '~/lib/search-state';
import type { openSearchDialog } from './search-dialog';
import type { highlightSearchTerms } from './search-highlight';

/** Loads a separately bundled module and returns the entry point it registers under `name`. */
const load = async <T>(url: string, name: string): Promise<T> => {
  await import(/* @vite-ignore */ url);
  return (globalThis as Record<symbol, unknown>)[Symbol.for(name)] as T;
};

const isTyping = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));

export function startSearchLoader(): void {
  const form = document.querySelector<HTMLFormElement>('[data-search-form]');
  if (!form) return;
  // The form's data attributes say where the index is (see SearchButton.astro); read lazily.
  const config = form.dataset;
  const button = form.querySelector('button');
  // With this script running, the button opens a dialog rather than leaving the page.
  button?.setAttribute('aria-haspopup', 'dialog');
  // What the reader types while the dialog's code is still on its way is kept, not lost.
  let loading = false;
  let typed = '';

  const open = (): void => {
    // The search page has its own search box: the shortcuts lead there instead of to a dialog.
    const pageInput = document.querySelector<HTMLElement>('[data-search-page-input] input');
    if (pageInput) {
      pageInput.focus();
      return;
    }
    const returnTo =
      document.activeElement instanceof HTMLElement && document.activeElement !== document.body
        ? document.activeElement
        : button;
    loading = true;
    void load<typeof openSearchDialog>(dialogUrl, 'guide:search-dialog')
      .then((openSearchDialog) =>
        openSearchDialog(config, returnTo, () => {
          loading = false;
          const text = typed;
          typed = '';
          return text;
        }),
      )
      .catch(() => {
        // The dialog's code did not load (a deploy removed it and no worker kept it, or the
        // network is gone): the search page does the same job, with what was typed so far.
        loading = false;
        const page = new URL(form.action);
        if (typed.trim()) page.searchParams.set(QUERY_PARAM, typed.trim());
        location.assign(page.href);
      });
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    open();
  });

  document.addEventListener('keydown', (event) => {
    if (loading) {
      if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
        typed += event.key;
        event.preventDefault();
      }
      return;
    }
    if (event.defaultPrevented || event.isComposing || document.querySelector('dialog[open]')) return;
    const modified = event.ctrlKey || event.metaKey;
    if (
      (modified && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'k') ||
      (event.key === '/' && !modified && !event.altKey && !isTyping(event.target))
    ) {
      event.preventDefault();
      open();
    }
  });

  // A search result link carries the words searched for (HIGHLIGHT_PARAM): mark them on this page.
  if (new URLSearchParams(location.search).has('highlight'))
    void load<typeof highlightSearchTerms>(highlightUrl, 'guide:search-highlight').then((highlight) =>
      highlight(config),
    );
}
