import { describe, expect, it } from 'vitest';
import { backlinkIndex, neighbours, outgoing, sortEntries } from '../../src/lib/graph';
import { findBrokenReferences, findFrameworkMismatches, referencesIn } from '../../src/lib/references';
import { normalizeBase, stripBase, withBase } from '../../src/lib/urls';

const ref = (collection: string, id: string) => ({ collection, id });
const collections = new Set(['languages', 'tools', 'guides', 'faq', 'roles']);

describe('urls', () => {
  it('normalises base paths', () => {
    expect([undefined, '', '/', 'guide', '/guide', '/guide/', 'a/b/'].map(normalizeBase)).toEqual([
      '/',
      '/',
      '/',
      '/guide/',
      '/guide/',
      '/guide/',
      '/a/b/',
    ]);
  });

  it('prefixes root-relative paths once and leaves others alone', () => {
    expect(withBase('/tools/git/', '/guide/')).toBe('/guide/tools/git/');
    expect(withBase('/guide/tools/git/', '/guide/')).toBe('/guide/tools/git/');
    expect(withBase('/', '/guide/')).toBe('/guide/');
    expect(withBase('/tools/', '/')).toBe('/tools/');
    expect(withBase('https://example.org/', '/guide/')).toBe('https://example.org/');
    expect(withBase('//cdn.example.org/x', '/guide/')).toBe('//cdn.example.org/x');
    expect(withBase('#top', '/guide/')).toBe('#top');
  });

  it('strips the base from a pathname', () => {
    expect(stripBase('/guide/tools/', '/guide/')).toBe('/tools/');
    expect(stripBase('/tools/', '/')).toBe('/tools/');
  });
});

describe('references', () => {
  const entries = [
    {
      collection: 'languages',
      id: 'python',
      filePath: 'content/languages/python.mdx',
      data: { frameworks: [ref('tools', 'django')] },
    },
    {
      collection: 'tools',
      id: 'django',
      filePath: 'content/tools/django.mdx',
      data: { category: 'framework', languages: [ref('languages', 'python')] },
    },
    {
      collection: 'guides',
      id: 'apis',
      filePath: 'content/guides/apis.mdx',
      data: { related: { tools: [ref('tools', 'flask')] } },
    },
  ];

  it('finds references with their field paths', () => {
    expect(referencesIn(entries[2]?.data)).toEqual([{ field: 'related.tools[0]', collection: 'tools', id: 'flask' }]);
  });

  it('reports a reference to a missing entry with file and field', () => {
    expect(findBrokenReferences(entries)).toEqual([
      'content/guides/apis.mdx: field "related.tools[0]" references "flask" in tools, but tools has no entry "flask"',
    ]);
  });

  it('accepts a framework and language that agree, and reports one that does not', () => {
    expect(findFrameworkMismatches(entries)).toEqual([]);
    const lonely = [
      ...entries,
      {
        collection: 'tools',
        id: 'flask',
        filePath: 'content/tools/flask.mdx',
        data: { category: 'framework', languages: [ref('languages', 'python')] },
      },
    ];
    expect(findFrameworkMismatches(lonely)).toEqual([
      'content/languages/python.mdx: field "frameworks" must include "flask", because content/tools/flask.mdx lists "python" in languages',
    ]);
  });
});

describe('graph', () => {
  const entries = [
    {
      collection: 'guides',
      id: 'apis',
      filePath: '',
      data: { related: { tools: [ref('tools', 'postman')] } },
      links: ['/tools/express/#routing', '/guides/apis/', 'https://expressjs.com/', '/compare/roles/'],
    },
    { collection: 'faq', id: 'rest', filePath: '', data: {}, links: ['/tools/postman/'] },
  ];

  it('collects outgoing links from references and body, without self-links', () => {
    expect(outgoing(entries[0]!, collections)).toEqual([ref('tools', 'postman'), ref('tools', 'express')]);
  });

  it('inverts links into backlinks', () => {
    const { outgoing: out, backlinks } = backlinkIndex(entries, collections);
    expect(backlinks.get('tools/postman')).toEqual([ref('guides', 'apis'), ref('faq', 'rest')]);
    expect(backlinks.get('tools/express')).toEqual([ref('guides', 'apis')]);
    expect(out.get('faq/rest')).toEqual([ref('tools', 'postman')]);
  });

  it('sorts by order, then title', () => {
    const list = [
      { id: 'b', data: { order: 2, title: 'B' } },
      { id: 'c', data: { order: 1, title: 'Zed' } },
      { id: 'a', data: { order: 1, title: 'Alpha' } },
    ];
    expect(sortEntries(list).map((e) => e.id)).toEqual(['a', 'c', 'b']);
  });

  it('finds neighbours', () => {
    const list = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    expect(neighbours(list, 'b')).toEqual({ prev: { id: 'a' }, next: { id: 'c' } });
    expect(neighbours(list, 'a')).toEqual({ next: { id: 'b' } });
    expect(neighbours(list, 'x')).toEqual({});
  });
});
