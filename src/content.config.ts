import { existsSync, readdirSync } from 'node:fs';
import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import { env } from '../config/env.ts';
import { COLLECTIONS, type CollectionName, type ReferenceFactory } from './schemas/shared';
import { roleSchema, languageSchema, toolSchema, guideSchema, faqSchema } from './schemas';
import { pathSchema } from './schemas/path';

/** Where the content lives; the benchmark and fixture builds point this elsewhere. */
const CONTENT_DIR = env.contentDir;

/**
 * Every file in a collection folder must be an entry: a stray `python.md` or
 * `notes.txt` would otherwise be skipped without a word.
 */
function assertOnlyMdx(collection: CollectionName | 'paths'): void {
  const dir = `${CONTENT_DIR}/${collection}`;
  const strays = readdirSync(dir).filter((name) => !name.endsWith('.mdx') && !name.startsWith('.'));
  if (strays.length > 0) {
    throw new Error(
      `${strays.map((name) => `${dir}/${name}`).join(', ')}: only .mdx entries belong in ${dir}; rename or move ${strays.length === 1 ? 'it' : 'them'}`,
    );
  }
}

const ref = reference as unknown as ReferenceFactory;

/**
 * Ids are file names, lower-cased: `Git.mdx` and `git.mdx` would both claim
 * /tools/git/, so the second one fails the build instead of replacing the first.
 */
function idGenerator(name: CollectionName | 'paths') {
  const owners = new Map<string, string>();
  return ({ entry }: { entry: string }): string => {
    const id = entry.replace(/\.mdx$/, '').toLowerCase();
    const file = `${CONTENT_DIR}/${name}/${entry}`;
    const owner = owners.get(id);
    if (owner && owner !== file && existsSync(owner)) {
      throw new Error(`${file}: duplicate id "${id}": ${owner} already has it; rename one of the two files`);
    }
    owners.set(id, file);
    return id;
  };
}

/** Loads `content/<name>/*.mdx`, after checking nothing else sits there. */
function loaderFor(name: CollectionName | 'paths') {
  assertOnlyMdx(name);
  return glob({ pattern: '*.mdx', base: `${CONTENT_DIR}/${name}`, generateId: idGenerator(name) });
}

export const collections = {
  roles: defineCollection({ loader: loaderFor('roles'), schema: roleSchema(ref) }),
  languages: defineCollection({ loader: loaderFor('languages'), schema: languageSchema(ref) }),
  tools: defineCollection({ loader: loaderFor('tools'), schema: toolSchema(ref) }),
  guides: defineCollection({ loader: loaderFor('guides'), schema: guideSchema(ref) }),
  faq: defineCollection({ loader: loaderFor('faq'), schema: faqSchema(ref) }),
  // Learning paths through the entries; a content set without content/paths/ has none.
  paths: defineCollection({
    loader: existsSync(`${CONTENT_DIR}/paths`) ? loaderFor('paths') : () => [],
    schema: pathSchema,
  }),
} satisfies Record<(typeof COLLECTIONS)[number] | 'paths', unknown>;
