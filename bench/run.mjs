// The build benchmark: generates synthetic corpora of the given sizes, builds each one (search
// index included) --runs times from a cold cache, and records build time, peak memory, output
// sizes and the weight of one typical entry page in Chromium.
// Usage: npm run bench -- --pages 300,1000,5000 --runs 3
//   --vs-starlight  also build a default Starlight site of the same corpus, each of its builds right
//                   after one of ours (Starlight installs into bench/starlight/ on first use)
//   --diagram-cost  also build the corpus with its mermaid fences as plain code, to time the diagrams
//   --keep          keep bench/tmp/<size>-*/ (corpus, dist, build.log)
//   --no-browser    skip weighing the typical entry page in Chromium
//   --cpu-prof DIR  write V8 CPU profiles of every build under DIR
//   --max-load N    before each build, wait (up to ten minutes) for the 1-minute load average to drop below N
//   --table FILE    print the Markdown table of an earlier bench/results/*.json and stop
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem, type } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeCorpus } from './corpus.mjs';
import { outputSizes, revision, runMeasured } from './measure.mjs';
import { launchChromium, measurePage, serve } from './page-weight.mjs';
import { STARLIGHT_ASTRO, ensureStarlight, writeStarlightSite } from './starlight.mjs';

const { values } = parseArgs({
  options: {
    pages: { type: 'string', default: '300,1000,5000' },
    runs: { type: 'string', default: '3' },
    'vs-starlight': { type: 'boolean', default: false },
    'diagram-cost': { type: 'boolean', default: false },
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

const MERMAID_FENCE = '```mermaid\n';

/** Every generated entry file of a corpus, by collection folder. */
const corpusFiles = (contentDir) =>
  readdirSync(contentDir).flatMap((collection) =>
    readdirSync(join(contentDir, collection)).map((file) => join(collection, file)),
  );

/** A copy of the corpus whose mermaid fences are plain code: the same pages with no diagram to draw. */
function copyWithPlainDiagrams(contentDir, plainDir) {
  for (const file of corpusFiles(contentDir)) {
    mkdirSync(join(plainDir, file, '..'), { recursive: true });
    const text = readFileSync(join(contentDir, file), 'utf8');
    writeFileSync(join(plainDir, file), text.replaceAll(MERMAID_FENCE, '```text\n'));
  }
}

/** One site built from a corpus, with what its builds measured. */
const site = (name, label, fields) => ({
  name,
  label,
  times: [],
  cpu: [],
  peaks: [],
  loads: [],
  output: '',
  ...fields,
});

/** One of our builds of the corpus in `contentDir`, writing into `distDir`. */
const ourSite = (name, label, contentDir, distDir, cacheDir) =>
  site(name, label, {
    distDir,
    clean: [distDir, cacheDir],
    command: [ASTRO, 'build'],
    env: { GUIDE_CONTENT_DIR: contentDir, GUIDE_OUT_DIR: distDir, GUIDE_CACHE_DIR: cacheDir },
  });

/**
 * Writes the corpus of one size into its own folder under bench/tmp/, and the sites built from it:
 * ours, and with --vs-starlight a Starlight site, with --diagram-cost ours again without diagrams.
 */
function prepare(pages) {
  // Inside the project on purpose: with an outDir outside the working directory, Astro stages its
  // prerender chunks in ./.astro/, which every other such build would share.
  mkdirSync('bench/tmp', { recursive: true });
  const work = mkdtempSync(resolve('bench/tmp', `${pages}-`));
  const contentDir = join(work, 'content');
  const corpus = writeCorpus(contentDir, pages);
  const diagramPages = corpusFiles(contentDir).filter((file) =>
    readFileSync(join(contentDir, file), 'utf8').includes(MERMAID_FENCE),
  ).length;
  log(
    `${pages} pages: corpus written (${JSON.stringify(corpus.sizes)}, ${corpus.wordsPerPage} words a page, ${diagramPages} with a diagram)`,
  );
  const sites = [ourSite('ours', 'ours', contentDir, join(work, 'dist'), join(work, 'cache'))];
  if (values['vs-starlight']) {
    const siteDir = join(work, 'starlight');
    writeStarlightSite(contentDir, siteDir);
    sites.push(
      site('starlight', 'Starlight', {
        cwd: siteDir,
        distDir: join(siteDir, 'dist'),
        // Its output, its cache (data store included) and its generated types: a cold build.
        clean: ['dist', 'cache', '.astro'].map((dir) => join(siteDir, dir)),
        command: [STARLIGHT_ASTRO, 'build'],
        env: {},
      }),
    );
  }
  if (values['diagram-cost'] && diagramPages === 0) log(`${pages} pages: no diagrams in the corpus to time`);
  else if (values['diagram-cost']) {
    const plainDir = join(work, 'content-plain');
    copyWithPlainDiagrams(contentDir, plainDir);
    sites.push(
      ourSite('plain', 'ours, diagrams as code', plainDir, join(work, 'dist-plain'), join(work, 'cache-plain')),
    );
  }
  return { pages, work, corpus, diagramPages, sites };
}

/** Waits, up to ten minutes, for the machine's load to drop below `limit` (when --max-load is given). */
async function waitForQuiet(limit) {
  for (let waited = 0; limit && loadavg()[0] > limit && waited < 600; waited += 10) {
    if (waited === 0) log(`load ${loadavg()[0].toFixed(1)} is above ${limit}; waiting`);
    await new Promise((resolve) => setTimeout(resolve, 10_000));
  }
}

/**
 * One cold build of a site: no output and no content cache left from the run before. Every site
 * runs on the Node that runs the bench (the project's Node 24 under npm run), measured alike.
 */
async function buildOnce(size, build, run) {
  for (const dir of build.clean) rmSync(dir, { recursive: true, force: true });
  const profileDir = `${size.pages}${build.name === 'ours' ? '' : `-${build.name}`}-run${run}`;
  const env = {
    ...process.env,
    ASTRO_TELEMETRY_DISABLED: '1',
    NO_COLOR: '1',
    FORCE_COLOR: '0',
    ...build.env,
    ...(values['cpu-prof']
      ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${resolve(values['cpu-prof'], profileDir)}` }
      : {}),
  };
  await waitForQuiet(Number(values['max-load'] ?? 0));
  // Other work on the machine slows a build down; the load average says how busy it was.
  build.loads.push(round(loadavg()[0], 2));
  const result = await runMeasured(process.execPath, build.command, { env, cwd: build.cwd });
  if (result.code !== 0) {
    console.error(result.output.slice(-4000));
    throw new Error(`build of ${size.pages} pages (${build.label}) failed with exit code ${result.code}`);
  }
  build.times.push(result.seconds);
  build.cpu.push(result.cpuSeconds);
  build.peaks.push(result.peakRssBytes);
  build.output = result.output;
  log(
    `${size.pages} pages, ${build.label}: run ${run}/${runs} ${result.seconds.toFixed(1)} s (${result.cpuSeconds.toFixed(1)} s CPU), peak ${(result.peakRssBytes / MB).toFixed(0)} MB, load ${build.loads.at(-1)}`,
  );
}

/** Median, min and max of a list, rounded. */
const spread = (list, digits) => ({
  min: round(Math.min(...list), digits),
  median: round(median(list), digits),
  max: round(Math.max(...list), digits),
});

/** What the builds of one site measured. */
const timings = (build) => ({
  buildSeconds: spread(build.times, 2),
  buildSecondsAll: build.times.map((t) => round(t, 2)),
  cpuSeconds: spread(build.cpu, 1),
  loadAverageBefore: build.loads,
  peakRssMB: round(median(build.peaks) / MB),
  peakRssMBMax: round(Math.max(...build.peaks) / MB),
});

/** `f(a[i], b[i])` for each round: builds of the same round ran one right after the other. */
const perRound = (a, b, f) => a.map((x, i) => f(x, b[i]));

/** The Starlight site's builds, set against ours round by round. */
function starlightSummary(ours, starlight) {
  const sizes = outputSizes(starlight.distDir);
  const timeRatios = perRound(starlight.times, ours.times, (s, o) => s / o);
  const cpuRatios = perRound(starlight.cpu, ours.cpu, (s, o) => s / o);
  return {
    htmlPages: sizes.htmlPages,
    ...timings(starlight),
    distBytes: sizes.distBytes,
    htmlBytesPerPage: round(sizes.htmlBytes / sizes.htmlPages),
    pagefindBytes: sizes.pagefindBytes,
    // Starlight's time over ours: above 1, ours is faster.
    timeRatio: { ...spread(timeRatios, 2), all: timeRatios.map((r) => round(r, 2)) },
    cpuRatio: spread(cpuRatios, 2),
    peakRssRatio: round(median(starlight.peaks) / median(ours.peaks), 2),
  };
}

/** What drawing the diagrams cost: our builds against those of the same corpus with the fences as code. */
function diagramCost(ours, plain) {
  const seconds = perRound(ours.times, plain.times, (a, b) => a - b);
  const cpu = perRound(ours.cpu, plain.cpu, (a, b) => a - b);
  return {
    withoutDiagrams: timings(plain),
    costSeconds: round(median(seconds), 2),
    costSecondsAll: seconds.map((t) => round(t, 2)),
    costCpuSeconds: round(median(cpu), 1),
    costPeakRssMB: round((median(ours.peaks) - median(plain.peaks)) / MB),
  };
}

/** Sizes of the last build of a corpus, its typical entry page weighed in Chromium, and the timings. */
async function summarise(size, browser) {
  const { pages, corpus, diagramPages } = size;
  const [ours] = size.sites;
  const { distDir } = ours;
  const byName = (name) => size.sites.find((s) => s.name === name);
  if (values.keep) {
    for (const build of size.sites) {
      writeFileSync(join(size.work, build.name === 'ours' ? 'build.log' : `build-${build.name}.log`), build.output);
    }
  }
  const sizes = outputSizes(distDir);
  // The offline service worker, when there is one, says in the log what it precaches.
  const precache = /sw\.js precaches (\d+) files \((\d+) KiB\)/.exec(ours.output);
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
  const starlight = byName('starlight');
  const plain = byName('plain');
  return {
    pages,
    corpus: { ...corpus.sizes, wordsPerPage: corpus.wordsPerPage, diagramPages },
    htmlPages: sizes.htmlPages,
    ...timings(ours),
    distBytes: sizes.distBytes,
    htmlBytesPerPage: round(sizes.htmlBytes / sizes.htmlPages),
    largestEntryHtmlBytes: typical.largestEntryHtmlBytes,
    pagefindBytes: sizes.pagefindBytes,
    ...(precache ? { serviceWorkerPrecache: { files: Number(precache[1]), bytes: Number(precache[2]) * 1024 } } : {}),
    ...(contentPage ? { contentPage } : {}),
    ...(starlight ? { starlight: starlightSummary(ours, starlight) } : {}),
    ...(plain ? { diagrams: diagramCost(ours, plain) } : {}),
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
  for (const r of report.runs.filter((run) => run.corpus.diagramPages !== undefined)) {
    const cost = r.diagrams
      ? `; drawing them adds ${r.diagrams.costSeconds.toFixed(1)} s of wall time, ${r.diagrams.costCpuSeconds.toFixed(1)} s of CPU time and ${r.diagrams.costPeakRssMB} MB of peak RSS (median of per-round differences against the same corpus with the fences as plain code, built in ${r.diagrams.withoutDiagrams.buildSeconds.median.toFixed(1)} s)`
      : '';
    lines.push(
      `- Diagrams at ${r.pages.toLocaleString('en')} pages: ${r.corpus.diagramPages.toLocaleString('en')} pages with a mermaid fence${cost}.`,
    );
  }
  const compared = report.runs.filter((r) => r.starlight);
  if (compared.length > 0) {
    const versions = Object.entries(report.starlight ?? {}).map(([name, version]) => `${name} ${version}`);
    lines.push(
      '',
      `Against a default Starlight site (${versions.join(', ')}) built from the same corpus, its builds interleaved with ours; ratios are Starlight's over ours, medians of the per-round ratios:`,
      '',
      '| Pages | Ours s (median, min–max) | Starlight s (median, min–max) | Time ratio | Ours CPU s | Starlight CPU s | CPU ratio | Ours peak RSS MB | Starlight peak RSS MB | Ours dist MB | Starlight dist MB |',
      '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    );
    const seconds = (s) => `${s.median.toFixed(1)} (${s.min.toFixed(1)}–${s.max.toFixed(1)})`;
    for (const r of compared) {
      const s = r.starlight;
      lines.push(
        `| ${r.pages.toLocaleString('en')} | ${seconds(r.buildSeconds)} | ${seconds(s.buildSeconds)} | ${s.timeRatio.median.toFixed(2)} | ${r.cpuSeconds.median.toFixed(0)} | ${s.cpuSeconds.median.toFixed(0)} | ${s.cpuRatio.median.toFixed(2)} | ${r.peakRssMB} | ${s.peakRssMB} | ${mb(r.distBytes)} | ${mb(s.distBytes)} |`,
      );
    }
    lines.push(
      '',
      ...compared.map(
        (r) =>
          `- ${r.pages.toLocaleString('en')} pages: per-round time ratios ${r.starlight.timeRatio.all.join(', ')}; Starlight wrote ${r.starlight.htmlPages.toLocaleString('en')} HTML pages (${r.starlight.htmlBytesPerPage.toLocaleString('en')} bytes each) to our ${r.htmlPages.toLocaleString('en')}; peak RSS ratio ${r.starlight.peakRssRatio.toFixed(2)} (Starlight's over ours; below 1 would mean ours peaks higher).`,
      ),
    );
  }
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

// Before anything is generated, so a failed install wastes no corpus.
const starlightVersions = values['vs-starlight'] ? ensureStarlight(log) : undefined;
const sizes = pageCounts.map(prepare);
const results = [];
try {
  // Round-robin over the sizes, and within a size over the sites (ours, then Starlight, ...), so a
  // busy spell on the machine slows every size and site alike and the ratios hold up better than
  // the absolute times.
  for (let run = 1; run <= runs; run++) {
    for (const size of sizes) for (const build of size.sites) await buildOnce(size, build, run);
  }
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

const report = {
  date: new Date().toISOString(),
  command: [
    `npm run bench -- --pages ${pageCounts.join(',')} --runs ${runs}`,
    ...(values['vs-starlight'] ? ['--vs-starlight'] : []),
    ...(values['diagram-cost'] ? ['--diagram-cost'] : []),
    ...(values['max-load'] ? [`--max-load ${values['max-load']}`] : []),
  ].join(' '),
  ...revision(),
  machine: {
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    memoryGB: round(totalmem() / 1024 ** 3, 1),
    os: type(),
    node: process.version,
  },
  runsPerSize: runs,
  ...(starlightVersions ? { starlight: starlightVersions } : {}),
  ...(values['max-load'] ? { maxLoad: Number(values['max-load']) } : {}),
  runs: results,
  scaling: scaling(results),
};
mkdirSync('bench/results', { recursive: true });
const file = join('bench/results', `${report.date.replace(/[:.]/g, '-')}.json`);
writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
console.log(markdown(report));
log(`wrote ${file}`);
