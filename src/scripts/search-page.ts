/**
 * The search page: Pagefind's input, results and filter pane, with the search kept in the
 * URL (?q=term&type=…&category=…) so a search can be linked, bookmarked and reloaded.
 */
import stylesheet from '~/styles/search.css?url';
import { searchConfigFrom } from '~/lib/search-config';
import { knownFilters, readSearchState, writeSearchState } from '~/lib/search-state';
import { configAttributes, element, loadComponentUI, searchInstance } from './pagefind-ui';

async function startSearchPage(): Promise<void> {
  const root = document.querySelector<HTMLElement>('[data-search-root]');
  if (!root) return;
  const config = searchConfigFrom(root.dataset);
  // <pagefind-config> must be in place before Pagefind's components start.
  root.prepend(element('pagefind-config', configAttributes(config)));
  root.hidden = false;
  await loadComponentUI(config.bundle, stylesheet);

  const instance = searchInstance();
  instance.on('search', (term, filters) => {
    const query = writeSearchState({ term, filters: knownFilters(filters) });
    history.replaceState(history.state, '', `${location.pathname}${query}${location.hash}`);
  });
  const state = readSearchState(location.search);
  if (state.term)
    instance.triggerSearchWithFilters(state.term, knownFilters(state.filters) as Record<string, string[]>);
}

void startSearchPage();
