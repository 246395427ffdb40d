import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { headersFile, metaPolicy, sitePolicy } from '../lib/headers';

/** Every .html file under `dir`. */
async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => join(e.parentPath, e.name));
}

/** Writes `dist/_headers` after the build, from the pages' own CSP meta policies. */
export function cdnHeaders(): AstroIntegration {
  let base = '/';
  return {
    name: 'guide:cdn-headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const policies = (
          await Promise.all((await htmlFiles(outDir)).map(async (f) => metaPolicy(await readFile(f, 'utf8'))))
        ).filter((p): p is string => p !== undefined);
        if (policies.length === 0) throw new Error('No page carries a CSP <meta>; is security.csp enabled?');
        await writeFile(join(outDir, '_headers'), headersFile(base, sitePolicy(policies)));
        logger.info(`_headers written from ${policies.length} page policies`);
      },
    },
  };
}
