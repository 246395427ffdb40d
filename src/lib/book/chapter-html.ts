/**
 * An entry's rendered HTML made into one chapter of the print page: every id gets the
 * chapter's prefix and every reference to an id (links, ARIA, SVG url(#…)) follows it, links
 * to entries in the book become in-page anchors, and headings go one level down under the
 * chapter's own title. The HTML is parsed and changed on the tree, never matched as text.
 */
import { parse, type HTMLElement } from 'node-html-parser';
import { stripBase } from '../urls';
import { anchorInChapter } from './editions';

/**
 * How chapter HTML is parsed here and by the EPUB builder: the contents of <pre> are parsed
 * too (highlighted code is markup), while scripts and styles stay raw text.
 */
export const HTML_PARSE_OPTIONS = { blockTextElements: { script: true, style: true } } as const;

/** Where a chapter sits in the book. */
export interface ChapterContext {
  /** The chapter's anchor (chapterAnchor); every id inside it gets this prefix. */
  anchor: string;
  /** The page path of every entry in the book, without base ("/tools/git/"), to its chapter's anchor. */
  chapters: ReadonlyMap<string, string>;
  /** The site's base path, which links in the HTML carry. */
  base: string;
}

/** Attributes whose value is a space-separated list of ids. */
const ID_LIST_ATTRIBUTES = new Set([
  'aria-activedescendant',
  'aria-controls',
  'aria-describedby',
  'aria-details',
  'aria-errormessage',
  'aria-flowto',
  'aria-labelledby',
  'aria-owns',
  'for',
  'headers',
  'list',
]);

const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];

const decodeFragment = (fragment: string): string => {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
};

/** Every `url(#id)` in a CSS-like value with its id passed through `rename`. */
function renameUrlRefs(value: string, rename: (id: string) => string): string {
  const [head = '', ...rest] = value.split('url(#');
  return [
    head,
    ...rest.map((part) => {
      const end = part.indexOf(')');
      return end < 0 ? part : rename(part.slice(0, end)) + part.slice(end);
    }),
  ].join('url(#');
}

/** A link's new href: a fragment of this chapter, an entry in the book, or unchanged. */
function rewriteHref(href: string, local: (id: string) => string, context: ChapterContext): string {
  if (href.startsWith('#')) return href.length > 1 ? `#${local(decodeFragment(href.slice(1)))}` : href;
  if (!href.startsWith('/') || href.startsWith('//')) return href;
  const target = new URL(href, 'http://book.invalid');
  const chapter = context.chapters.get(stripBase(target.pathname, context.base));
  if (!chapter) return href;
  const fragment = decodeFragment(target.hash.slice(1));
  return `#${fragment ? anchorInChapter(chapter, fragment) : chapter}`;
}

/** One attribute's new value in the chapter. */
function rewriteAttribute(name: string, value: string, local: (id: string) => string, context: ChapterContext) {
  if (name === 'id') return local(value);
  if (ID_LIST_ATTRIBUTES.has(name))
    return value
      .split(' ')
      .map((id) => (id ? local(id) : id))
      .join(' ');
  if (name === 'href' || name === 'xlink:href') return rewriteHref(value, local, context);
  if (value.includes('url(#')) return renameUrlRefs(value, local);
  return value;
}

/** The chapter's HTML: ids prefixed, references and entry links following them, headings one level down. */
export function rewriteChapterHtml(html: string, context: ChapterContext): string {
  const root = parse(html, HTML_PARSE_OPTIONS);
  const elements: HTMLElement[] = root.querySelectorAll('*');
  const ids = new Set(elements.map((element) => element.getAttribute('id')).filter((id) => id !== undefined));
  const local = (id: string) => (ids.has(id) ? anchorInChapter(context.anchor, id) : id);
  for (const element of elements) {
    for (const [name, value] of Object.entries(element.attributes)) {
      const rewritten = rewriteAttribute(name, value, local, context);
      // setAttribute takes the value as written in the markup.
      if (rewritten !== value) element.setAttribute(name, rewritten.replaceAll('&', '&amp;'));
    }
    const level = HEADINGS.indexOf(element.localName);
    if (level >= 0) element.tagName = HEADINGS[Math.min(level + 1, 5)]!;
  }
  return root.toString();
}
