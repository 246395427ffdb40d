/**
 * Where the guide's two editions live and the markup they share: the print page (/book/)
 * writes it, the EPUB builder (config/epub/) reads it. No imports, so build code can use it.
 */

/** Where the editions live, relative to the base path. */
export const EDITIONS = {
  /** The print edition, one page. */
  printPath: '/book/',
  /** The EPUB, next to the pages. */
  epubFile: 'backend-developer-guide.epub',
} as const;

/**
 * The markup the EPUB builder reads from the print page: the attributes are the contract
 * between src/pages/book.astro and config/epub/, so both take them from here.
 */
export const BOOK_MARKUP = {
  /** On each chapter's <article>: the entry's "collection/id". */
  chapter: 'data-entry',
  /** On the contents <nav>. */
  contents: 'data-book-contents',
  /** On each part's title in the contents. */
  part: 'data-book-part',
  /** On the paragraph that describes the book (the EPUB's description). */
  description: 'data-book-description',
  /** On the <time> of the edition's date. */
  date: 'data-edition-date',
  /** On an element whose text the build replaces with the EPUB's size once it is written. */
  epubSize: 'data-epub-size',
} as const;

/** The in-page anchor of an entry's chapter ("tools-git"): collection names have no hyphen, so it is unique. */
export const chapterAnchor = (entry: { collection: string; id: string }): string => `${entry.collection}-${entry.id}`;

/**
 * The anchor an id from an entry's own page gets inside its chapter ("tools-git--install").
 * Entry ids never hold "--", so no two chapters can make the same one.
 */
export const anchorInChapter = (chapter: string, id: string): string => `${chapter}--${id}`;
