// The print edition's order and chapter HTML, and the EPUB built from it: pure functions, no build.
import { strFromU8, unzipSync } from 'fflate';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { bookOutline } from '../../src/lib/book/outline';
import { rewriteChapterHtml } from '../../src/lib/book/chapter-html';
import { anchorInChapter, chapterAnchor } from '../../src/lib/book/editions';
import { editionDate } from '../../src/lib/book/edition-date';
import { toXhtml } from '../../config/epub/xhtml';
import { buildEpub, epubFiles, zipEpub } from '../../config/epub/index';
import { fillEpubSize, formatSize } from '../../config/integrations/editions';

const ref = (key: string) => {
  const [collection = '', id = ''] = key.split('/');
  return { collection, id };
};
const keys = (parts: { chapters: { collection: string; id: string }[] }[]) =>
  parts.map((part) => part.chapters.map((c) => `${c.collection}/${c.id}`));
const label = (collection: string) => collection.toUpperCase();

describe('the book outline', () => {
  const entries = ['roles/a', 'roles/b', 'languages/c', 'tools/d', 'guides/e', 'guides/f', 'faq/g'].map(ref);
  const path = {
    data: {
      title: 'Test path',
      stages: [
        { title: 'Start', topics: [ref('guides/e'), ref('roles/b')].map((entry) => ({ entry, optional: false })) },
        {
          title: 'Next',
          topics: [
            { entry: ref('tools/d'), optional: true },
            // Listed again, and a draft that is not published: neither becomes a second chapter.
            { entry: ref('guides/e'), optional: false },
            { entry: ref('tools/draft'), optional: false },
          ],
        },
        { title: 'Only drafts', topics: [{ entry: ref('faq/draft'), optional: false }] },
      ],
    },
  };

  it("follows the path's stages, optional topics included, then the rest section by section", () => {
    const parts = bookOutline(entries, path, label);
    expect(parts.map((part) => part.title)).toEqual([
      'Stage 1: Start',
      'Stage 2: Next',
      'ROLES',
      'LANGUAGES',
      'GUIDES',
      'FAQ',
    ]);
    expect(keys(parts)).toEqual([
      ['guides/e', 'roles/b'],
      ['tools/d'],
      ['roles/a'],
      ['languages/c'],
      ['guides/f'],
      ['faq/g'],
    ]);
    expect(keys(parts).flat().sort()).toEqual(entries.map((e) => `${e.collection}/${e.id}`).sort());
  });

  it('is the sections in collection order when there is no path yet', () => {
    expect(keys(bookOutline(entries, undefined, label))).toEqual([
      ['roles/a', 'roles/b'],
      ['languages/c'],
      ['tools/d'],
      ['guides/e', 'guides/f'],
      ['faq/g'],
    ]);
  });

  it('gives every chapter and every id in it an anchor of its own', () => {
    expect(chapterAnchor(ref('tools/git'))).toBe('tools-git');
    expect(anchorInChapter('tools-git', 'install')).toBe('tools-git--install');
  });
});

describe('chapter HTML', () => {
  const chapters = new Map([
    ['/tools/git/', 'tools-git'],
    ['/guides/apis/', 'guides-apis'],
  ]);
  const rewrite = (html: string) => rewriteChapterHtml(html, { anchor: 'tools-docker', chapters, base: '/guide/' });

  it('prefixes ids and every reference to them, headings one level down', () => {
    const html = rewrite(
      '<h2 id="install">Install</h2><h3 id="on-linux">On Linux</h3><p><a href="#install">up</a> <a href="#nowhere">x</a></p>' +
        '<div role="group" aria-labelledby="d-title"><svg aria-labelledby="d-title d-desc"><title id="d-title">T</title>' +
        '<desc id="d-desc">D</desc><marker id="d-arrow"></marker><line marker-end="url(#d-arrow)"></line></svg></div>' +
        '<h6 id="deep">Deep</h6>',
    );
    const root = parse(html);
    expect(root.querySelectorAll('[id]').map((e) => e.id)).toEqual([
      'tools-docker--install',
      'tools-docker--on-linux',
      'tools-docker--d-title',
      'tools-docker--d-desc',
      'tools-docker--d-arrow',
      'tools-docker--deep',
    ]);
    expect(root.querySelector('h3')?.text).toBe('Install');
    expect(root.querySelector('h4')?.text).toBe('On Linux');
    expect(root.querySelector('h6')?.text).toBe('Deep');
    expect(root.querySelectorAll('a').map((a) => a.getAttribute('href'))).toEqual([
      '#tools-docker--install',
      '#nowhere',
    ]);
    expect(root.querySelector('div')?.getAttribute('aria-labelledby')).toBe('tools-docker--d-title');
    expect(root.querySelector('svg')?.getAttribute('aria-labelledby')).toBe(
      'tools-docker--d-title tools-docker--d-desc',
    );
    expect(root.querySelector('line')?.getAttribute('marker-end')).toBe('url(#tools-docker--d-arrow)');
  });

  it('points links to entries in the book at their chapters, and leaves other links alone', () => {
    const links = [
      '/guide/tools/git/',
      '/guide/guides/apis/#status-codes',
      '/guide/compare/roles/',
      '/guide/tools/#database',
      'https://git-scm.com/',
      'mailto:someone@example.org',
    ];
    const html = rewrite(links.map((href) => `<a href="${href}">x</a>`).join(''));
    expect(
      parse(html)
        .querySelectorAll('a')
        .map((a) => a.getAttribute('href')),
    ).toEqual([
      '#tools-git',
      '#guides-apis--status-codes',
      '/guide/compare/roles/',
      '/guide/tools/#database',
      'https://git-scm.com/',
      'mailto:someone@example.org',
    ]);
  });

  it('keeps highlighted code as it was', () => {
    const code =
      '<pre class="astro-code" style="background-color:#fff;color:#000" tabindex="0"><code><span class="line"><span style="color:#A0111F">if</span> a &lt; b</span>\n</code></pre>';
    expect(rewrite(code)).toBe(code);
  });
});

describe('the edition date', () => {
  it('is SOURCE_DATE_EPOCH when set, else the last commit, never the clock', () => {
    expect(editionDate('1764547200', () => '2020-01-01T00:00:00+01:00')).toBe('2025-12-01T00:00:00Z');
    expect(editionDate(undefined, () => '2026-11-25T11:23:02+01:00')).toBe('2026-11-25T10:23:02Z');
    expect(editionDate(undefined, () => undefined)).toBe('1980-01-01T00:00:00Z');
    expect(() => editionDate('yesterday', () => undefined)).toThrow(/SOURCE_DATE_EPOCH/);
  });
});

describe('XHTML', () => {
  it('closes every element, escapes for XML, puts SVG in its namespace and drops scripts', () => {
    const root = parse(
      '<p>A&nbsp;&amp;&lt;b&gt; <br><img src="x.svg" alt="&quot;q&quot;"><input type="checkbox" disabled></p>' +
        '<svg viewBox="0 0 1 1"><path d="M0 0"></path></svg><script>alert(1)</script><!-- note -->',
    );
    expect(toXhtml(root)).toBe(
      '<p>A\u00a0&amp;&lt;b&gt; <br/><img src="x.svg" alt="&quot;q&quot;"/><input type="checkbox" disabled=""/></p>' +
        '<svg viewBox="0 0 1 1" xmlns="http://www.w3.org/2000/svg"><path d="M0 0"/></svg>',
    );
  });
});

/** A print page as src/pages/book.astro writes it, with two chapters in two parts. */
const BOOK_PAGE = `<!doctype html><html lang="en"><head><meta name="description" content="page"></head><body>
<header><h1>The Guide</h1><p data-book-description>Every page.</p>
<p>Edition of <time datetime="2026-11-25T10:23:02Z" data-edition-date>25 November 2026</time></p></header>
<nav data-book-contents><ol>
<li><span data-book-part>Stage 1: Start</span><ol><li><a href="#guides-apis">APIs</a></li></ol></li>
<li><span data-book-part>Tools</span><ol><li><a href="#tools-git">Git</a></li></ol></li>
</ol></nav>
<article class="chapter" aria-labelledby="guides-apis" data-entry="guides/apis"><header><h2 id="guides-apis">APIs</h2></header>
<div class="prose"><h3 id="guides-apis--rest">REST</h3><p>See <a href="#tools-git">Git</a>, <a href="#tools-git--install">installing it</a>,
<a href="#guides-apis--rest">REST</a> and <a href="/guide/compare/">the comparisons</a>.</p>
<figure><svg viewBox="0 0 10 10"><rect fill="var(--_node-fill)" stroke="var(--_unknown)"></rect></svg></figure></div></article>
<article class="chapter" aria-labelledby="tools-git" data-entry="tools/git"><header><h2 id="tools-git">Git</h2></header>
<div class="prose"><h3 id="tools-git--install">Install</h3><script>x()</script></div></article>
</body></html>`;
const LOGO =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" fill="#0b5cad"/></svg>';
const OPTIONS = { site: 'https://guide.example.org', base: '/guide/', logoSvg: LOGO };

describe('the EPUB', () => {
  const { date, files } = epubFiles(BOOK_PAGE, OPTIONS);

  it('has one document per chapter in the page order, listed in the package and the navigation', () => {
    expect(date).toBe('2026-11-25T10:23:02Z');
    const opf = files.get('EPUB/package.opf') ?? '';
    const spine = parse(opf)
      .querySelectorAll('itemref')
      .map((i) => i.getAttribute('idref'));
    expect(spine).toEqual(['cover', 'nav', 'guides-apis', 'tools-git']);
    expect(opf).toContain('<dc:title>The Guide</dc:title>');
    expect(opf).toContain('<dc:description>Every page.</dc:description>');
    expect(opf).toContain('<meta property="dcterms:modified">2026-11-25T10:23:02Z</meta>');
    // Only the chapter that draws SVG inline says so.
    expect(opf).toContain('href="guides-apis.xhtml" media-type="application/xhtml+xml" properties="svg"/>');
    expect(opf).toContain('href="tools-git.xhtml" media-type="application/xhtml+xml"/>');
    const nav = parse(files.get('EPUB/nav.xhtml') ?? '');
    expect(nav.querySelectorAll('nav#toc > ol > li > span').map((s) => s.text)).toEqual(['Stage 1: Start', 'Tools']);
    expect(nav.querySelectorAll('nav#toc a').map((a) => a.getAttribute('href'))).toEqual([
      'guides-apis.xhtml',
      'tools-git.xhtml',
    ]);
  });

  it('links chapters to each other inside the book and the rest of the site on the web', () => {
    const apis = parse(files.get('EPUB/guides-apis.xhtml') ?? '');
    expect(apis.querySelectorAll('.prose a').map((a) => a.getAttribute('href'))).toEqual([
      'tools-git.xhtml',
      'tools-git.xhtml#tools-git--install',
      '#guides-apis--rest',
      'https://guide.example.org/guide/compare/',
    ]);
    // Each document's chapter title is its h1; the page's lower headings move up with it.
    expect(apis.querySelector('h1')?.text).toBe('APIs');
    expect(apis.querySelector('h2')?.id).toBe('guides-apis--rest');
    // Diagram colours the palette knows are written out; e-readers need not resolve variables.
    expect(apis.querySelector('rect')?.getAttribute('fill')).toBe('#f5f7fa');
    expect(apis.querySelector('rect')?.getAttribute('stroke')).toBe('var(--_unknown)');
    expect(files.get('EPUB/tools-git.xhtml')).not.toContain('<script');
  });

  it('has a cover drawn from the logo', () => {
    const cover = files.get('EPUB/cover.svg') ?? '';
    expect(cover).toContain('<rect width="32" height="32" fill="#0b5cad"/>');
    expect(cover).toContain('Edition of 25 November 2026');
  });

  it('is a ZIP with mimetype first and stored, entries sorted, and the same bytes every time', async () => {
    const bytes = await buildEpub(BOOK_PAGE, OPTIONS);
    expect(strFromU8(bytes.subarray(30, 38))).toBe('mimetype');
    // Compression method 0 (stored) and no extra field in mimetype's local header.
    expect(bytes[8]).toBe(0);
    expect(bytes[28]).toBe(0);
    expect(strFromU8(bytes.subarray(38, 58))).toBe('application/epub+zip');
    const names = Object.keys(unzipSync(bytes));
    expect(names).toEqual(['mimetype', ...names.slice(1).sort()]);
    expect(Buffer.from(await buildEpub(BOOK_PAGE, OPTIONS)).equals(Buffer.from(bytes))).toBe(true);
    expect(Buffer.from(await zipEpub(files, '2026-11-26T10:23:02Z')).equals(Buffer.from(bytes))).toBe(false);
  });
});

describe('the EPUB size on the pages', () => {
  it('is filled in where a page asks, and nothing else changes', () => {
    const page =
      '<p>Take <a href="x.epub">the e-book</a> (<span data-epub-size>EPUB 3</span>).</p><p>Rest &amp; more</p>';
    expect(fillEpubSize(page, '412 KB')).toBe(
      '<p>Take <a href="x.epub">the e-book</a> (<span data-epub-size>EPUB 3, 412 KB</span>).</p><p>Rest &amp; more</p>',
    );
    expect([formatSize(1000), formatSize(421_888), formatSize(1_363_149)]).toEqual(['1 KB', '412 KB', '1.3 MB']);
  });
});
