import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

import { env } from '../../config/env.ts';

/** The base path the tests build and serve under (BASE_PATH, "/" when unset). */
export const BASE = env.base;

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

/** One response of the server: its path, status and the bytes of its body as sent (after gzip). */
export interface Sent {
  path: string;
  status: number;
  bytes: number;
}

/** A static server for a built site that a test can stop, as a network outage would. */
export interface SiteServer {
  /** The site's URL, with the base path and a trailing slash. */
  url: string;
  /**
   * The responses sent since the last call (or since the server started). It first asks the server
   * for a marker and waits for its log line: a response the browser already has may be logged a
   * moment later on a busy machine, and would otherwise count towards the next call.
   */
  take(): Promise<Sent[]>;
  stop(): Promise<void>;
}

/**
 * Serves `dir` under `base` with tests/support/serve.mjs (the same server as the suite's) on a port
 * of its own, or on `port`: a deploy is the next build served on the same origin.
 */
export async function serveSite(dir: string, base = BASE, port?: number): Promise<SiteServer> {
  port ??= await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    ['tests/support/serve.mjs', '--dir', dir, '--base', base, '--port', String(port), '--log'],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  await new Promise<void>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    child.stdout?.once('data', () => resolve());
  });
  let sent: Sent[] = [];
  let partial = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    const lines = (partial + chunk.toString('utf8')).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) if (line.startsWith('{')) sent.push(JSON.parse(line) as Sent);
  });
  let marks = 0;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    take: async () => {
      const mark = `${base}__test-mark-${++marks}__`;
      await (await fetch(`http://127.0.0.1:${port}${mark}`)).arrayBuffer();
      for (let waited = 0; !sent.some((response) => response.path === mark); waited += 10) {
        if (waited > 10_000) throw new Error(`the server never logged ${mark}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      const at = sent.findIndex((response) => response.path === mark);
      const taken = sent.slice(0, at);
      sent = sent.slice(at + 1);
      return taken;
    },
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill();
      }),
  };
}
