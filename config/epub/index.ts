/**
 * The EPUB edition, written from the print page's HTML after the build: one XHTML document per
 * chapter in the page's order, a navigation document, a cover, and the package document, in a
 * ZIP whose bytes depend on the content alone (fixed timestamps, entries in sorted order,
 * `mimetype` first and stored), so two builds of one commit write the same file.
 */
import { strToU8, zip, type Zippable } from 'fflate';
import { formatDate } from '../../src/lib/git-history.ts';
import { readBookPage } from './book-page.ts';
import {
  bookIdentifier,
  CONTAINER_XML,
  coverDocument,
  coverSvg,
  navigationDocument,
  PACKAGE_DIR,
  packageDocument,
  xhtmlDocument,
} from './package.ts';
import { EPUB_CSS } from './style.ts';

/** What the EPUB needs besides the print page. */
export interface EpubOptions {
  /** The site's origin ("https://guide.example.org"), for links to pages outside the book. */
  site: string;
  /** The base path, "/" or "/sub/path/". */
  base: string;
  /** The site's logo, an SVG document, for the cover. */
  logoSvg: string;
}

/**
 * Every file of the EPUB but `mimetype`, path -> content, and the edition's date. The print
 * page's links already carry the base path; `site` makes those that leave the book absolute.
 */
export function epubFiles(
  bookHtml: string,
  { site, base, logoSvg }: EpubOptions,
): { date: string; files: Map<string, string> } {
  const book = readBookPage(bookHtml, { site });
  const siteUrl = new URL(base, site).href;
  const files = new Map<string, string>([
    ['META-INF/container.xml', CONTAINER_XML],
    [`${PACKAGE_DIR}/package.opf`, packageDocument(book, bookIdentifier(siteUrl), siteUrl)],
    [`${PACKAGE_DIR}/nav.xhtml`, navigationDocument(book)],
    [`${PACKAGE_DIR}/cover.xhtml`, coverDocument(book)],
    [`${PACKAGE_DIR}/cover.svg`, coverSvg(book.title, `Edition of ${formatDate(book.date)}`, logoSvg)],
    [`${PACKAGE_DIR}/style.css`, EPUB_CSS],
  ]);
  for (const chapter of book.parts.flatMap((part) => part.chapters)) {
    files.set(`${PACKAGE_DIR}/${chapter.file}`, xhtmlDocument(chapter.title, book.language, chapter.xhtml));
  }
  return { date: book.date, files };
}

/**
 * The ZIP container: `mimetype` first and stored, as EPUB requires, then every file in sorted
 * order, all dated `date` (ISO). ZIP keeps local time, so the stamp is built from the date's
 * UTC fields (at noon, clear of any clock change) and every time zone writes the same bytes.
 * fflate compresses the files in worker threads, so the build's main thread goes on meanwhile
 * (it feeds the search index); the bytes are the same as compressing them one by one.
 */
export function zipEpub(files: ReadonlyMap<string, string>, date: string): Promise<Uint8Array> {
  const day = new Date(date);
  const mtime = new Date(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 12);
  const entries: Zippable = { mimetype: [strToU8('application/epub+zip'), { level: 0, mtime }] };
  // Level 6: at 1,000 chapters level 9 took a quarter longer for 0.01 % fewer bytes.
  for (const path of [...files.keys()].sort()) entries[path] = [strToU8(files.get(path)!), { level: 6, mtime }];
  return new Promise((resolve, reject) => {
    zip(entries, (error, bytes) => (error ? reject(error) : resolve(bytes)));
  });
}

/** The EPUB's bytes from the print page's HTML. */
export async function buildEpub(bookHtml: string, options: EpubOptions): Promise<Uint8Array> {
  const { date, files } = epubFiles(bookHtml, options);
  return zipEpub(files, date);
}
