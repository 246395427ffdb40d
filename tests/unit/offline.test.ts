import { describe, expect, it } from 'vitest';
import { byReach, OFFLINE_PAGE, planOffline } from '../../config/integrations/offline-plan';
import { isGenericLinkText, linkQualifier } from '../../src/lib/link-text';

const file = (path: string, bytes = 100) => ({ path, bytes });
const paths = (files: readonly { path: string }[]) => files.map((f) => f.path);

describe('the offline plan', () => {
  const site = [
    file('_astro/search-dialog-abc.js', 50),
    file('manifest.webmanifest', 10),
    file('pagefind/pagefind.js', 200),
    file('pagefind/index/en_1.pf_index', 300),
    file(OFFLINE_PAGE, 40),
    file('index.html'),
    file('tools/index.html'),
    file('tools/docker/index.html'),
    file('tools/git/index.html', 30),
    file('guides/apis/index.html'),
    file('book/index.html', 5000),
    file('tools/docker.md'),
    file('llms.txt'),
    file('404.html'),
  ];

  it('always precaches the shell, the offline page and the whole index, shell first', () => {
    const { precached } = planOffline(site, 0);
    expect(paths(precached)).toEqual([
      '_astro/search-dialog-abc.js',
      'manifest.webmanifest',
      OFFLINE_PAGE,
      'pagefind/pagefind.js',
      'pagefind/index/en_1.pf_index',
    ]);
  });

  it('adds pages by reach until the next one would overspend, and leaves the rest to be saved when read', () => {
    // 600 bytes of shell and index, then room for the home page, the tools page, one entry, and 50 bytes.
    const { precached, whenRead } = planOffline(site, 600 + 300 + 50);
    expect(paths(precached).slice(5)).toEqual(['index.html', 'tools/index.html', 'guides/apis/index.html']);
    // The smaller page after the first one that does not fit stays out too: the line moves by one page at most.
    expect(paths(whenRead)).toEqual(['tools/docker/index.html', 'tools/git/index.html']);
  });

  it('never precaches pages that repeat the others, nor what is written for tools', () => {
    const plan = planOffline(site, Number.POSITIVE_INFINITY);
    expect(paths(plan.aggregates)).toEqual(['book/index.html']);
    expect(plan.whenRead).toEqual([]);
    const all = paths([...plan.precached, ...plan.whenRead, ...plan.aggregates]);
    expect(all).not.toContain('tools/docker.md');
    expect(all).not.toContain('llms.txt');
    expect(all).not.toContain('404.html');
  });

  it('orders pages home first, then sections, then entries', () => {
    expect(['tools/git/index.html', 'faq/index.html', 'index.html', 'compare/roles/index.html'].sort(byReach)).toEqual([
      'index.html',
      'faq/index.html',
      'compare/roles/index.html',
      'tools/git/index.html',
    ]);
  });
});

describe('link text', () => {
  it('qualifies titles that read as generic link text, and only those', () => {
    expect(isGenericLinkText(' Go ')).toBe(true);
    expect(linkQualifier('Go', 'Language')).toBe(' (language)');
    expect(linkQualifier('Rust', 'Language')).toBe('');
    expect(linkQualifier('Golang', 'Language')).toBe('');
  });
});
