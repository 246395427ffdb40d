// `npm run new` scaffolds entries from the schemas and never overwrites one.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { entryFile, scaffold } from '../../scripts/new-entry.ts';
import { readEntryFile } from '../../src/lib/markdown/index.ts';
import { SCHEMAS, type ReferenceFactory } from '../../src/schemas';

const ref: ReferenceFactory = (collection) => z.string().transform((id) => ({ collection, id }));
const run = (dir: string, ...args: string[]) =>
  spawnSync(process.execPath, ['scripts/new-entry.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, GUIDE_CONTENT_DIR: dir },
  });

describe('npm run new', () => {
  it('writes every field the schema requires', () => {
    for (const collection of ['roles', 'languages', 'tools', 'guides', 'faq'] as const) {
      const { data } = readEntryFile(entryFile(collection, 'Example'), 'x.mdx');
      const result = SCHEMAS[collection](ref).safeParse(data);
      const missing = result.success
        ? []
        : result.error.issues.filter((i) => i.code === 'invalid_type' && i.input === undefined);
      expect(missing, collection).toEqual([]);
    }
  });

  it('gives guides and FAQ entries frontmatter that is valid as scaffolded', () => {
    expect(SCHEMAS.guides(ref).safeParse(scaffold('guides', 'Example guide')).success).toBe(true);
    expect(SCHEMAS.faq(ref).safeParse(scaffold('faq', 'Is this an example?')).success).toBe(true);
  });

  it('creates the file from arguments without asking, and refuses an id that exists', () => {
    const dir = mkdtempSync(join(tmpdir(), 'guide-new-'));
    const first = run(dir, 'tools', 'fastapi', 'FastAPI');
    expect(first.status).toBe(0);
    expect(readFileSync(join(dir, 'tools/fastapi.mdx'), 'utf8')).toContain('title: FastAPI');
    const again = run(dir, 'tools', 'FastAPI');
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('not a kebab-case id');
    const taken = run(dir, 'tools', 'fastapi');
    expect(taken.status).toBe(1);
    expect(taken.stderr).toContain('exists already');
  });
});
