/**
 * Everything that happens to `dist/` after Astro has written it, in one pass: the files are
 * listed once and each page is read into memory once. Pagefind indexes the pages (reading them
 * itself, in parallel, which is faster than handing them over) while the EPUB is made from the
 * print page in memory; then `_headers` takes the
 * pages' CSP policies and the service worker's precache list takes every file's revision,
 * hashed once here.
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

/**
 * Builds the search index while the EPUB is made. Pagefind reads and indexes the pages in a
 * process of its own, on every core, and fflate compresses the EPUB in worker threads, so the
 * two overlap. The pages are rewritten with the EPUB's size only once Pagefind has read them:
 * the index holds them as Astro wrote them, and a file size is nothing anyone searches for.
 * Returns the EPUB and the index files.
 */
async function indexAndEditions(
  outDir: string,
  pages: Map<string, string>,
  where: { site: string; base: string },
  logger: AstroIntegrationLogger,
): Promise<{ epub: OutputFile | undefined; indexFiles: OutputFile[] }> {
  const started = performance.now();
  const { index, errors } = await pagefind.createIndex(PAGEFIND_OPTIONS);
  assertNoErrors('setup', errors);
  if (!index) throw new Error('Pagefind returned no index');
  try {
    const [added, epub] = await Promise.all([
      index.addDirectory({ path: outDir }),
      writeEpub(outDir, pages, where, logger),
    ]);
    assertNoErrors('indexing', added.errors);
    if (epub) await fillEpubSizes(outDir, pages, epub.size);
    const indexFiles = await writeSearchIndex(outDir, index);
    if (added.page_count === 0 || indexFiles.length === 0) {
      throw new Error('Pagefind found no pages marked with data-pagefind-body');
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    logger.info(
      `indexed ${added.page_count} pages into ${indexFiles.length} search files (${seconds} s with the EPUB)`,
    );
    return { epub: epub?.file, indexFiles };
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
  const { epub, indexFiles } = await indexAndEditions(outDir, pages, { site, base }, logger);
  // Sorted, so every generated file comes out the same from one build to the next.
  const sortedPages = new Map([...pages].sort(([a], [b]) => (a < b ? -1 : 1)));

  // Each page is read once more, now that Pagefind has read it: its <meta> policy keeps only the
  // hashes of its own inline scripts and styles, _headers takes what the policies share, and the
  // offline page list takes its title.
  const policies: string[] = [];
  const titles = new Map<string, string>();
  await Promise.all(
    [...sortedPages].map(async ([path, html]) => {
      const scan = scanPage(html);
      titles.set(path, scan.title);
      if (!scan.meta) return;
      const policy = pagePolicy(scan.meta.policy, scan.inlineHashes);
      policies.push(policy);
      const trimmed = withMetaPolicy(html, scan.meta, policy);
      pages.set(path, trimmed);
      await writeFile(join(outDir, path), trimmed);
    }),
  );
  if (policies.length === 0) throw new Error('No page carries a CSP <meta>; is security.csp enabled?');
  await writeFile(join(outDir, '_headers'), headersFile(base, headerPolicy(policies)));
  logger.info(`_headers written; ${policies.length} page policies now list only their own hashes`);

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
  await writeServiceWorker(outDir, files, logger, { base, titles });
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
