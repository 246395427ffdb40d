/**
 * The content files as text, for tests that read bodies (code samples, the brief's required
 * entries, the authoring rules). Validation is the content layer's job (`astro sync`, the
 * build); this only lists files and splits frontmatter the way Astro does.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { bodyModel, readEntryFile, type BodyModel } from '../../src/lib/markdown/index.ts';
import { COLLECTIONS, type CollectionName, type ReferenceFactory } from '../../src/schemas';

/** Stand-in for Astro's reference(): the same output shape, for tests that parse schemas directly. */
export const testRef: ReferenceFactory = (collection) => z.string().transform((id) => ({ collection, id }));

/** One content file: where it is, its raw frontmatter, its body and the body's model. */
export interface ContentFile {
  collection: CollectionName;
  id: string;
  filePath: string;
  data: Record<string, unknown>;
  body: string;
  model: BodyModel;
}

/** Every entry file under `root/content`, collection by collection, sorted by name. */
export function contentFiles(root = 'content'): ContentFile[] {
  return COLLECTIONS.flatMap((collection) =>
    readdirSync(join(root, collection))
      .filter((name) => name.endsWith('.mdx'))
      .sort()
      .map((name) => {
        const filePath = join(root, collection, name);
        const { data, body } = readEntryFile(readFileSync(filePath, 'utf8'), filePath);
        return {
          collection,
          id: name.slice(0, -'.mdx'.length).toLowerCase(),
          filePath,
          data,
          body,
          model: bodyModel(body),
        };
      }),
  );
}
