/**
 * Builds `dist/_headers` (Netlify / Cloudflare Pages format) from what the build
 * produced: caching by how file names change, and a Content-Security-Policy that
 * agrees with the per-page <meta> policies Astro writes (a browser enforces both).
 */
import { parse, type HTMLElement } from 'node-html-parser';

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

/** A page's head, parsed: only the head, as pages are large and the head has what is needed. */
export function pageHead(html: string): HTMLElement {
  const headEnd = html.indexOf('</head>');
  return parse(headEnd === -1 ? html : html.slice(0, headEnd));
}

/** The content of a page's `<meta http-equiv="content-security-policy">`, if any. */
export function metaPolicy(head: HTMLElement): string | undefined {
  return head.querySelector('meta[http-equiv="content-security-policy" i]')?.getAttribute('content');
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

/**
 * One policy for the whole site: every directive of every page's meta policy,
 * with the union of their sources (all pages' script and style hashes), plus
 * the header-only directives.
 */
export function sitePolicy(pagePolicies: readonly string[]): string {
  const merged = new Map<string, Set<string>>();
  for (const policy of pagePolicies) {
    for (const [name, sources] of parsePolicy(policy)) {
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
    // Astro content-hashes everything under _astro/.
    rule('_astro/*', immutable),
    // Pagefind content-hashes its index, fragment and filter chunks; its entry files keep their names.
    rule('pagefind/index/*', immutable),
    rule('pagefind/fragment/*', immutable),
    rule('pagefind/filter/*', immutable),
    '',
  ].join('\n\n');
}
