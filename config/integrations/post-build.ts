/**
 * Everything that happens to `dist/` after Astro has written it, in one pass: the files are
 * listed once and each page is read into memory once. Pagefind indexes the pages (reading them
 * itself, in parallel, which is faster than handing them over) while the EPUB is made from the
 * print page in memory and each page's CSP is cut down to its own hashes. Then the pages are
 * written once, `_headers` takes what the page policies share, and the service worker's precache
 * list takes every file's revision, hashed once here.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { normalizeBase } from '../../src/lib/urls.ts';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';
import { headerPolicy, headersFile, pagePolicy, scanPage, withMetaPolicy } from '../headers.ts';
import { PAGEFIND_OPTIONS } from './search-index.ts';
import { fillEpubSizes, writeEpub } from './editions.ts';
import { writeServiceWorker } from './service-worker.ts';

/** One file of the build output, its path relative to `dist/` with forward slashes. */
export interface OutputFile {
  path: string;
  /** The file's bytes; pages are read for indexing anyway, other files only when their revision is needed. */
  content: () => Promise<Buffer>;
}

/** Every file under `dir`, listed once. */
async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/** Fails loudly with every message Pagefind reported. */
function assertNoErrors(step: string, errors: readonly string[]): void {
  if (errors.length > 0) throw new Error(`Pagefind ${step} failed:\n${errors.join('\n')}`);
}

/** Writes the index Pagefind holds; returns the files, sorted (Pagefind hands them over in no fixed order). */
async function writeSearchIndex(outDir: string, index: pagefind.PagefindIndex): Promise<OutputFile[]> {
  const { files, errors } = await index.getFiles();
  assertNoErrors('writing', errors);
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : 1));
  return await Promise.all(
    sorted.map(async (file) => {
      const path = `pagefind/${file.path.replace(/^\/+/, '')}`;
      const target = join(outDir, path);
      await mkdir(dirname(target), { recursive: true });
      const bytes = Buffer.from(file.content);
      await writeFile(target, bytes);
      return { path, content: async () => bytes };
    }),
  );
}

/** What the pages' own policies give the rest of the pass. */
interface PagePolicies {
  /** Every page's policy, for the header. */
  policies: string[];
  /** Every page's title, for the offline page list. */
  titles: Map<string, string>;
}

/**
 * Gives each page in `pages` a CSP <meta> with the hashes of its own inline scripts and styles
 * only (Astro lists every hash of the site on every page), reading each page once. In memory:
 * the pages are written once, at the end of the pass.
 */
function ownPolicies(pages: Map<string, string>): PagePolicies {
  const result: PagePolicies = { policies: [], titles: new Map() };
  for (const [path, html] of pages) {
    const scan = scanPage(html);
    result.titles.set(path, scan.title);
    if (!scan.meta) continue;
    const policy = pagePolicy(scan.meta.policy, scan.inlineHashes);
    result.policies.push(policy);
    pages.set(path, withMetaPolicy(html, scan.meta, policy));
  }
  if (result.policies.length === 0) throw new Error('No page carries a CSP <meta>; is security.csp enabled?');
  return result;
}

/**
 * Builds the search index while the EPUB is made and the pages get their own policies. Pagefind
 * reads and indexes the pages from disk in a process of its own, on every core; meanwhile this
 * thread makes the EPUB (fflate compresses its large files in worker threads) and reads the pages
 * in memory for their policies. The pages are written back only once Pagefind has read them: the
 * index holds them as Astro wrote them, and neither a policy nor a file size is anything anyone
 * searches for. Returns the EPUB, the index files and the policies.
 */
async function indexAndEditions(
  outDir: string,
  pages: Map<string, string>,
  where: { site: string; base: string },
  logger: AstroIntegrationLogger,
): Promise<{ epub: OutputFile | undefined; indexFiles: OutputFile[]; own: PagePolicies }> {
  const started = performance.now();
  const { index, errors } = await pagefind.createIndex(PAGEFIND_OPTIONS);
  assertNoErrors('setup', errors);
  if (!index) throw new Error('Pagefind returned no index');
  try {
    const [added, epub, own] = await Promise.all([
      index.addDirectory({ path: outDir }),
      writeEpub(outDir, pages, where, logger),
      // After the request to Pagefind has gone out.
      new Promise<PagePolicies>((done) => setImmediate(() => done(ownPolicies(pages)))),
    ]);
    assertNoErrors('indexing', added.errors);
    if (epub) fillEpubSizes(pages, epub.size);
    const indexFiles = await writeSearchIndex(outDir, index);
    if (added.page_count === 0 || indexFiles.length === 0) {
      throw new Error('Pagefind found no pages marked with data-pagefind-body');
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    logger.info(
      `indexed ${added.page_count} pages into ${indexFiles.length} search files (${seconds} s with the EPUB and the page policies)`,
    );
    return { epub: epub?.file, indexFiles, own };
  } finally {
    await pagefind.close();
  }
}

/** Runs the whole post-build pass over `outDir` for a site at `site` served under `base`. */
export async function processOutput(
  outDir: string,
  base: string,
  logger: AstroIntegrationLogger,
  site = 'http://localhost:4321',
): Promise<void> {
  const paths = await listFiles(outDir);
  const pages = new Map<string, string>();
  await Promise.all(
    paths
      .filter((path) => path.endsWith('.html'))
      .map(async (path) => pages.set(path, await readFile(join(outDir, path), 'utf8'))),
  );
  // The EPUB is written from the print page, and its size filled into the pages that offer it.
  const { epub, indexFiles, own } = await indexAndEditions(outDir, pages, { site, base }, logger);
  await Promise.all([...pages].map(([path, html]) => writeFile(join(outDir, path), html)));
  await writeFile(join(outDir, '_headers'), headersFile(base, headerPolicy(own.policies)));
  logger.info(`_headers written; each of ${own.policies.length} pages lists only its own script and style hashes`);

  const files: OutputFile[] = [
    ...paths.map((path) => ({
      path,
      content: async () => {
        const page = pages.get(path);
        return page === undefined ? readFile(join(outDir, path)) : Buffer.from(page);
      },
    })),
    ...indexFiles,
    ...(epub ? [epub] : []),
  ];
  await writeServiceWorker(outDir, files, logger, { base, titles: own.titles });
}

/**
 * A revision for a file whose name does not change with its content: SHA-256, its first 32 hex
 * digits. The service worker computes the same from a saved page (Web Crypto has no MD5).
 */
export function revisionOf(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 32);
}

/** The post-build pass as an integration; it runs after every production build. */
export function postBuild(): AstroIntegration {
  let base = '/';
  let site: string | undefined;
  return {
    name: 'guide:post-build',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = normalizeBase(config.base);
        site = config.site;
      },
      'astro:build:done': async ({ dir, logger }) => processOutput(fileURLToPath(dir), base, logger, site),
    },
  };
}
