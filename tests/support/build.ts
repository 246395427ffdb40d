import { spawnSync } from 'node:child_process';
import { stripVTControlCharacters } from 'node:util';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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

/** Builds the site from `contentDir` into a throwaway output folder, never touching dist/. */
export function buildContent(contentDir: string): BuildResult {
  const work = mkdtempSync(join(tmpdir(), 'guide-build-'));
  try {
    const result = spawnSync('npx', ['astro', 'build'], {
      encoding: 'utf8',
      env: {
        ...process.env,
        ASTRO_TELEMETRY_DISABLED: '1',
        NO_COLOR: '1',
        FORCE_COLOR: '0',
        GUIDE_CONTENT_DIR: contentDir,
        GUIDE_OUT_DIR: join(work, 'dist'),
        GUIDE_CACHE_DIR: join(work, 'cache'),
      },
    });
    // Colour codes would split the words the tests look for.
    const output = stripVTControlCharacters(`${result.stdout}\n${result.stderr}`);
    return { status: result.status, output };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
