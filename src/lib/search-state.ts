/**
 * What a search is, as it lives in a URL: `/search/?q=term&type=Tools&category=Databases`.
 * The search page reads it on load and writes it back on every search, so a search can be
 * bookmarked, shared and reloaded with its filters.
 */

/** The Pagefind filters the guide's pages carry (see EntryLayout); the only keys read as filters. */
export const FILTER_KEYS = ['type', 'category'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

/** Query parameter that carries the search term. */
export const QUERY_PARAM = 'q';
/** Query parameter Pagefind adds to result links so the target page can mark the matched words. */
export const HIGHLIGHT_PARAM = 'highlight';

export interface SearchState {
  /** The words searched for, trimmed ("" when none). */
  term: string;
  /** Selected values per filter; a filter with nothing selected is absent. */
  filters: Partial<Record<FilterKey, string[]>>;
}

const isFilterKey = (key: string): key is FilterKey => (FILTER_KEYS as readonly string[]).includes(key);

/** Reads a search from a query string ("?q=…&type=…", with or without the "?"). Unknown keys are ignored. */
export function readSearchState(search: string): SearchState {
  const params = new URLSearchParams(search);
  const filters: SearchState['filters'] = {};
  for (const [key, value] of params) {
    if (!isFilterKey(key) || value.trim() === '') continue;
    const values = (filters[key] ??= []);
    if (!values.includes(value)) values.push(value);
  }
  return { term: (params.get(QUERY_PARAM) ?? '').trim(), filters };
}

/**
 * Writes a search into a query string ("" for an empty search). Other parameters of
 * `current` are kept; the term and the filters are replaced. Filter values keep their order.
 */
export function writeSearchState(state: SearchState, current = ''): string {
  const params = new URLSearchParams(current);
  params.delete(QUERY_PARAM);
  FILTER_KEYS.forEach((key) => params.delete(key));
  if (state.term.trim()) params.set(QUERY_PARAM, state.term.trim());
  for (const key of FILTER_KEYS) for (const value of state.filters[key] ?? []) params.append(key, value);
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** Keeps only the known filters with at least one value: Pagefind hands back every filter it has seen. */
export function knownFilters(filters: Record<string, readonly string[] | undefined>): SearchState['filters'] {
  const known: SearchState['filters'] = {};
  for (const key of FILTER_KEYS) {
    const values = filters[key];
    if (values && values.length > 0) known[key] = [...values];
  }
  return known;
}
