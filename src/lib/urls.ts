/**
 * The one place internal URLs are built. Every link, asset path and script URL
 * goes through `withBase`, so the site works at `/` and under any sub-path.
 * Policy: page URLs always end in a slash (Astro `trailingSlash: 'always'`).
 */

/** Normalises a configured base path to "/", or "/sub/path/". */
export function normalizeBase(base: string | undefined): string {
  const trimmed = (base ?? '/').trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/**
 * Prefixes a root-relative path ("/languages/python/") with the base path.
 * Leaves absolute URLs, protocol-relative URLs, fragments and relative paths alone,
 * and never prefixes twice.
 */
export function withBase(path: string, base: string): string {
  if (!path.startsWith('/') || path.startsWith('//')) return path;
  const normalized = normalizeBase(base);
  if (normalized === '/' || path === normalized.slice(0, -1) || path.startsWith(normalized)) return path;
  return normalized + path.slice(1);
}

/** The path of an entry's page, without base. */
export function entryPath(collection: string, id: string): string {
  return `/${collection}/${id}/`;
}

/** The path of a collection's index page, without base. */
export function collectionPath(collection: string): string {
  return `/${collection}/`;
}

/** Prefixes a root-relative path with this build's base path (Astro's BASE_URL). */
export function url(path: string): string {
  return withBase(path, import.meta.env.BASE_URL);
}

/** Removes the base path from a pathname, giving the site-relative path ("/guide/tools/" -> "/tools/"). */
export function stripBase(pathname: string, base: string): string {
  const normalized = normalizeBase(base);
  return normalized !== '/' && pathname.startsWith(normalized) ? `/${pathname.slice(normalized.length)}` : pathname;
}

/** The path of an entry's Markdown twin, without base ("/languages/python.md"). */
export function markdownPath(collection: string, id: string): string {
  return `/${collection}/${id}.md`;
}

/** A root-relative path as an absolute URL on `site`, base applied; root-relative when no site is configured. */
export function absoluteUrl(path: string, site: URL | string | undefined): string {
  return site ? new URL(url(path), site).href : url(path);
}
