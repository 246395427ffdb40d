/**
 * Checks over a built site on disk: every page, every internal link and anchor,
 * reachability from the home page. Plain functions, so the same code runs over
 * dist/ and over the deliberately broken fixture site.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'node-html-parser';

/** A built HTML page: its URL path under the base, and its file. */
export interface BuiltPage {
  path: string;
  file: string;
}

/** Every HTML page under `dir`, as URL paths with the base path applied. */
export function builtPages(dir: string, base = '/'): BuiltPage[] {
  const pages: BuiltPage[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder).sort()) {
      const file = join(folder, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (name.endsWith('.html')) {
        const rel = relative(dir, file).replaceAll('\\', '/');
        pages.push({ path: base + (rel === 'index.html' ? '' : rel.replace(/(^|\/)index\.html$/, '$1')), file });
      }
    }
  };
  walk(dir);
  return pages;
}

/** Resolves a URL path to the file a static host would serve, or undefined. */
export function fileFor(dir: string, base: string, pathname: string): string | undefined {
  if (!pathname.startsWith(base)) return undefined;
  const rel = decodeURIComponent(pathname.slice(base.length));
  const candidates = rel === '' || rel.endsWith('/') ? [join(dir, rel, 'index.html')] : [join(dir, rel)];
  return candidates.find((f) => existsSync(f) && statSync(f).isFile());
}

/** Ids that anchors can target in a page. */
function anchorsOf(html: string): Set<string> {
  const root = parse(html);
  return new Set(
    root.querySelectorAll('[id], a[name]').map((el) => el.getAttribute('id') ?? el.getAttribute('name') ?? ''),
  );
}

/** Internal URLs a page refers to: links, scripts, styles, images, icons. */
export function referencesOf(html: string, pageUrl: URL): URL[] {
  const root = parse(html);
  const urls: URL[] = [];
  for (const [selector, attribute] of [
    ['a[href]', 'href'],
    ['link[href]', 'href'],
    ['script[src]', 'src'],
    ['img[src]', 'src'],
    ['form[action]', 'action'],
  ] as const) {
    for (const el of root.querySelectorAll(selector)) {
      const value = el.getAttribute(attribute);
      if (!value || /^(mailto|tel|javascript|data):/i.test(value)) continue;
      const target = new URL(value, pageUrl);
      if (target.origin === pageUrl.origin) urls.push(target);
    }
  }
  return urls;
}

const ORIGIN = 'http://site.test';

/** Every internal link, asset and #anchor that does not resolve, as "page -> target (why)". */
export function brokenReferences(dir: string, base = '/'): string[] {
  const problems: string[] = [];
  const anchors = new Map<string, Set<string>>();
  const anchorsIn = (file: string) => {
    if (!anchors.has(file)) anchors.set(file, anchorsOf(readFileSync(file, 'utf8')));
    return anchors.get(file)!;
  };
  for (const page of builtPages(dir, base)) {
    const html = readFileSync(page.file, 'utf8');
    for (const target of referencesOf(html, new URL(page.path, ORIGIN))) {
      const file = fileFor(dir, base, target.pathname);
      if (!file) problems.push(`${page.path} -> ${target.pathname} (no such file)`);
      else if (
        target.hash.length > 1 &&
        file.endsWith('.html') &&
        !anchorsIn(file).has(decodeURIComponent(target.hash.slice(1)))
      ) {
        problems.push(`${page.path} -> ${target.pathname}${target.hash} (no such anchor)`);
      }
    }
  }
  return problems;
}

/** Pages that are reached by the server or the service worker, never by a link. */
const SPECIAL_PAGES = ['404.html', 'offline/'];

/** Built pages that no chain of links from the home page reaches (404 and offline fallback aside). */
export function unreachablePages(dir: string, base = '/'): string[] {
  const seen = new Set<string>([base]);
  const queue = [base];
  while (queue.length > 0) {
    const path = queue.shift()!;
    const file = fileFor(dir, base, path);
    if (!file?.endsWith('.html')) continue;
    for (const target of referencesOf(readFileSync(file, 'utf8'), new URL(path, ORIGIN))) {
      if (!seen.has(target.pathname)) {
        seen.add(target.pathname);
        queue.push(target.pathname);
      }
    }
  }
  return builtPages(dir, base)
    .map((p) => p.path)
    .filter((path) => !seen.has(path) && !SPECIAL_PAGES.some((special) => path === base + special));
}
