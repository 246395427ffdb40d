// A plain static file server for the built site, as a CDN would serve it: files only, no rewrites,
// the site mounted under its base path, and dist/404.html with status 404 for anything missing.
// It also sends the headers dist/_headers asks for, as Netlify or Cloudflare Pages would.
// Usage: node tests/support/serve.mjs [--dir dist] [--base /] [--port 4322]
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import sirv from 'sirv';
import { env } from '../../config/env.ts';
import { normalizeBase } from '../../src/lib/urls.ts';
import { headersFor, parseHeadersFile } from './headers.ts';

const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: 'dist' },
    base: { type: 'string', default: env.base },
    port: { type: 'string', default: '4322' },
  },
});
const base = normalizeBase(values.base);
const files = sirv(values.dir, { dev: true, etag: true, dotfiles: false });
const notFound = () => readFileSync(join(values.dir, '404.html'));
const headerRules = existsSync(join(values.dir, '_headers'))
  ? parseHeadersFile(readFileSync(join(values.dir, '_headers'), 'utf8'))
  : [];

const sendNotFound = (res) => {
  res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' });
  res.end(notFound());
};

createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  for (const [name, value] of headersFor(headerRules, url.pathname)) res.setHeader(name, value);
  if (!url.pathname.startsWith(base)) return sendNotFound(res);
  // Strip the base so sirv sees paths relative to dist/, exactly as a CDN maps a sub-path to a folder.
  req.url = `/${url.pathname.slice(base.length)}${url.search}`;
  files(req, res, () => sendNotFound(res));
}).listen(Number(values.port), '127.0.0.1', () => {
  console.log(`Serving ${values.dir} at http://127.0.0.1:${values.port}${base}`);
});
