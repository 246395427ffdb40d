/**
 * Marks the words a reader searched for when they arrive from a search result
 * (the link carries ?highlight=word). Uses Pagefind's own highlighter.
 */
import stylesheet from '~/styles/search-highlight.css?url';
import { searchConfigFrom } from '~/lib/search-config';
import { HIGHLIGHT_PARAM } from '~/lib/search-state';

type PagefindHighlight = new (options: {
  highlightParam: string;
  addStyles: boolean;
  markOptions?: Record<string, unknown>;
}) => unknown;

export async function highlightSearchTerms(dataset: DOMStringMap): Promise<void> {
  const config = searchConfigFrom(dataset);
  document.head.append(Object.assign(document.createElement('link'), { rel: 'stylesheet', href: stylesheet }));
  const module = (await import(/* @vite-ignore */ `${config.bundle}pagefind-highlight.js`)) as {
    default: PagefindHighlight;
  };
  // Styles come from search-highlight.css: Pagefind's own would be an inline <style> the CSP refuses.
  new module.default({ highlightParam: HIGHLIGHT_PARAM, addStyles: false });
}

// Bundled on its own (see search-loader.ts), this module hands its entry point over through a global.
(globalThis as Record<symbol, unknown>)[Symbol.for('guide:search-highlight')] = highlightSearchTerms;
