// The build benchmark: generates synthetic corpora of the given sizes, builds each one (search
// index included) --runs times from a cold cache, and records build time, peak memory, output
// sizes and the weight of one typical entry page in Chromium.
// Usage: npm run bench -- --pages 300,1000,5000 --runs 3
//   --keep          keep bench/tmp/<size>-*/ (corpus, dist, build.log)
//   --no-browser    skip weighing the typical entry page in Chromium
//   --cpu-prof DIR  write V8 CPU profiles of every build under DIR
//   --max-load N    before each build, wait (up to ten minutes) for the 1-minute load average to drop below N
//   --table FILE    print the Markdown table of an earlier bench/results/*.json and stop
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
    'max-load': { type: 'string' },
    table: { type: 'string' },
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
  return {
    path: `/${relative(distDir, chosen.path).replace(/index\.html$/, '')}`,
    largestEntryHtmlBytes: entries.at(-1).bytes,
  };
}

/** Writes the corpus of one size into its own folder under bench/tmp/. */
function prepare(pages) {
  // Inside the project on purpose: with an outDir outside the working directory, Astro stages its
  // prerender chunks in ./.astro/, which every other such build would share.
  mkdirSync('bench/tmp', { recursive: true });
  const work = mkdtempSync(resolve('bench/tmp', `${pages}-`));
  const contentDir = join(work, 'content');
  const corpus = writeCorpus(contentDir, pages);
  log(`${pages} pages: corpus written (${JSON.stringify(corpus.sizes)}, ${corpus.wordsPerPage} words a page)`);
  return {
    pages,
    work,
    corpus,
    distDir: join(work, 'dist'),
    cacheDir: join(work, 'cache'),
    contentDir,
    times: [],
    cpu: [],
    peaks: [],
    loads: [],
    output: '',
  };
}

/** Waits, up to ten minutes, for the machine's load to drop below `limit` (when --max-load is given). */
async function waitForQuiet(limit) {
  for (let waited = 0; limit && loadavg()[0] > limit && waited < 600; waited += 10) {
    if (waited === 0) log(`load ${loadavg()[0].toFixed(1)} is above ${limit}; waiting`);
    await new Promise((resolve) => setTimeout(resolve, 10_000));
  }
}

/** One cold build of a prepared corpus: no output and no content cache left from the run before. */
async function buildOnce(size, run) {
  rmSync(size.distDir, { recursive: true, force: true });
  rmSync(size.cacheDir, { recursive: true, force: true });
  const env = {
    ...process.env,
    ASTRO_TELEMETRY_DISABLED: '1',
    NO_COLOR: '1',
    FORCE_COLOR: '0',
    GUIDE_CONTENT_DIR: size.contentDir,
    GUIDE_OUT_DIR: size.distDir,
    GUIDE_CACHE_DIR: size.cacheDir,
    ...(values['cpu-prof']
      ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${resolve(values['cpu-prof'], `${size.pages}-run${run}`)}` }
      : {}),
  };
  await waitForQuiet(Number(values['max-load'] ?? 0));
  // Other work on the machine slows a build down; the load average says how busy it was.
  size.loads.push(round(loadavg()[0], 2));
  const result = await runMeasured(process.execPath, [ASTRO, 'build'], { env });
  if (result.code !== 0) {
    console.error(result.output.slice(-4000));
    throw new Error(`build of ${size.pages} pages failed with exit code ${result.code}`);
  }
  size.times.push(result.seconds);
  size.cpu.push(result.cpuSeconds);
  size.peaks.push(result.peakRssBytes);
  size.output = result.output;
  log(
    `${size.pages} pages: run ${run}/${runs} ${result.seconds.toFixed(1)} s (${result.cpuSeconds.toFixed(1)} s CPU), peak ${(result.peakRssBytes / MB).toFixed(0)} MB, load ${size.loads.at(-1)}`,
  );
}

/** Sizes of the last build of a corpus, its typical entry page weighed in Chromium, and the timings. */
async function summarise(size, browser) {
  const { pages, distDir, times, cpu, peaks, corpus } = size;
  if (values.keep) writeFileSync(join(size.work, 'build.log'), size.output);
  const sizes = outputSizes(distDir);
  // The offline service worker, when there is one, says in the log what it precaches.
  const precache = /sw\.js precaches (\d+) files \((\d+) KiB\)/.exec(size.output);
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
    buildSeconds: {
      min: round(Math.min(...times), 2),
      median: round(median(times), 2),
      max: round(Math.max(...times), 2),
    },
    buildSecondsAll: times.map((t) => round(t, 2)),
    cpuSeconds: { min: round(Math.min(...cpu), 1), median: round(median(cpu), 1), max: round(Math.max(...cpu), 1) },
    loadAverageBefore: size.loads,
    peakRssMB: round(median(peaks) / MB),
    peakRssMBMax: round(Math.max(...peaks) / MB),
    distBytes: sizes.distBytes,
    htmlBytesPerPage: round(sizes.htmlBytes / sizes.htmlPages),
    largestEntryHtmlBytes: typical.largestEntryHtmlBytes,
    pagefindBytes: sizes.pagefindBytes,
    ...(precache ? { serviceWorkerPrecache: { files: Number(precache[1]), bytes: Number(precache[2]) * 1024 } } : {}),
    ...(contentPage ? { contentPage } : {}),
  };
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
  const precached = report.runs.filter((r) => r.serviceWorkerPrecache);
  if (precached.length > 0) {
    lines.push(
      `- Service worker precache after a first visit: ${precached.map((r) => `${mb(r.serviceWorkerPrecache.bytes)} MB (${r.serviceWorkerPrecache.files.toLocaleString('en')} files) at ${r.pages.toLocaleString('en')} pages`).join(', ')}.`,
    );
  }
  lines.push(
    `- Largest entry page (most cited): ${report.runs.map((r) => `${kb(r.largestEntryHtmlBytes)} KB at ${r.pages.toLocaleString('en')}`).join(', ')}.`,
  );
  const m = report.machine;
  lines.push(
    `- Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB RAM, ${m.os}, Node ${m.node}; ${report.date.slice(0, 10)}; ${report.runsPerSize} cold builds per size.`,
  );
  return lines.join('\n');
}

if (values.table) {
  // Only print the table of an earlier result.
  console.log(markdown(JSON.parse(readFileSync(values.table, 'utf8'))));
  process.exit(0);
}

const sizes = pageCounts.map(prepare);
const results = [];
try {
  // Round-robin over the sizes, so a busy spell on the machine slows every size alike and the
  // ratios between sizes hold up better than the absolute times.
  for (let run = 1; run <= runs; run++) for (const size of sizes) await buildOnce(size, run);
  const browser = values['no-browser'] ? undefined : await launchChromium();
  try {
    for (const size of sizes) results.push(await summarise(size, browser));
  } finally {
    await browser?.close();
  }
} finally {
  for (const size of sizes) {
    if (values.keep) log(`kept ${size.work}`);
    else rmSync(size.work, { recursive: true, force: true });
  }
}

/** The commit benchmarked, and whether the working tree differed from it; BENCH_COMMIT names it for an exported tree. */
function revision() {
  if (process.env.BENCH_COMMIT) return { commit: process.env.BENCH_COMMIT, dirty: false };
  try {
    const git = (...args) =>
      execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
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
  ...(values['max-load'] ? { maxLoad: Number(values['max-load']) } : {}),
  runs: results,
  scaling: scaling(results),
};
mkdirSync('bench/results', { recursive: true });
const file = join('bench/results', `${report.date.replace(/[:.]/g, '-')}.json`);
writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
console.log(markdown(report));
log(`wrote ${file}`);
