import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** The base path the tests build and serve under (BASE_PATH, "/" when unset). */
export const BASE = `/${(process.env['BASE_PATH'] ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** A static server for a built site that a test can stop, as a network outage would. */
export interface SiteServer {
  /** The site's URL, with the base path and a trailing slash. */
  url: string;
  stop(): Promise<void>;
}

/** Serves `dir` with tests/support/serve.mjs (the same server as the suite's) on a port of its own. */
export async function serveSite(dir: string): Promise<SiteServer> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    ['tests/support/serve.mjs', '--dir', dir, '--base', BASE, '--port', String(port)],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  await new Promise<void>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    child.stdout?.once('data', () => resolve());
  });
  return {
    url: `http://127.0.0.1:${port}${BASE}`,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill();
      }),
  };
}

/** Builds the site from `contentDir` into `outDir` (the suite's dist/ is never touched). Throws with the output on failure. */
export function buildSite(contentDir: string, outDir: string, cacheDir = join(outDir, '..', 'cache')): void {
  const result = spawnSync('npx', ['astro', 'build'], {
    encoding: 'utf8',
    env: {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: '1',
      NO_COLOR: '1',
      GUIDE_CONTENT_DIR: contentDir,
      GUIDE_OUT_DIR: outDir,
      GUIDE_CACHE_DIR: cacheDir,
    },
  });
  if (result.status !== 0) throw new Error(`astro build failed:\n${result.stdout}\n${result.stderr}`);
}
