/**
 * The only search code a reading page runs: it listens for the search button, "/" and
 * Ctrl+K / Cmd+K, and fetches the dialog (Pagefind's component UI) the first time one of
 * them is used. Kept tiny on purpose: it ships with every page, so it imports nothing.
 */

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
    const returnTo = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : button;
    loading = true;
    void import('./search-dialog')
      .then(({ openSearchDialog }) =>
        openSearchDialog(config, returnTo, () => {
          loading = false;
          const text = typed;
          typed = '';
          return text;
        }),
      )
      .catch(() => {
        loading = false;
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
    if ((modified && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'k') || (event.key === '/' && !modified && !event.altKey && !isTyping(event.target))) {
      event.preventDefault();
      open();
    }
  });

  // A search result link carries the words searched for (HIGHLIGHT_PARAM): mark them on this page.
  if (new URLSearchParams(location.search).has('highlight')) void import('./search-highlight').then(({ highlightSearchTerms }) => highlightSearchTerms(config));
}
