// Lighthouse scores of the guide: builds the real content into bench/tmp/lighthouse/ (dist/ is left
// alone), serves it as a CDN would, and runs Lighthouse in its default mobile emulation with the
// system Chromium against the home page and one entry page. Writes bench/results/lighthouse-<timestamp>.json.
// Usage: npm run bench:lighthouse [-- --dir dist] [-- --pages /,/languages/python/]
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import lighthouse from 'lighthouse';
import { freePort, launchChromium, serve } from './page-weight.mjs';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

const { values } = parseArgs({
  options: {
    dir: { type: 'string' },
    pages: { type: 'string', default: '/,/languages/python/' },
  },
});

let distDir = values.dir ? resolve(values.dir) : undefined;
const work = resolve('bench/tmp/lighthouse');
if (!distDir) {
  rmSync(work, { recursive: true, force: true });
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

const server = await serve(distDir);
// Lighthouse drives the browser over the DevTools port; Playwright only starts it.
const port = await freePort();
const browser = await launchChromium([`--remote-debugging-port=${port}`]);
const chromium = browser.version();
const pages = [];
try {
  for (const path of values.pages.split(',')) {
    const lhr = await audit(server.origin + path, port);
    const scores = Object.fromEntries(CATEGORIES.map((id) => [id, Math.round((lhr.categories[id]?.score ?? 0) * 100)]));
    const metrics = Object.fromEntries(
      ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift'].map(
        (id) => [id, lhr.audits[id]?.displayValue ?? null],
      ),
    );
    // What cost points, so a score below 100 says why.
    const failed = CATEGORIES.flatMap((id) =>
      (lhr.categories[id]?.auditRefs ?? [])
        .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
        .map((ref) => `${id}: ${ref.id}`),
    );
    pages.push({
      path,
      formFactor: lhr.configSettings.formFactor,
      scores,
      metrics,
      failed,
      ...(lhr.runtimeError ? { runtimeError: lhr.runtimeError.message } : {}),
      ...(lhr.runWarnings.length > 0 ? { warnings: lhr.runWarnings } : {}),
    });
    console.error(`[lighthouse] ${path}: ${JSON.stringify(scores)}`);
  }
} finally {
  await browser.close();
  server.close();
  if (!values.dir) rmSync(work, { recursive: true, force: true });
}

const report = { date: new Date().toISOString(), lighthouse: '12.2.3', chromium, pages };
mkdirSync('bench/results', { recursive: true });
const file = join('bench/results', `lighthouse-${report.date.replace(/[:.]/g, '-')}.json`);
writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
console.log(
  ['| Page | Performance | Accessibility | Best practices | SEO |', '| --- | ---: | ---: | ---: | ---: |']
    .concat(
      pages.map(
        (p) =>
          `| \`${p.path}\` | ${p.scores.performance} | ${p.scores.accessibility} | ${p.scores['best-practices']} | ${p.scores.seo} |`,
      ),
    )
    .join('\n'),
);
console.error(`[lighthouse] wrote ${file}`);
