/**
 * The one module that reads the environment. Build code (astro.config.mjs, config/),
 * pages (src/) and the test and bench scripts take deployment settings from here, so
 * each variable has one name, one default and one normalisation.
 */
import { normalizeBase } from '../src/lib/urls.ts';

const read = (name: string): string | undefined => globalThis.process?.env?.[name]?.trim() || undefined;

/** A size in megabytes from `name`, or `fallback` when unset; anything but a number ≥ 0 fails the build. */
function megabytes(name: string, fallback: number): number {
  const value = read(name);
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isFinite(number) || number < 0)
    throw new Error(`${name} must be a number of megabytes (≥ 0), got "${value}"`);
  return number;
}

/** Where the site lives and where its content and output are; see the README's "Deploying". */
export const env = {
  /** SITE_URL: the origin in canonical URLs, Open Graph, JSON-LD, the sitemap and robots.txt. */
  site: read('SITE_URL') ?? 'http://localhost:4321',
  /** BASE_PATH, normalised to "/" or "/sub/path/": the sub-path every link and asset lives under. */
  base: normalizeBase(read('BASE_PATH')),
  /** GUIDE_CONTENT_DIR: the content folder (the benchmark and fixture builds point it elsewhere). */
  contentDir: read('GUIDE_CONTENT_DIR') ?? 'content',
  /** GUIDE_OUT_DIR: where the build writes, when not `dist/`. */
  outDir: read('GUIDE_OUT_DIR'),
  /** GUIDE_CACHE_DIR: Astro's cache folder, when not the default. */
  cacheDir: read('GUIDE_CACHE_DIR'),
  /** GUIDE_REPO_URL: the repository behind "Edit this page" links; unset, pages show none. */
  repoUrl: read('GUIDE_REPO_URL') ?? '',
  /** GUIDE_REPO_BRANCH: the branch those edit links open. */
  repoBranch: read('GUIDE_REPO_BRANCH') ?? 'main',
  /**
   * GUIDE_PRECACHE_MB: how much the service worker saves on a reader's first visit, in MB of
   * storage (default 25): the shell, the offline page and the search index always, then pages
   * until the budget is used; the rest is saved as it is read or on request.
   */
  precacheMegabytes: megabytes('GUIDE_PRECACHE_MB', 25),
  /** SOURCE_DATE_EPOCH (seconds): the editions' date when set; otherwise the last commit's (reproducible-builds.org). */
  sourceDateEpoch: read('SOURCE_DATE_EPOCH'),
} as const;
