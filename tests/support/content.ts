import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { z } from 'astro/zod';
import { COLLECTIONS, type CollectionName, type ReferenceFactory } from '../../src/schemas';
import { schemaFor } from '../../src/schemas/registry';
import { readEntryFile } from '../../src/lib/markdown/index.ts';
import type { EntryRecord } from '../../src/lib/references';

/** Stand-in for Astro's reference(): the same output shape, existence checked separately. */
export const testRef: ReferenceFactory = (collection) => z.string().transform((id) => ({ collection, id }));

/** One parsed content file, as the tests see it. */
export interface LoadedEntry extends EntryRecord {
  collection: CollectionName;
  body: string;
}

/** Reads and validates every entry under `root/content`; throws on the first invalid file. */
export function loadContent(root = process.cwd()): LoadedEntry[] {
  return COLLECTIONS.flatMap((collection) => {
    const dir = join(root, 'content', collection);
    return readdirSync(dir)
      .filter((name) => name.endsWith('.mdx'))
      .sort()
      .map((name) => {
        const filePath = relative(root, join(dir, name));
        const { data, body } = readEntryFile(readFileSync(join(dir, name), 'utf8'), filePath);
        const result = schemaFor(collection, testRef).safeParse(data);
        if (!result.success) {
          throw new Error(`${filePath}: ${z.prettifyError(result.error)}`);
        }
        return {
          collection,
          id: name.replace(/\.mdx$/, ''),
          filePath,
          data: result.data as Record<string, unknown>,
          body,
        };
      });
  });
}
