import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  cspHash,
  headerPolicy,
  headersFile,
  IMMUTABLE,
  pagePolicy,
  REVALIDATE,
  scanPage,
  withMetaPolicy,
} from '../../config/headers';

const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
const policy = (hashes: string[]) =>
  `default-src 'self'; script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}; style-src-elem 'self' ${hashes.join(' ')}; object-src 'none'`;

describe('a page scanned for its CSP', () => {
  const inline = 'console.log("<b>")';
  const style = 'p{color:red}';
  const other = 'alert(1)';
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy([sha(inline), sha(style), sha(other)])}">`;
  const page =
    `<!doctype html><html><head><META charset=utf-8>${meta}<meta property="og:title" content="Tom &amp; Jerry&#39;s">` +
    `<style>${style}</style><script src="/a.js"></script><script type="application/ld+json">{"a":1}</script></head>` +
    `<body><p title="<script>alert(1)</script>">x</p><pre>&lt;script&gt;alert(1)&lt;/script&gt;</pre>` +
    `<SCRIPT type="module">${inline}</SCRIPT><svg><path d="M0 0"/></svg></body></html>`;
  const scan = scanPage(page);

  it('finds the inline scripts and styles, and nothing in attributes, text or external scripts', () => {
    expect(scan.inlineHashes).toEqual(new Set([sha(style), sha(inline), sha('{"a":1}')]));
    expect(cspHash(inline)).toBe(sha(inline));
  });

  it('reads the title with entities decoded and the meta policy where it is', () => {
    expect(scan.title).toBe("Tom & Jerry's");
    expect(scan.meta && page.slice(scan.meta.start, scan.meta.end)).toBe(meta);
  });

  it("keeps only the page's own hashes and every other source", () => {
    const own = pagePolicy(scan.meta?.policy ?? '', scan.inlineHashes);
    expect(own).toBe(
      `default-src 'self'; script-src 'self' 'wasm-unsafe-eval' ${sha(inline)} ${sha(style)}; ` +
        `style-src-elem 'self' ${sha(inline)} ${sha(style)}; object-src 'none'`,
    );
    expect(own).not.toContain(sha(other));
    const rewritten = withMetaPolicy(page, scan.meta!, own);
    expect(scanPage(rewritten).meta?.policy).toBe(own);
    expect(rewritten.replace(own, '')).toBe(
      page.replace(scan.meta!.policy, '').replace('Content-Security-Policy', 'content-security-policy'),
    );
  });

  it('gives the header every script hash of the site, and leaves styles and their fallback to the pages', () => {
    const header = headerPolicy([policy([sha(inline)]), policy([sha(other)])]);
    expect(header).toBe(
      `object-src 'none'; script-src 'self' ${[sha(inline), sha(other)].sort().join(' ')} 'wasm-unsafe-eval'; ` +
        "frame-ancestors 'none'",
    );
  });
});

describe("the README's S3 upload", () => {
  // S3 ignores _headers: the README's commands must give the same files the same caching.
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const immutable = headersFile('/', "default-src 'self'")
    .split('\n\n')
    .filter((rule) => rule.includes(IMMUTABLE))
    .map((rule) => (rule.split('\n')[0] ?? '').replace(/^\//, '').replace(/\/\*$/, ''));

  it('uploads as immutable exactly the folders _headers caches as immutable, and the rest as revalidating', () => {
    const loop =
      /for dir in ([^;]+); do\n\s+aws s3 sync "dist\/\$dir" "s3:\/\/<bucket>\/\$dir" --cache-control "([^"]+)"/.exec(
        readme,
      );
    expect(loop?.[1]?.split(' ').sort()).toEqual([...immutable].sort());
    expect(loop?.[2]).toBe(IMMUTABLE);
    const rest = /aws s3 sync dist s3:\/\/<bucket> --cache-control "([^"]+)"([^`]+)```/.exec(readme);
    expect(rest?.[1]).toBe(REVALIDATE);
    const excluded = [...(rest?.[2] ?? '').matchAll(/--exclude "([^"]+)"/g)].map((match) => match[1]);
    expect(excluded.sort()).toEqual(['_headers', ...immutable.map((dir) => `${dir}/*`)].sort());
  });
});
