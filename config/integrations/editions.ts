/**
 * The editions in the post-build pass: the EPUB is written from the print page the pass
 * already holds in memory, and its size is filled in wherever a page asks for it, before
 * _headers and the service worker see the pages.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import { parse } from 'node-html-parser';
import { BOOK_MARKUP, EDITIONS } from '../../src/lib/book/editions.ts';
import { buildEpub } from '../epub/index.ts';
import { escapeXml } from '../epub/xhtml.ts';
import type { OutputFile } from './post-build.ts';

/** "412 KB", "1.3 MB". */
export function formatSize(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.round(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * The page with the EPUB's size after the text of every element marked `data-epub-size`
 * ("EPUB 3" becomes "EPUB 3, 412 KB"). Only those elements change: each is replaced by its
 * source range, so the rest of the page keeps its bytes.
 */
export function fillEpubSize(html: string, size: string): string {
  const marked = parse(html).querySelectorAll(`[${BOOK_MARKUP.epubSize}]`);
  let filled = html;
  for (const element of marked.reverse()) {
    const [start, end] = element.range;
    element.set_content(escapeXml(`${element.text}, ${size}`));
    filled = filled.slice(0, start) + element.toString() + filled.slice(end);
  }
  return filled;
}

/**
 * Writes the EPUB next to the pages, from the print page. Returns it as an output file with its
 * size, or nothing when the build has no print page.
 */
export async function writeEpub(
  outDir: string,
  pages: ReadonlyMap<string, string>,
  where: { site: string; base: string },
  logger: AstroIntegrationLogger,
): Promise<{ file: OutputFile; size: string } | undefined> {
  const book = pages.get(`${EDITIONS.printPath.slice(1)}index.html`);
  if (book === undefined) {
    logger.warn(`no print page at ${EDITIONS.printPath}, so no EPUB`);
    return undefined;
  }
  const logoSvg = await readFile(join(outDir, 'favicon.svg'), 'utf8');
  const bytes = Buffer.from(await buildEpub(book, { ...where, logoSvg }));
  await writeFile(join(outDir, EDITIONS.epubFile), bytes);
  const size = formatSize(bytes.byteLength);
  logger.info(`${EDITIONS.epubFile} written (${size})`);
  return { file: { path: EDITIONS.epubFile, content: async () => bytes }, size };
}

/** Fills the EPUB's size into every page that asks for it, in `pages` (the post-build pass writes them). */
export function fillEpubSizes(pages: Map<string, string>, size: string): void {
  for (const [path, html] of pages) {
    if (html.includes(BOOK_MARKUP.epubSize)) pages.set(path, fillEpubSize(html, size));
  }
}
