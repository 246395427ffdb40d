// Lighthouse scores of the guide's page types, read as ratios to the floor: builds the real content
// into bench/tmp/lighthouse/ (dist/ is left alone), serves it as a CDN would (tests/support/serve.mjs:
// gzip, the _headers), and runs Lighthouse 12 in its default mobile emulation (simulated slow 4G and a
// 4x slower CPU) with the system Chromium. In the same run it scores a bare floor page (HTML only, no
// CSS, no JS, a heading and a paragraph) from the same server, so each page's LCP reads as a ratio to
// the best any page could get on this machine and this harness. Every page is run --runs times
// (3 by default), interleaved, and medians are reported. Writes bench/results/lighthouse-<timestamp>.json
// and prints a Markdown table; exits 1 when a page type misses 100 in a category or LCP 800 ms.
// Usage: npm run bench:lighthouse [-- --dir dist] [-- --pages /,/faq/] [-- --runs 5] [-- --max-load 2]
// --max-load N waits (up to ten minutes) before each run for the 1-minute load average to drop below N:
// Lighthouse scales the CPU time it observes, so a busy machine reads as a slow page.
// With --dir, the build's base path comes from BASE_PATH, as it did for the build.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import lighthouse from 'lighthouse';
import { parse } from 'node-html-parser';
import { env } from '../config/env.ts';
import { freePort, launchChromium, serve } from './page-weight.mjs';
import { revision } from './measure.mjs';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
/** One page of each type: home, a language, a tool, a guide, the FAQ index, the comparisons, a learning path. */
const PAGE_TYPES = [
  '/',
  '/languages/python/',
  '/tools/docker/',
  '/guides/apis/',
  '/faq/',
  '/compare/',
  '/compare/languages/',
  '/compare/roles/',
  '/paths/from-zero-to-backend/',
];
/** What every page type must reach. */
const TARGET = { score: 100, lcpMs: 800 };
const FLOOR = 'floor';

const { values } = parseArgs({
  options: {
    dir: { type: 'string' },
    pages: { type: 'string', default: PAGE_TYPES.join(',') },
    runs: { type: 'string', default: '3' },
    'max-load': { type: 'string' },
  },
});
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a whole number, got ${values.runs}`);

const work = resolve('bench/tmp/lighthouse');
rmSync(work, { recursive: true, force: true });
let distDir = values.dir ? resolve(values.dir) : undefined;
if (!distDir) {
  distDir = join(work, 'dist');
  console.error('[lighthouse] building the guide into bench/tmp/lighthouse/dist');
  execFileSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: '1',
      GUIDE_OUT_DIR: distDir,
      GUIDE_CACHE_DIR: join(work, 'cache'),
    },
  });
}

/**
 * The floor: the home page's heading and lead paragraph as bare HTML, with what the SEO and
 * accessibility audits ask of any page (language, title, description, viewport) and nothing else.
 */
function writeFloor(dir) {
  const home = parse(readFileSync(join(distDir, 'index.html'), 'utf8'));
  const escape = (text) => text.trim().replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  const title = escape(home.querySelector('h1')?.textContent ?? 'The Backend Developer Guide');
  const lead = escape(home.querySelector('main p')?.textContent ?? 'A guide to backend development.');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
      `<title>${title}</title><meta name="description" content="${lead}"><link rel="icon" href="data:,"></head>` +
      `<body><main><h1>${title}</h1><p>${lead}</p></main></body></html>\n`,
  );
  writeFileSync(join(dir, '404.html'), '<!doctype html><title>Not found</title>\n');
}

/**
 * One Lighthouse run of `url`. A run that could not measure (a runtime error, or no paint seen on
 * a busy machine) scores 0 without meaning it, so it is tried again, up to three times.
 */
async function audit(url, port) {
  for (let attempt = 1; ; attempt++) {
    const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const measured = !result.lhr.runtimeError && result.lhr.categories['performance']?.score != null;
    if (measured || attempt === 3) return result.lhr;
    console.error(`[lighthouse] ${url}: no measurement (${result.lhr.runtimeError?.code ?? 'no score'}), trying again`);
  }
}

/** Waits, up to ten minutes, for the 1-minute load average to drop below --max-load; returns it. */
async function quiet() {
  const limit = Number(values['max-load'] ?? 0);
  for (let waited = 0; limit && loadavg()[0] > limit && waited < 600; waited += 10) await sleep(10_000);
  return Math.round(loadavg()[0] * 100) / 100;
}

/** What one run says about a page: scores, the paint metrics in ms, bytes transferred, what cost points. */
function summarise(lhr) {
  const ms = (id) => Math.round(lhr.audits[id]?.numericValue ?? NaN);
  return {
    scores: Object.fromEntries(CATEGORIES.map((id) => [id, Math.round((lhr.categories[id]?.score ?? 0) * 100)])),
    fcpMs: ms('first-contentful-paint'),
    lcpMs: ms('largest-contentful-paint'),
    tbtMs: ms('total-blocking-time'),
    cls: lhr.audits['cumulative-layout-shift']?.numericValue ?? null,
    transferBytes: lhr.audits['total-byte-weight']?.numericValue ?? null,
    renderBlocking: (lhr.audits['render-blocking-resources']?.details?.items ?? []).map((item) => item.url),
    failed: CATEGORIES.flatMap((id) =>
      (lhr.categories[id]?.auditRefs ?? [])
        .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
        .map((ref) => `${id}: ${ref.id}`),
    ),
    ...(lhr.runtimeError ? { runtimeError: lhr.runtimeError.message } : {}),
  };
}

const median = (numbers) => {
  const sorted = numbers.filter((n) => Number.isFinite(n)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : Math.round((sorted[mid - 1] + sorted[mid]) / 2);
};

const floorDir = join(work, 'floor');
writeFloor(floorDir);
const site = await serve(distDir, env.base);
const floorSite = await serve(floorDir, '/');
// Lighthouse drives the browser over the DevTools port; Playwright only starts it.
const port = await freePort();
const browser = await launchChromium([`--remote-debugging-port=${port}`]);
const chromium = browser.version();
const paths = [FLOOR, ...values.pages.split(',')];
const urlOf = (path) =>
  path === FLOOR ? `${floorSite.origin}/` : `${site.origin}${env.base}${path.replace(/^\//, '')}`;
const samples = new Map(paths.map((path) => [path, []]));
try {
  // Interleaved, so a spell of load on a shared machine spreads over every page instead of one.
  for (let run = 1; run <= runs; run++) {
    for (const path of paths) {
      const load = await quiet();
      const summary = { ...summarise(await audit(urlOf(path), port)), load };
      samples.get(path).push(summary);
      console.error(
        `[lighthouse] run ${run}/${runs} ${path}: ${JSON.stringify(summary.scores)} LCP ${summary.lcpMs} ms`,
      );
    }
  }
} finally {
  await browser.close();
  site.close();
  floorSite.close();
  rmSync(work, { recursive: true, force: true });
}

const pages = paths.map((path) => {
  const runsOf = samples.get(path);
  return {
    path,
    scores: Object.fromEntries(CATEGORIES.map((id) => [id, median(runsOf.map((r) => r.scores[id]))])),
    fcpMs: median(runsOf.map((r) => r.fcpMs)),
    lcpMs: median(runsOf.map((r) => r.lcpMs)),
    tbtMs: median(runsOf.map((r) => r.tbtMs)),
    transferBytes: median(runsOf.map((r) => r.transferBytes)),
    failed: [...new Set(runsOf.flatMap((r) => r.failed))],
    renderBlocking: [...new Set(runsOf.flatMap((r) => r.renderBlocking))],
    runs: runsOf,
  };
});
const floorLcp = pages[0].lcpMs;
const missed = pages
  .slice(1)
  .filter((p) => CATEGORIES.some((id) => p.scores[id] < TARGET.score) || !(p.lcpMs <= TARGET.lcpMs))
  .map((p) => p.path);

const report = {
  date: new Date().toISOString(),
  ...revision(),
  lighthouse: '12.2.3',
  chromium,
  base: env.base,
  runs,
  ...(values['max-load'] ? { maxLoad: Number(values['max-load']) } : {}),
  target: TARGET,
  missed,
  pages,
};
mkdirSync('bench/results', { recursive: true });
const file = join('bench/results', `lighthouse-${report.date.replace(/[:.]/g, '-')}.json`);
writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
const ratio = (ms) => (floorLcp ? (ms / floorLcp).toFixed(2) : '–');
console.log(
  [
    '| Page | Performance | Accessibility | Best practices | SEO | FCP ms | LCP ms | LCP / floor | KiB transferred |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...pages.map(
      (p) =>
        `| ${p.path === FLOOR ? 'floor (bare HTML)' : `\`${p.path}\``} | ${p.scores.performance} | ${p.scores.accessibility} | ` +
        `${p.scores['best-practices']} | ${p.scores.seo} | ${p.fcpMs} | ${p.lcpMs} | ${ratio(p.lcpMs)} | ` +
        `${(p.transferBytes / 1024).toFixed(1)} |`,
    ),
  ].join('\n'),
);
console.error(`[lighthouse] wrote ${file}`);
if (missed.length > 0) {
  console.error(`[lighthouse] below 100/100/100/100 or over ${TARGET.lcpMs} ms LCP: ${missed.join(', ')}`);
  process.exitCode = 1;
}
