/**
 * What a reader's device keeps of the guide, decided per file at build time. A first visit
 * saves the shell (styles, scripts, icons, the manifest, the data files scripts read), the
 * offline page and the whole search index, then pages in order of reach (the home page, the
 * section pages, then the entries) until the next one would overspend the precache budget
 * (GUIDE_PRECACHE_MB).
 * Pages beyond it are saved as they are read, or all at once from the offline page. Pure:
 * paths and sizes in, lists out.
 */
import { matchesGlob } from 'node:path';

/** A file of the build with its size in bytes. */
export interface SizedFile {
  path: string;
  bytes: number;
}

/** The lists the service worker works from. */
export interface OfflinePlan<F extends SizedFile> {
  /** Saved on the first visit and brought up to date by each deploy (Workbox's precache). */
  precached: F[];
  /** Pages beyond the budget: saved when read or on request ("Save the whole guide"), kept in step by each deploy. */
  whenRead: F[];
  /** Pages that repeat many others (see AGGREGATES): saved only when read, and then kept in step. */
  aggregates: F[];
}

/** The page the worker shows for an address it has not saved; always precached. */
export const OFFLINE_PAGE = 'offline/index.html';

/** Where sw.js imports its code from: one file named by its content hash, served as immutable. */
export const WORKER_CODE_DIR = 'sw';

/**
 * Left to the network: the Markdown twins and llms.txt are written for tools and language
 * models, not read in the guide; 404.html is the CDN's (offline, the worker shows the offline page).
 */
const NETWORK_ONLY = ['**/*.md', 'llms.txt', '404.html'];

/**
 * Pages that repeat the text of many others (the one-page print edition): any change to any
 * entry changes them, so precaching them, or saving them with the whole guide, would make
 * every deploy cost a returning reader their whole size. They are saved when read, and only
 * a reader who opened one pays for it again when it changes.
 */
const AGGREGATES = ['book/index.html'];

const matchesAny = (path: string, patterns: readonly string[]) =>
  patterns.some((pattern) => matchesGlob(path, pattern));

const isPage = (path: string) => path.endsWith('.html');
const isSearchIndex = (path: string) => path.startsWith('pagefind/');

/** The order pages claim the budget in: the home page, then by depth (sections before entries), then by path. */
export function byReach(a: string, b: string): number {
  const depth = (path: string) => path.split('/').length;
  return depth(a) - depth(b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** Splits `files` into what the first visit precaches and what is saved when read, within `budgetBytes`. */
export function planOffline<F extends SizedFile>(files: readonly F[], budgetBytes: number): OfflinePlan<F> {
  const wanted = files.filter((file) => !matchesAny(file.path, NETWORK_ONLY));
  const always = wanted.filter((file) => !isPage(file.path) || file.path === OFFLINE_PAGE);
  // The shell first, then the search index: without the index, search offline finds nothing.
  always.sort((a, b) => Number(isSearchIndex(a.path)) - Number(isSearchIndex(b.path)));
  const pages = wanted
    .filter((file) => isPage(file.path) && file.path !== OFFLINE_PAGE)
    .sort((a, b) => byReach(a.path, b.path));

  let spent = always.reduce((sum, file) => sum + file.bytes, 0);
  const precached = [...always];
  const whenRead: F[] = [];
  const aggregates: F[] = [];
  for (const page of pages) {
    if (matchesAny(page.path, AGGREGATES)) {
      aggregates.push(page);
    } else if (whenRead.length === 0 && spent + page.bytes <= budgetBytes) {
      precached.push(page);
      spent += page.bytes;
    } else {
      // Once one page does not fit, none after it is precached: an edit that grows a page then
      // moves at most the last page over the line, never a scatter of smaller ones.
      whenRead.push(page);
    }
  }
  return { precached, whenRead, aggregates };
}
