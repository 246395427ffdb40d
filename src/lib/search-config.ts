/**
 * How the browser finds the search index. Pages are rendered before the index exists, so the
 * index's cache tag is written into them as a placeholder that the search-index integration
 * replaces once the index is built (see src/integrations/search-index.ts).
 */

/** Stands in for the index's cache tag until the build replaces it; still there under `astro dev`. */
export const META_CACHE_TAG_PLACEHOLDER = '__SEARCH_INDEX_TAG__';

/**
 * How long Pagefind's input waits after a key before searching (its default is 300 ms). Searching
 * the index takes a few milliseconds, so a short pause keeps results close behind the typing.
 */
export const SEARCH_DEBOUNCE_MS = '80';

/** What the search code needs to find the index and build result links. */
export interface SearchConfig {
  /** URL of the Pagefind bundle folder, with the base path ("/guide/pagefind/"). */
  bundle: string;
  /** The site's base path, prepended to result links ("/guide/"). */
  base: string;
  /** URL of the search page ("/guide/search/"). */
  searchPage: string;
  /**
   * Pagefind's metaCacheTag: a fixed tag lets the browser and the service worker cache the index's
   * entry file, and a new index brings a new tag. Undefined where the build has not set it.
   */
  metaCacheTag: string | undefined;
}

/** Reads the search configuration from an element's data attributes. */
export function searchConfigFrom(dataset: DOMStringMap): SearchConfig {
  const tag = dataset['metaCacheTag'];
  return {
    bundle: dataset['bundle'] ?? '/pagefind/',
    base: dataset['base'] ?? '/',
    searchPage: dataset['searchPage'] ?? '/search/',
    metaCacheTag: tag && tag !== META_CACHE_TAG_PLACEHOLDER ? tag : undefined,
  };
}
