// A plain static file server for the built site, as a CDN would serve it: files only, no rewrites,
// the site mounted under its base path, and dist/404.html with status 404 for anything missing.
// It also sends the headers dist/_headers asks for, as Netlify or Cloudflare Pages would, and
// compresses text with gzip when the browser accepts it, as every CDN does. With --log, it prints
// one JSON line per response, `{"path":…,"status":…,"bytes":…}`: the body's bytes as sent.
// Usage: node tests/support/serve.mjs [--dir dist] [--base /] [--port 4322] [--log]
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createGzip } from 'node:zlib';
import sirv from 'sirv';
import { env } from '../../config/env.ts';
import { normalizeBase } from '../../src/lib/urls.ts';
import { headersFor, parseHeadersFile } from './headers.ts';

const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: 'dist' },
    base: { type: 'string', default: env.base },
    port: { type: 'string', default: '4322' },
    log: { type: 'boolean', default: false },
  },
});
const base = normalizeBase(values.base);
const files = sirv(values.dir, { dev: true, etag: true, dotfiles: false });
const notFound = () => readFileSync(join(values.dir, '404.html'));
const headerRules = existsSync(join(values.dir, '_headers'))
  ? parseHeadersFile(readFileSync(join(values.dir, '_headers'), 'utf8'))
  : [];

/** Types a CDN compresses: text, scripts, JSON, XML, WebAssembly and SVG (Pagefind gzips its own chunks). */
const COMPRESSIBLE = /^(text\/|application\/(javascript|json|manifest\+json|xml|wasm)|image\/svg\+xml)/;

/**
 * Makes `res` gzip a full (200) response of a compressible type when the request accepts gzip.
 * sirv writes its headers with one writeHead call and pipes the file, so both are wrapped.
 */
function gzipWhenAccepted(req, res) {
  if (!/\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) return;
  const { writeHead, write, end } = res;
  res.writeHead = (status, headers = {}) => {
    const type = String(headers['Content-Type'] ?? res.getHeader('content-type') ?? '');
    if (status === 200 && req.method === 'GET' && COMPRESSIBLE.test(type)) {
      delete headers['Content-Length'];
      Object.assign(headers, { 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' });
      const gzip = createGzip({ level: 6 });
      gzip.on('data', (chunk) => write.call(res, chunk));
      gzip.on('end', () => end.call(res));
      // Files are small: take every chunk at once, so the file stream never waits on a drain.
      res.write = (chunk) => (gzip.write(chunk), true);
      res.end = (chunk) => (chunk ? gzip.end(chunk) : gzip.end(), res);
    }
    return writeHead.call(res, status, headers);
  };
}

const sendNotFound = (res) => {
  res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' });
  res.end(notFound());
};

/**
 * Prints the bytes of each response body as sent (after gzip) once it is sent. Headers are left
 * out: over HTTP/2, as CDNs serve, the same headers on every response cost next to nothing.
 */
function logBytes(res, path) {
  let bytes = 0;
  const { write, end } = res;
  const count = (chunk) => {
    if (typeof chunk === 'string' || chunk instanceof Uint8Array) bytes += Buffer.byteLength(chunk);
  };
  res.write = (chunk, ...rest) => (count(chunk), write.call(res, chunk, ...rest));
  res.end = (chunk, ...rest) => (count(chunk), end.call(res, chunk, ...rest));
  res.once('finish', () => console.log(JSON.stringify({ path, status: res.statusCode, bytes })));
}

createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (values.log) logBytes(res, url.pathname);
  for (const [name, value] of headersFor(headerRules, url.pathname)) res.setHeader(name, value);
  if (!url.pathname.startsWith(base)) return sendNotFound(res);
  // Strip the base so sirv sees paths relative to dist/, exactly as a CDN maps a sub-path to a folder.
  req.url = `/${url.pathname.slice(base.length)}${url.search}`;
  gzipWhenAccepted(req, res);
  files(req, res, () => sendNotFound(res));
}).listen(Number(values.port), '127.0.0.1', () => {
  console.log(`Serving ${values.dir} at http://127.0.0.1:${values.port}${base}`);
});
