/**
 * How the browser finds the search index: the pages that can search carry these settings as
 * data attributes, and the search code reads them back.
 */
import { url } from './urls';

/**
 * How long Pagefind's input waits after a key before searching (its default is 300 ms). Searching
 * the index takes a few milliseconds, so a short pause keeps results close behind the typing.
 * Pagefind reads it from an HTML attribute, hence the string.
 */
export const SEARCH_DEBOUNCE_ATTRIBUTE = '80';

/** What the search code needs to find the index and build result links. */
export interface SearchConfig {
  /** URL of the Pagefind bundle folder, with the base path ("/guide/pagefind/"). */
  bundle: string;
  /** The site's base path, prepended to result links ("/guide/"). */
  base: string;
  /** URL of the search page ("/guide/search/"). */
  searchPage: string;
}

/** The data attributes that carry the search configuration, for this build's base path. */
export function searchConfigAttributes() {
  return {
    'data-bundle': url('/pagefind/'),
    'data-base': url('/'),
    'data-search-page': url('/search/'),
  };
}

/** Reads the search configuration from an element's data attributes. */
export function searchConfigFrom(dataset: DOMStringMap): SearchConfig {
  return {
    bundle: dataset['bundle'] ?? '/pagefind/',
    base: dataset['base'] ?? '/',
    searchPage: dataset['searchPage'] ?? '/search/',
  };
}
