/**
 * Builds `dist/_headers` (Netlify / Cloudflare Pages format) from what the build
 * produced: caching by how file names change, and a Content-Security-Policy header that
 * adds to each page's own <meta> policy what only a header can say (a browser enforces both).
 */
import { createHash } from 'node:crypto';
import { Tokenizer } from 'htmlparser2';
import { WORKER_CODE_DIR } from './integrations/offline-plan.ts';

/** Directives every page's policy shares; Astro adds script-src/style-src hashes to the meta policy. */
export const BASE_DIRECTIVES = [
  "default-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
] as const;

/** Headers that only work as HTTP headers, never in a <meta> policy. */
export const HEADER_ONLY_DIRECTIVES = ["frame-ancestors 'none'"] as const;

/** Security headers sent with every response. */
export const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
} as const;

/** Revalidate on every request: for HTML and files whose names never change. */
export const REVALIDATE = 'public, max-age=0, must-revalidate';
/** Cache forever: for files whose names carry a content hash. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/** The hash function of every CSP hash: Astro's `security.csp.algorithm`, and what the pages are checked with. */
export const CSP_ALGORITHM = 'SHA-256';

/**
 * Directives the header leaves to each page's own `<meta>` policy, which lists the hashes of that
 * page's inline styles only: 27 style variants of the site would add 1.5 KB to every response.
 * `default-src` is among them because styles fall back to it: a header that set it would block
 * every inline style. Scripts stay in the header too, with every script hash of the site, so a
 * file served without the page's `<meta>` still runs no script but the site's own.
 */
const PAGE_ONLY_DIRECTIVES = new Set(['default-src', 'style-src', 'style-src-elem', 'style-src-attr']);

/** What the post-build pass needs of a page, read in one pass of an HTML tokenizer. */
export interface PageScan {
  /** The page's CSP `<meta>`: its policy and where the tag starts and ends (exclusive) in the page. */
  meta?: { policy: string; start: number; end: number };
  /** The page's `og:title`. */
  title: string;
  /** The CSP sources (`'sha256-…'`) of the page's inline `<script>` and `<style>` elements. */
  inlineHashes: Set<string>;
}

/** The CSP source that allows an inline element with this text. */
export function cspHash(text: string): string {
  const algorithm = CSP_ALGORITHM.replace('-', '').toLowerCase();
  return `'${algorithm}-${createHash(algorithm).update(text, 'utf8').digest('base64')}'`;
}

/**
 * Reads a whole page once with htmlparser2's tokenizer: its CSP `<meta>`, its title, and its inline
 * scripts and styles. The tokenizer hands over positions, not strings, so only what is kept is
 * sliced from the page (a tree, or the parser's attribute objects for every tag, cost twice as much).
 */
export function scanPage(html: string): PageScan {
  const scan: PageScan = { title: '', inlineHashes: new Set() };
  let tag = '';
  let tagStart = 0;
  /** Attributes of the open tag, collected for `<meta>` and `<script>` only. */
  let attributes: Record<string, string> | undefined;
  let attribute = '';
  let rawStart = -1;
  const slice = (start: number, end: number) => html.slice(start, end);
  const endOfTag = (endIndex: number) => {
    if (tag === 'meta' && attributes) {
      if (attributes['http-equiv']?.toLowerCase() === 'content-security-policy') {
        scan.meta = { policy: attributes['content'] ?? '', start: tagStart, end: endIndex + 1 };
      } else if (attributes['property'] === 'og:title') scan.title = attributes['content'] ?? '';
    }
    if ((tag === 'script' && attributes && !('src' in attributes)) || tag === 'style') rawStart = endIndex + 1;
  };
  const tokenizer = new Tokenizer(
    {},
    {
      onopentagname(start, end) {
        tag = slice(start, end).toLowerCase();
        tagStart = start - 1;
        attributes = tag === 'meta' || tag === 'script' ? {} : undefined;
        rawStart = -1;
      },
      onattribname(start, end) {
        attribute = slice(start, end).toLowerCase();
        if (attributes) attributes[attribute] = '';
      },
      onattribdata(start, end) {
        if (attributes) attributes[attribute] += slice(start, end);
      },
      onattribentity(codepoint) {
        if (attributes) attributes[attribute] += String.fromCodePoint(codepoint);
      },
      onattribend() {},
      onopentagend: endOfTag,
      onselfclosingtag: endOfTag,
      onclosetag(start, end) {
        if (rawStart < 0) return;
        const name = slice(start, end).toLowerCase();
        if (name === 'script' || name === 'style') scan.inlineHashes.add(cspHash(slice(rawStart, start - 2)));
        rawStart = -1;
      },
      ontext() {},
      ontextentity() {},
      oncdata() {},
      oncomment() {},
      ondeclaration() {},
      onprocessinginstruction() {},
      onend() {},
    },
  );
  tokenizer.write(html);
  tokenizer.end();
  return scan;
}

/** Parses a policy into directive name -> sources. */
export function parsePolicy(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

const isHash = (source: string) => /^'sha(256|384|512)-/.test(source);

/**
 * A page's own policy: Astro writes every hash of the whole site into every page (about 45, some
 * 2 KB); this keeps the hashes of the page's own inline elements and every other source as it was.
 */
export function pagePolicy(policy: string, inlineHashes: ReadonlySet<string>): string {
  return [...parsePolicy(policy)]
    .map(([name, sources]) => [name, ...sources.filter((s) => !isHash(s) || inlineHashes.has(s))].join(' '))
    .join('; ');
}

/** The page with its CSP `<meta>` replaced by one that carries `policy`. */
export function withMetaPolicy(html: string, meta: NonNullable<PageScan['meta']>, policy: string): string {
  const content = policy.replaceAll('&', '&amp;').replaceAll('"', '&quot;');
  return `${html.slice(0, meta.start)}<meta http-equiv="content-security-policy" content="${content}">${html.slice(meta.end)}`;
}

/**
 * The policy sent as a header with every response: what the pages' policies say, merged (every
 * script hash any page uses), without the style directives and their `default-src` fallback (each
 * page's `<meta>` carries its own), plus the directives that only work in a header. A browser
 * enforces both policies, so a page gets exactly its `<meta>` policy and `frame-ancestors`; the
 * header is a backstop for anything served without one.
 */
export function headerPolicy(pagePolicies: readonly string[]): string {
  const merged = new Map<string, Set<string>>();
  for (const policy of pagePolicies) {
    for (const [name, sources] of parsePolicy(policy)) {
      if (PAGE_ONLY_DIRECTIVES.has(name)) continue;
      const set = merged.get(name) ?? new Set<string>();
      sources.forEach((source) => set.add(source));
      merged.set(name, set);
    }
  }
  const directives = [...merged]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, sources]) => [name, ...[...sources].sort()].join(' '));
  return [...directives, ...HEADER_ONLY_DIRECTIVES].join('; ');
}

/** The policy of the service worker's script, which has no `<meta>` of its own. */
export const WORKER_POLICY = "default-src 'self'";

/** The `_headers` file for a build served under `base` ("/" or "/sub/"). */
export function headersFile(base: string, policy: string): string {
  // Rules that match the same path are merged by the CDN; "! Cache-Control" detaches the
  // catch-all value so hashed files get exactly one caching policy.
  const immutable = [`  ! Cache-Control`, `  Cache-Control: ${IMMUTABLE}`];
  const rule = (path: string, lines: string[]) => [`${base}${path}`, ...lines].join('\n');
  return [
    '# Generated at build time. Paths include the base path this build was made for.',
    rule('*', [
      `  Content-Security-Policy: ${policy}`,
      ...Object.entries(SECURITY_HEADERS).map(([name, value]) => `  ${name}: ${value}`),
      `  Cache-Control: ${REVALIDATE}`,
    ]),
    // A worker takes its policy from its response; a second policy adds to the first.
    rule('sw.js', [`  Content-Security-Policy: ${WORKER_POLICY}`]),
    // Astro content-hashes everything under _astro/, and the build names the worker's code by its hash.
    rule('_astro/*', immutable),
    rule(`${WORKER_CODE_DIR}/*`, immutable),
    // Pagefind content-hashes its index, fragment and filter chunks; its entry files keep their names.
    rule('pagefind/index/*', immutable),
    rule('pagefind/fragment/*', immutable),
    rule('pagefind/filter/*', immutable),
    '',
  ].join('\n\n');
}
