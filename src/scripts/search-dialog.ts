/**
 * The search dialog: Pagefind's <pagefind-modal> with the guide's filters, built the first
 * time search is opened. Pagefind ranks, excerpts, highlights and handles the keyboard
 * (arrows, Enter, Escape); this file only assembles the pieces and returns focus on close.
 */
import stylesheet from '~/styles/search.css?url';
import { searchConfigFrom, type SearchConfig } from '~/lib/search-config';
import { knownFilters, writeSearchState } from '~/lib/search-state';
import { SEARCH_DEBOUNCE_ATTRIBUTE } from '~/lib/search-config';
import { configAttributes, element, loadComponentUI, searchInstance } from './pagefind-ui';

interface PagefindModal extends HTMLElement {
  open(): void;
}

let modal: PagefindModal | undefined;

function buildDialog(config: SearchConfig): PagefindModal {
  const fullPage = element('a', { class: 'search-dialog-page', href: config.searchPage }, 'Open the search page');
  const dialog = element(
    'pagefind-modal',
    { class: 'search-dialog' },
    element(
      'pagefind-modal-header',
      {},
      element('pagefind-input', { placeholder: 'Search the guide', debounce: SEARCH_DEBOUNCE_ATTRIBUTE }),
    ),
    element(
      'pagefind-modal-body',
      {},
      // The pane's groups are disclosure widgets with checkboxes: every part has a name for assistive tech.
      element('pagefind-filter-pane', { class: 'search-filters' }),
      element('pagefind-summary'),
      element('pagefind-results', { 'max-sub-results': '3' }),
    ),
    element('pagefind-modal-footer', {}, element('pagefind-keyboard-hints'), fullPage),
  ) as PagefindModal;
  // <pagefind-config> must connect before the components it configures.
  document.body.append(element('pagefind-config', configAttributes(config)), dialog);
  // The footer link carries the current search to the full search page.
  searchInstance().on('search', (term, filters) => {
    fullPage.setAttribute('href', `${config.searchPage}${writeSearchState({ term, filters: knownFilters(filters) })}`);
  });
  return dialog;
}

/**
 * Opens the search dialog, loading Pagefind's UI on first use; focus goes back to `returnTo` on close.
 * `dataset` is the search form's data attributes (see SearchButton.astro); `typedAhead` hands over
 * (once) what the reader typed while this code was loading.
 */
export async function openSearchDialog(
  dataset: DOMStringMap,
  returnTo: HTMLElement | null,
  typedAhead: () => string = () => '',
): Promise<void> {
  const config = searchConfigFrom(dataset);
  if (!modal) {
    await loadComponentUI(config.bundle, stylesheet);
    modal = buildDialog(config);
  }
  // What was typed while this code loaded goes into the box as it gets focus, ahead of any later keys.
  const dialog = modal;
  const searchBox = (): HTMLInputElement | null => dialog.querySelector<HTMLInputElement>('pagefind-input input');
  const onFocus = (event: FocusEvent): void => {
    if (event.target === searchBox()) handOver(event.target as HTMLInputElement);
  };
  let handedOver = false;
  const handOver = (input: HTMLInputElement): void => {
    if (handedOver) return;
    handedOver = true;
    dialog.removeEventListener('focusin', onFocus);
    const ahead = typedAhead();
    if (ahead) {
      input.value += ahead;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }
    input.focus();
  };
  dialog.addEventListener('focusin', onFocus);
  dialog.open();
  // Pagefind focuses its input on the next frame; should anything get in the way, hand over anyway.
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      const input = searchBox();
      if (input) handOver(input);
    }),
  );
  dialog.querySelector('dialog')?.addEventListener('close', () => returnTo?.focus(), { once: true });
}

// Bundled on its own (see search-loader.ts), this module hands its entry point over through a global.
(globalThis as Record<symbol, unknown>)[Symbol.for('guide:search-dialog')] = openSearchDialog;
