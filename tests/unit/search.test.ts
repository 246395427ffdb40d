import { describe, expect, it } from 'vitest';
import { knownFilters, readSearchState, writeSearchState } from '../../src/lib/search-state';
import { searchConfigFrom } from '../../src/lib/search-config';
import { pageLinks } from '../../config/integrations/search-dev';

describe('search state in the URL', () => {
  it('reads the term and the known filters, ignoring everything else', () => {
    expect(
      readSearchState('?q=%20docker%20&type=Tools&type=Guides&category=Databases&type=Tools&utm_source=x&sort=a'),
    ).toEqual({
      term: 'docker',
      filters: { type: ['Tools', 'Guides'], category: ['Databases'] },
    });
    expect(readSearchState('')).toEqual({ term: '', filters: {} });
    expect(readSearchState('type=')).toEqual({ term: '', filters: {} });
  });

  it('writes term and filters, keeping other parameters and dropping empty ones', () => {
    expect(writeSearchState({ term: 'ci/cd', filters: { category: ['CI/CD'] } })).toBe('?q=ci%2Fcd&category=CI%2FCD');
    expect(writeSearchState({ term: 'go', filters: {} }, '?q=old&type=Roles&lang=en')).toBe('?lang=en&q=go');
    expect(writeSearchState({ term: '  ', filters: {} })).toBe('');
  });

  it('round-trips', () => {
    const state = { term: 'message queue', filters: { type: ['Tools', 'FAQ'], category: ['Messaging and real-time'] } };
    expect(readSearchState(writeSearchState(state))).toEqual(state);
  });

  it('keeps only known, non-empty filters', () => {
    expect(knownFilters({ type: ['Tools'], category: [], colour: ['red'], other: undefined })).toEqual({
      type: ['Tools'],
    });
  });
});

describe('search configuration', () => {
  it('reads the bundle, base and search page from data attributes, with root defaults', () => {
    expect(searchConfigFrom({ bundle: '/g/pagefind/', base: '/g/', searchPage: '/g/search/' })).toEqual({
      bundle: '/g/pagefind/',
      base: '/g/',
      searchPage: '/g/search/',
    });
    expect(searchConfigFrom({})).toEqual({ bundle: '/pagefind/', base: '/', searchPage: '/search/' });
  });
});

describe('dev search crawl', () => {
  it('follows same-origin page links under the base path only', () => {
    const html = `<a href="/guide/tools/">t</a><a class="x" href="../languages/?q=1">l</a><a href="/guide/faq/#a">f</a>
      <a href="https://example.org/guide/x/">e</a><a href="/other/">o</a><a href="/guide/favicon.svg">i</a><a href="/guide/sw.js">s</a>`;
    expect(pageLinks(html, 'http://localhost:4321/guide/tools/django/', '/guide/')).toEqual([
      '/guide/tools/',
      '/guide/tools/languages/',
      '/guide/faq/',
    ]);
  });
});
