// Loads one page of a built site in Chromium, as a first-time visitor would, and counts what it
// fetched before any interaction: requests, and bytes after gzip (level 6, as a CDN compresses).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../scripts/find-browser.mjs';

/** A TCP port nobody listens on right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Serves `distDir` at `base` with the project's static server; resolves once it listens. */
export async function serve(distDir, base = '/') {
  const port = await freePort();
  const server = spawn(
    process.execPath,
    ['tests/support/serve.mjs', '--dir', distDir, '--base', base, '--port', String(port)],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  await new Promise((resolve, reject) => {
    server.on('exit', (code) => reject(new Error(`static server exited with ${code}`)));
    server.stdout.on('data', (chunk) => String(chunk).includes('Serving') && resolve());
  });
  return { origin: `http://127.0.0.1:${port}`, close: () => server.kill() };
}

/** Launches the Chromium the tests use, with any `extraArgs`. */
export async function launchChromium(extraArgs = []) {
  const executablePath = await findChromium();
  if (!executablePath) throw new Error('No Chromium found: set CHROMIUM_PATH or install chromium');
  return chromium.launch({ executablePath, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

const gzipSize = (buffer) => gzipSync(buffer, { level: 6 }).length;

/**
 * Opens `path` of the site served at `origin` in a fresh browser context and sums what the page
 * fetched until the network went quiet. Service workers are blocked: what one precaches in the
 * background after load is not the page's weight (the build log reports it).
 */
export async function measurePage(browser, origin, path, distDir) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  const responses = [];
  page.on('response', (response) => responses.push(response));
  await page.goto(origin + path, { waitUntil: 'networkidle' });
  // Work scheduled after load (a service worker registering, lazy scripts) settles too.
  await page.waitForTimeout(500);
  let gzipBytes = 0;
  let jsGzipBytes = 0;
  let cssGzipBytes = 0;
  for (const response of responses) {
    let body;
    try {
      body = await response.body();
    } catch {
      // Bodies of redirects and aborted requests are gone; read the file the URL names instead.
      const file = new URL(response.url()).pathname;
      body = readFileSync(join(distDir, file.endsWith('/') ? `${file}index.html` : file));
    }
    const bytes = gzipSize(body);
    gzipBytes += bytes;
    const type = response.request().resourceType();
    if (type === 'script') jsGzipBytes += bytes;
    if (type === 'stylesheet') cssGzipBytes += bytes;
  }
  await context.close();
  return { path, requests: responses.length, gzipBytes, jsGzipBytes, cssGzipBytes };
}
