// The build benchmark: generates synthetic corpora of the given sizes, builds each one (search
// index included) --runs times from a cold cache, and records build time, peak memory, output
// sizes and the weight of one typical entry page in Chromium.
// Usage: npm run bench -- --pages 300,1000,5000 --runs 3 [--keep] [--no-browser] [--cpu-prof DIR]
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem, type } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeCorpus } from './corpus.mjs';
import { outputSizes, runMeasured } from './measure.mjs';
import { launchChromium, measurePage, serve } from './page-weight.mjs';

const { values } = parseArgs({
  options: {
    pages: { type: 'string', default: '300,1000,5000' },
    runs: { type: 'string', default: '3' },
    keep: { type: 'boolean', default: false },
    'no-browser': { type: 'boolean', default: false },
    'cpu-prof': { type: 'string' },
  },
});
const pageCounts = values.pages.split(',').map((n) => Number(n.trim()));
const runs = Number(values.runs);
if (pageCounts.some((n) => !Number.isInteger(n) || n < 20) || !Number.isInteger(runs) || runs < 1) {
  console.error('Usage: npm run bench -- --pages 300,1000,5000 --runs 3   (each page count at least 20)');
  process.exit(2);
}

const ASTRO = resolve('node_modules/astro/bin/astro.mjs');
const MB = 1024 * 1024;
const round = (n, digits = 0) => Number(n.toFixed(digits));
const median = (list) => {
  const sorted = [...list].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const log = (message) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);

const ENTRY_PAGE = /\/(roles|languages|tools|guides|faq)\/[^/]+\/index\.html$/;

/** The entry page of median HTML size: a typical page, neither a hub nor a stub. */
function typicalEntryPage(distDir, html) {
  const entries = html.filter((f) => ENTRY_PAGE.test(f.path)).sort((a, b) => a.bytes - b.bytes);
  const chosen = entries[Math.floor(entries.length / 2)];
  return { path: `/${relative(distDir, chosen.path).replace(/index\.html$/, '')}`, largestEntryHtmlBytes: entries.at(-1).bytes };
}

async function benchOne(pages, browser) {
  // Inside the project on purpose: with an outDir outside the working directory, Astro stages its
  // prerender chunks in ./.astro/, which every other such build would share.
  mkdirSync('bench/tmp', { recursive: true });
  const work = mkdtempSync(resolve('bench/tmp', `${pages}-`));
  const contentDir = join(work, 'content');
  const distDir = join(work, 'dist');
  const cacheDir = join(work, 'cache');
  try {
    const corpus = writeCorpus(contentDir, pages);
    log(`${pages} pages: corpus written (${JSON.stringify(corpus.sizes)}, ${corpus.wordsPerPage} words a page)`);
    const env = {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: '1',
      NO_COLOR: '1',
      FORCE_COLOR: '0',
      GUIDE_CONTENT_DIR: contentDir,
      GUIDE_OUT_DIR: distDir,
      GUIDE_CACHE_DIR: cacheDir,
    };
    const times = [];
    const cpu = [];
    const peaks = [];
    const loads = [];
    let output = '';
    for (let run = 1; run <= runs; run++) {
      // Every run is a cold build: no output, no content cache left from the one before.
      rmSync(distDir, { recursive: true, force: true });
      rmSync(cacheDir, { recursive: true, force: true });
      const runEnv = values['cpu-prof']
        ? { ...env, NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${resolve(values['cpu-prof'], `${pages}-run${run}`)}` }
        : env;
      // Other work on the machine slows a build down; the load average says how busy it was.
      loads.push(round(loadavg()[0], 2));
      const result = await runMeasured(process.execPath, [ASTRO, 'build'], { env: runEnv });
      if (result.code !== 0) {
        console.error(result.output.slice(-4000));
        throw new Error(`build of ${pages} pages failed with exit code ${result.code}`);
      }
      times.push(result.seconds);
      cpu.push(result.cpuSeconds);
      peaks.push(result.peakRssBytes);
      output = result.output;
      log(
        `${pages} pages: run ${run}/${runs} ${result.seconds.toFixed(1)} s (${result.cpuSeconds.toFixed(1)} s CPU), peak ${(result.peakRssBytes / MB).toFixed(0)} MB, load ${loads.at(-1)}`,
      );
    }
    if (values.keep) writeFileSync(join(work, 'build.log'), output);
    const sizes = outputSizes(distDir);
    // The offline service worker, when there is one, says in the log what it precaches.
    const precache = /sw\.js precaches (\d+) files \((\d+) KiB\)/.exec(output);
    const typical = typicalEntryPage(distDir, sizes.html);
    let contentPage;
    if (browser) {
      const server = await serve(distDir);
      try {
        contentPage = await measurePage(browser, server.origin, typical.path, distDir);
      } finally {
        server.close();
      }
    }
    return {
      pages,
      corpus: { ...corpus.sizes, wordsPerPage: corpus.wordsPerPage },
      htmlPages: sizes.htmlPages,
      buildSeconds: { min: round(Math.min(...times), 2), median: round(median(times), 2), max: round(Math.max(...times), 2) },
      buildSecondsAll: times.map((t) => round(t, 2)),
      cpuSeconds: { min: round(Math.min(...cpu), 1), median: round(median(cpu), 1), max: round(Math.max(...cpu), 1) },
      loadAverageBefore: loads,
      peakRssMB: round(median(peaks) / MB),
      peakRssMBMax: round(Math.max(...peaks) / MB),
      distBytes: sizes.distBytes,
      htmlBytesPerPage: round(sizes.htmlBytes / sizes.htmlPages),
      largestEntryHtmlBytes: typical.largestEntryHtmlBytes,
      pagefindBytes: sizes.pagefindBytes,
      ...(precache ? { serviceWorkerPrecache: { files: Number(precache[1]), bytes: Number(precache[2]) * 1024 } } : {}),
      ...(contentPage ? { contentPage } : {}),
    };
  } finally {
    if (values.keep) log(`kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

/** How each step up in size changed build time and page size. */
function scaling(results) {
  return results.slice(1).map((to, i) => {
    const from = results[i];
    return {
      from: from.pages,
      to: to.pages,
      pagesRatio: round(to.pages / from.pages, 2),
      buildSecondsRatio: round(to.buildSeconds.median / from.buildSeconds.median, 2),
      cpuSecondsRatio: round(to.cpuSeconds.median / from.cpuSeconds.median, 2),
      peakRssRatio: round(to.peakRssMB / from.peakRssMB, 2),
      htmlBytesPerPageChange: round((to.htmlBytesPerPage - from.htmlBytesPerPage) / from.htmlBytesPerPage, 4),
    };
  });
}

const kb = (bytes) => (bytes / 1024).toFixed(1);
const mb = (bytes) => (bytes / MB).toFixed(1);

/** The results as a Markdown table, the scaling under it. */
export function markdown(report) {
  const lines = [
    '| Pages | Build s (median, min–max) | CPU s | Pages/s | Peak RSS MB | dist MB | HTML bytes/page | Pagefind MB | Entry page: requests | gzip KB | JS gzip KB | CSS gzip KB |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of report.runs) {
    const p = r.contentPage;
    lines.push(
      `| ${r.pages.toLocaleString('en')} | ${r.buildSeconds.median.toFixed(1)} (${r.buildSeconds.min.toFixed(1)}–${r.buildSeconds.max.toFixed(1)}) | ${r.cpuSeconds.median.toFixed(0)} | ${(r.htmlPages / r.buildSeconds.median).toFixed(0)} | ${r.peakRssMB} | ${mb(r.distBytes)} | ${r.htmlBytesPerPage.toLocaleString('en')} | ${mb(r.pagefindBytes)} | ${p ? p.requests : '–'} | ${p ? kb(p.gzipBytes) : '–'} | ${p ? kb(p.jsGzipBytes) : '–'} | ${p ? kb(p.cssGzipBytes) : '–'} |`,
    );
  }
  lines.push('');
  for (const s of report.scaling) {
    lines.push(
      `- ${s.from.toLocaleString('en')} → ${s.to.toLocaleString('en')} pages (×${s.pagesRatio}): build time ×${s.buildSecondsRatio} (CPU time ×${s.cpuSecondsRatio}), peak RSS ×${s.peakRssRatio}, HTML bytes/page ${s.htmlBytesPerPageChange >= 0 ? '+' : ''}${(s.htmlBytesPerPageChange * 100).toFixed(1)} %`,
    );
  }
  const m = report.machine;
  lines.push(`- Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB RAM, ${m.os}, Node ${m.node}; ${report.date.slice(0, 10)}; ${report.runsPerSize} cold builds per size.`);
  return lines.join('\n');
}

const browser = values['no-browser'] ? undefined : await launchChromium();
const results = [];
try {
  for (const pages of pageCounts) results.push(await benchOne(pages, browser));
} finally {
  await browser?.close();
}

/** The commit benchmarked, and whether the working tree differed from it; BENCH_COMMIT names it for an exported tree. */
function revision() {
  if (process.env.BENCH_COMMIT) return { commit: process.env.BENCH_COMMIT, dirty: false };
  try {
    const git = (...args) => execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return { commit: git('rev-parse', 'HEAD'), dirty: git('status', '--porcelain', '--untracked-files=no').length > 0 };
  } catch {
    return { commit: null, dirty: null };
  }
}

const report = {
  date: new Date().toISOString(),
  command: `npm run bench -- --pages ${pageCounts.join(',')} --runs ${runs}`,
  ...revision(),
  machine: {
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    memoryGB: round(totalmem() / 1024 ** 3, 1),
    os: type(),
    node: process.version,
  },
  runsPerSize: runs,
  runs: results,
  scaling: scaling(results),
};
mkdirSync('bench/results', { recursive: true });
const file = join('bench/results', `${report.date.replace(/[:.]/g, '-')}.json`);
writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
console.log(markdown(report));
log(`wrote ${file}`);
