/**
 * The print page (/book/) read back as a book: its metadata, its parts and its chapters, each
 * chapter made into the body of one EPUB document. Links between chapters point to the other
 * document, links to the site's other pages become absolute URLs, headings go back up one
 * level (each document's chapter title is its h1), and diagram colours become plain values.
 */
import { parse, type HTMLElement } from 'node-html-parser';
import { HTML_PARSE_OPTIONS } from '../../src/lib/book/chapter-html.ts';
import { BOOK_MARKUP } from '../../src/lib/book/editions.ts';
import { toXhtml } from './xhtml.ts';

/** One chapter of the book. */
export interface BookChapter {
  /** The chapter's anchor on the print page, which is also its document's name. */
  anchor: string;
  /** The entry's "collection/id". */
  entry: string;
  title: string;
  /** The document's file name inside the EPUB's content folder. */
  file: string;
  /** The chapter as XHTML, ready to be a document's body. */
  xhtml: string;
  /** Whether the chapter draws SVG inline (the package must say so). */
  svg: boolean;
}

/** What the EPUB is made of. */
export interface Book {
  title: string;
  description: string;
  language: string;
  /** ISO date, to the second, in UTC. */
  date: string;
  parts: { title: string; chapters: BookChapter[] }[];
}

/** Where the site lives, for links to its pages that are not in the book. */
export interface SiteLocation {
  /** The site's origin, e.g. "https://guide.example.org"; the page's links already carry the base path. */
  site: string;
}

/**
 * The diagram palette in light colours (src/styles/diagrams.css over src/styles/tokens.css):
 * e-readers may not resolve the CSS variables the SVG is drawn with, so the values go inline.
 */
export const DIAGRAM_COLOURS: Readonly<Record<string, string>> = {
  '--_text': '#1b2430',
  '--_text-sec': '#4a5565',
  '--_text-muted': '#4a5565',
  '--_text-faint': '#4a5565',
  '--_line': '#4a5565',
  '--_arrow': '#1b2430',
  '--_node-fill': '#f5f7fa',
  '--_node-stroke': '#4a5565',
  '--_group-fill': '#ffffff',
  '--_group-hdr': '#f5f7fa',
  '--_inner-stroke': '#d6dde6',
  '--_key-badge': '#e6f0fb',
};

const fileOf = (anchor: string) => `${anchor}.xhtml`;

function required(root: HTMLElement, selector: string): HTMLElement {
  const element = root.querySelector(selector);
  if (!element) throw new Error(`The print page has no ${selector}; is it src/pages/book.astro's markup?`);
  return element;
}

/** An href on the print page as it must read inside the EPUB document `file`. */
function epubHref(href: string, file: string, fileOfId: ReadonlyMap<string, string>, where: SiteLocation): string {
  if (href.startsWith('#')) {
    const target = fileOfId.get(decodeURIComponent(href.slice(1)));
    if (!target || target === file) return href;
    // A link to a chapter's title opens its document at the top.
    return target === fileOf(href.slice(1)) ? target : `${target}${href}`;
  }
  // The site's other pages are on the web; everything else (https:, mailto:) already is.
  if (href.startsWith('/') && !href.startsWith('//')) return new URL(href, where.site).href;
  return href;
}

/** A colour value the diagram palette knows, resolved; anything else unchanged. */
function plainColour(value: string): string {
  if (!value.startsWith('var(') || !value.endsWith(')')) return value;
  return DIAGRAM_COLOURS[value.slice(4, -1).trim()] ?? value;
}

/** One chapter element of the print page made into an EPUB document's body. */
function chapterBody(
  article: HTMLElement,
  file: string,
  fileOfId: ReadonlyMap<string, string>,
  where: SiteLocation,
): string {
  article.setAttribute('epub:type', 'chapter');
  for (const element of article.querySelectorAll('*')) {
    const level = ['h2', 'h3', 'h4', 'h5', 'h6'].indexOf(element.localName);
    if (level >= 0) element.tagName = `h${level + 1}`;
    for (const [name, value] of Object.entries(element.attributes)) {
      let next = value;
      if (name === 'href') next = epubHref(value, file, fileOfId, where);
      else if (name === 'fill' || name === 'stroke') next = plainColour(value);
      if (next !== value) element.setAttribute(name, next.replaceAll('&', '&amp;'));
    }
  }
  return toXhtml(article);
}

/** The book held by the print page's HTML. */
export function readBookPage(html: string, where: SiteLocation): Book {
  const root = parse(html, HTML_PARSE_OPTIONS);
  const articles = root.querySelectorAll(`article[${BOOK_MARKUP.chapter}]`);
  if (articles.length === 0) throw new Error('The print page has no chapters');
  const byAnchor = new Map<string, HTMLElement>();
  const fileOfId = new Map<string, string>();
  for (const article of articles) {
    const anchor = article.getAttribute('aria-labelledby') ?? '';
    byAnchor.set(anchor, article);
    for (const element of article.querySelectorAll('[id]')) fileOfId.set(element.id, fileOf(anchor));
  }
  const contents = required(root, `nav[${BOOK_MARKUP.contents}]`);
  const placed = new Set<string>();
  const parts = contents.querySelectorAll(`[${BOOK_MARKUP.part}]`).map((label) => {
    const links = label.parentNode?.querySelectorAll('ol a[href^="#"]') ?? [];
    const chapters = links.map((link): BookChapter => {
      const anchor = decodeURIComponent((link.getAttribute('href') ?? '').slice(1));
      const article = byAnchor.get(anchor);
      if (!article) throw new Error(`The print page's contents list #${anchor}, which is no chapter`);
      placed.add(anchor);
      const file = fileOf(anchor);
      return {
        anchor,
        entry: article.getAttribute(BOOK_MARKUP.chapter) ?? '',
        title: required(article, `[id="${anchor}"]`).text.trim(),
        file,
        svg: article.querySelector('svg') !== null,
        xhtml: chapterBody(article, file, fileOfId, where),
      };
    });
    return { title: label.text.trim(), chapters };
  });
  const unlisted = [...byAnchor.keys()].filter((anchor) => !placed.has(anchor));
  if (unlisted.length > 0) throw new Error(`The print page's contents leave out ${unlisted.join(', ')}`);
  return {
    title: required(root, 'h1').text.trim(),
    description: required(root, `[${BOOK_MARKUP.description}]`).text.trim(),
    language: required(root, 'html').getAttribute('lang') ?? 'en',
    date: required(root, `time[${BOOK_MARKUP.date}]`).getAttribute('datetime') ?? '',
    parts,
  };
}
