// Search benchmark (a measurement, not a test): run `npm run build` first, then `npm run bench:search`.
//   node scripts/search-bench.mjs [--dir dist] [--runs 7]
// Prints, for the built site in --dir:
//   1. index bytes per 100 pages: the Pagefind index (entry, meta, index, filter and fragment files),
//      apart from the search code and WebAssembly, which do not grow with the site;
//   2. bytes loaded up to the first result: everything fetched from pressing "/" on an entry page to the
//      first result on screen, as sent (this server does not compress) and gzipped as a CDN would send it;
//   3. keystroke to results: from the last key of a word to its results on screen, median of --runs words,
//      in a dialog already open (warm) and on the first search of a fresh page (cold).
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './find-browser.mjs';
import { env } from '../config/env.ts';

const { values } = parseArgs({
  options: { dir: { type: 'string', default: 'dist' }, runs: { type: 'string', default: '7' } },
});
const dir = values.dir;
const runs = Math.max(1, Number(values.runs));
const base = env.base;
const WORDS = [
  'docker',
  'postgres',
  'graphql',
  'laravel',
  'kafka',
  'goroutine',
  'migration',
  'serverless',
  'redis',
  'spring',
  'oauth',
];

const median = (list) => {
  const sorted = [...list].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

/** Files under `folder`, recursively, with their sizes. */
function files(folder) {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const path = join(entry.parentPath, entry.name);
      return { path, bytes: statSync(path).size };
    });
}

// 1. Index size.
const bundle = join(dir, 'pagefind');
const entry = JSON.parse(readFileSync(join(bundle, 'pagefind-entry.json'), 'utf8'));
const pages = Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
const indexFiles = files(bundle).filter(({ path }) =>
  /\.(pf_meta|pf_index|pf_filter|pf_fragment)$|pagefind-entry\.json$/.test(path),
);
const indexBytes = indexFiles.reduce((sum, { bytes }) => sum + bytes, 0);

// 2 and 3 in Chromium against a server of our own.
const port = await new Promise((resolve) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const { port: free } = probe.address();
    probe.close(() => resolve(free));
  });
});
const server = spawn(
  process.execPath,
  ['tests/support/serve.mjs', '--dir', dir, '--base', base, '--port', String(port)],
  { stdio: ['ignore', 'pipe', 'inherit'] },
);
await new Promise((resolve) => server.stdout.once('data', resolve));
const origin = `http://127.0.0.1:${port}${base}`;
const executablePath = await findChromium();
const browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: CHROMIUM_ARGS });

/** Records in the page when a key goes down and when results for a word are on screen. */
function installProbe() {
  window.__bench = { keys: [], shown: new Map() };
  document.addEventListener('keydown', () => window.__bench.keys.push(performance.now()), true);
  // Results are on screen for a word when the summary counts them for that word and a result link is shown.
  new MutationObserver(() => {
    const summary = document.querySelector('pagefind-modal pagefind-summary')?.textContent ?? '';
    const word = /^\s*\d+ results? for (.+?)\s*$/.exec(summary)?.[1]?.replace(/^"|"$/g, '');
    const first = document.querySelector('pagefind-modal pagefind-results a.pf-result-link');
    if (word && first && !window.__bench.shown.has(word)) window.__bench.shown.set(word, performance.now());
  }).observe(document, { subtree: true, childList: true, characterData: true });
}

/** Types `word` into the open dialog and returns milliseconds from its last key to its results on screen. */
async function timeWord(page, word) {
  await page.keyboard.type(word);
  await page.waitForFunction((w) => window.__bench.shown.has(w), word, { timeout: 15_000 });
  return page.evaluate((w) => window.__bench.shown.get(w) - window.__bench.keys.at(-1), word);
}

const clearInput = async (page) => {
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Backspace');
  await page.waitForTimeout(350);
};

try {
  // Cold: a fresh page per word; the clock runs from the word's last key, after "/" loaded the dialog.
  const cold = [];
  let firstResultBytes;
  for (const word of WORDS.slice(0, runs)) {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.addInitScript(installProbe);
    await page.goto(`${origin}guides/apis/`, { waitUntil: 'networkidle' });
    const loaded = [];
    page.on('response', (response) => loaded.push(response));
    await page.keyboard.press('/');
    await page.locator('pagefind-modal input[type="search"]').waitFor();
    await page.waitForFunction(() => document.activeElement?.matches('pagefind-modal input[type="search"]'));
    cold.push(await timeWord(page, word));
    if (!firstResultBytes) {
      const bodies = await Promise.all(loaded.map((response) => response.body().catch(() => Buffer.alloc(0))));
      firstResultBytes = {
        requests: loaded.length,
        sent: bodies.reduce((sum, body) => sum + body.length, 0),
        // Pagefind's own index files are compressed already; text assets are what a CDN would gzip.
        gzip: bodies.reduce(
          (sum, body, i) => sum + (/\.(js|css|json)(\?|$)/.test(loaded[i].url()) ? gzipSync(body).length : body.length),
          0,
        ),
        word,
      };
    }
    await context.close();
  }

  // Warm: one page, the dialog open and the index loaded; each word replaces the last.
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.addInitScript(installProbe);
  await page.goto(`${origin}guides/apis/`, { waitUntil: 'networkidle' });
  await page.keyboard.press('/');
  await page.waitForFunction(() => document.activeElement?.matches('pagefind-modal input[type="search"]'));
  await timeWord(page, 'backend');
  const warm = [];
  for (const word of WORDS.slice(0, runs)) {
    await clearInput(page);
    warm.push(await timeWord(page, word));
  }
  await context.close();

  console.log(`Search benchmark: ${dir} (${pages} pages indexed), ${runs} runs`);
  console.log(
    `  index bytes per 100 pages:     ${kib((indexBytes / pages) * 100)}  (${kib(indexBytes)} in ${indexFiles.length} files)`,
  );
  console.log(
    `  bytes up to the first result:  ${kib(firstResultBytes.sent)} as sent, ${kib(firstResultBytes.gzip)} gzipped, ${firstResultBytes.requests} requests ("/" then "${firstResultBytes.word}")`,
  );
  console.log(
    `  keystroke to results, warm:    median ${median(warm).toFixed(0)} ms  (runs: ${warm.map((t) => t.toFixed(0)).join(', ')})`,
  );
  console.log(
    `  keystroke to results, cold:    median ${median(cold).toFixed(0)} ms  (runs: ${cold.map((t) => t.toFixed(0)).join(', ')})`,
  );
} finally {
  await browser.close();
  server.kill();
}
