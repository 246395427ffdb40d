/**
 * Reads a `_headers` file the way Netlify and Cloudflare Pages do, so the static test server
 * can send what a CDN would send for each path, `! Name` detach lines included.
 */

/** One rule of a `_headers` file. */
export interface HeaderRule {
  /** URL path pattern; `*` matches anything. */
  pattern: string;
  /** Header names removed from what earlier rules set (`! Name`). */
  detach: string[];
  /** Headers this rule sets, in order. */
  headers: [string, string][];
}

/** Parses a `_headers` file as Netlify and Cloudflare Pages read it. */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), detach: [], headers: [] });
      continue;
    }
    const rule = rules.at(-1);
    if (!rule) throw new Error(`_headers: header line before any path: ${line}`);
    const detached = /^\s*!\s*(\S+)\s*$/.exec(line);
    if (detached?.[1]) {
      rule.detach.push(detached[1].toLowerCase());
      continue;
    }
    const [, name, value] = /^\s*([^:\s]+):\s*(.*)$/.exec(line) ?? [];
    if (!name) throw new Error(`_headers: malformed line: ${line}`);
    rule.headers.push([name, value ?? '']);
  }
  return rules;
}

/** The headers a CDN sends for `pathname`: every matching rule, merged in order. */
export function headersFor(rules: readonly HeaderRule[], pathname: string): Map<string, string> {
  const result = new Map<string, string>();
  for (const rule of rules) {
    const pattern = new RegExp(`^${rule.pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*')}$`);
    if (!pattern.test(pathname)) continue;
    rule.detach.forEach((name) => result.delete(name));
    for (const [name, value] of rule.headers) {
      const key = name.toLowerCase();
      result.set(key, result.has(key) ? `${result.get(key)}, ${value}` : value);
    }
  }
  return result;
}
