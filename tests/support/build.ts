import { spawnSync } from 'node:child_process';
import { stripVTControlCharacters } from 'node:util';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The outcome of one `astro build` of a content set. */
export interface BuildResult {
  status: number | null;
  output: string;
}

/** Copies the valid fixture corpus into a fresh temporary folder and returns its path. */
export function copyFixture(name = 'content-valid'): string {
  const dir = mkdtempSync(join(tmpdir(), 'guide-content-'));
  cpSync(join('tests/fixtures', name), dir, { recursive: true });
  return dir;
}

/** What a build of the site reads from the project folder, besides the content. */
const PROJECT_FILES = ['astro.config.mjs', 'package.json', 'tsconfig.json', 'config', 'public', 'src'];

/**
 * Copies the project's code into `dir` (node_modules linked, not copied) and returns `dir`: a
 * test changes the copy the way a new deploy changes code, and builds it with `root`.
 */
export function copyProject(dir: string): string {
  mkdirSync(dir, { recursive: true });
  for (const name of PROJECT_FILES) cpSync(name, join(dir, name), { recursive: true });
  symlinkSync(resolve('node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

/** Where one build reads and writes; every field but `outDir` is optional. */
export interface BuildOptions {
  /** Content root (GUIDE_CONTENT_DIR); the real content/ when unset. */
  contentDir?: string;
  /** Output folder (GUIDE_OUT_DIR), never the suite's dist/. */
  outDir: string;
  /** Astro's cache folder (GUIDE_CACHE_DIR), so parallel builds do not share one. */
  cacheDir: string;
  /** Extra environment, e.g. BASE_PATH and SITE_URL. */
  env?: Record<string, string>;
  /** The project to build (a copy of this one, changed the way a deploy changes code); this one when unset. */
  root?: string;
}

/**
 * Runs `fn` while holding the project's build lock. Astro stages a build in the project's
 * own .astro/ folder whatever the output folder, so two builds from parallel test workers
 * would overwrite each other's chunks; they take turns instead.
 */
function withBuildLock<T>(fn: () => T): T {
  const lock = join('.astro', 'test-build.lock');
  mkdirSync('.astro', { recursive: true });
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`${lock} held for 10 minutes; remove it if no build is running`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250);
    }
  }
  try {
    return fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Runs `astro <command>` once; the one place the tests start Astro. */
function runAstro(
  command: 'build' | 'sync',
  { contentDir, outDir, cacheDir, env = {}, root }: BuildOptions,
): BuildResult {
  const result = withBuildLock(() =>
    spawnSync(process.execPath, [resolve('node_modules/astro/bin/astro.mjs'), command], {
      encoding: 'utf8',
      ...(root ? { cwd: root } : {}),
      env: {
        ...process.env,
        ASTRO_TELEMETRY_DISABLED: '1',
        NO_COLOR: '1',
        FORCE_COLOR: '0',
        ...(contentDir ? { GUIDE_CONTENT_DIR: contentDir } : {}),
        GUIDE_OUT_DIR: outDir,
        GUIDE_CACHE_DIR: cacheDir,
        ...env,
      },
    }),
  );
  // Colour codes would split the words the tests look for.
  return { status: result.status, output: stripVTControlCharacters(`${result.stdout}\n${result.stderr}`) };
}

/** Runs `astro build` once. */
export const runBuild = (options: BuildOptions): BuildResult => runAstro('build', options);

/** Like runBuild, but throws with the build's output when it fails. */
export function buildOrThrow(options: BuildOptions): void {
  const result = runBuild(options);
  if (result.status !== 0) throw new Error(`astro build failed:\n${result.output}`);
}

/** Runs `command` on `contentDir` with a throwaway output and cache folder, never touching dist/. */
function inScratch(command: 'build' | 'sync', contentDir: string): BuildResult {
  const work = mkdtempSync(join(tmpdir(), 'guide-build-'));
  try {
    return runAstro(command, { contentDir, outDir: join(work, 'dist'), cacheDir: join(work, 'cache') });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Builds the site from `contentDir`. */
export const buildContent = (contentDir: string): BuildResult => inScratch('build', contentDir);

/** Syncs the content layer over `contentDir` (schemas and loaders run, no page is built). */
export const syncContent = (contentDir: string): BuildResult => inScratch('sync', contentDir);
