// `npm run new`: scaffolds a content entry with every field its schema requires.
//   npm run new                      asks for the collection, id and title
//   npm run new -- tools fastapi     no questions; the title defaults to the id in words
//   npm run new -- tools fastapi "FastAPI"
// Fields come from the collection's zod schema (src/schemas/), so the scaffold follows it when
// it changes. Placeholders that must be replaced say TODO; the build names any left invalid.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { z } from 'astro/zod';
import { stringify } from 'yaml';
import { env } from '../config/env.ts';
import { COLLECTIONS, SCHEMAS, type CollectionName, type ReferenceFactory } from '../src/schemas/index.ts';

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
// References are ids in the frontmatter; the stand-in makes them plain strings for the JSON schema.
const idRef: ReferenceFactory = () => z.string() as never;

interface JsonSchema {
  type?: string;
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minItems?: number;
  format?: string;
  anyOf?: JsonSchema[];
}

/** A placeholder for one required field, valid where a guess can be, else marked TODO. */
function placeholder(name: string, schema: JsonSchema, title: string): unknown {
  const s = schema.anyOf?.[0] ?? schema;
  if (s.enum) return s.enum[0];
  if (s.type === 'integer' || s.type === 'number') return name === 'firstReleased' ? new Date().getUTCFullYear() : 1;
  if (s.type === 'boolean') return false;
  if (s.type === 'array') return s.minItems ? Array.from({ length: s.minItems }, () => `TODO ${name}`) : [];
  if (s.format === 'uri') return 'https://example.org/';
  if (name === 'description')
    return `TODO: one or two sentences on ${title}, for lists, search results and the meta description.`;
  return `TODO ${name}`;
}

/** The frontmatter of a new entry: title, every required field, the learning fields. */
export function scaffold(collection: CollectionName, title: string): Record<string, unknown> {
  const json = z.toJSONSchema(SCHEMAS[collection](idRef), { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const data: Record<string, unknown> = { title };
  for (const name of json.required ?? []) {
    if (name !== 'title') data[name] = placeholder(name, json.properties?.[name] ?? {}, title);
  }
  return { ...data, level: 'beginner', studyMinutes: 30, related: {} };
}

/** The whole file: frontmatter, then a body outline. */
export function entryFile(collection: CollectionName, title: string): string {
  const body = [
    `TODO: open with a paragraph that says what ${title} is and why a backend developer meets it.`,
    '',
    '## TODO: first section',
    '',
    'Link other pages root-relative with a trailing slash, like [the APIs guide](/guides/apis/).',
    '',
  ].join('\n');
  return `---\n${stringify(scaffold(collection, title), { lineWidth: 0 })}---\n\n${body}`;
}

async function main(): Promise<void> {
  let [collection, id, title] = process.argv.slice(2);
  if (!collection || !id) {
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    collection ||= (await rl.question(`Collection (${COLLECTIONS.join(', ')}): `)).trim();
    id ||= (await rl.question('Id (kebab-case, becomes the URL): ')).trim();
    title ||= (await rl.question('Title: ')).trim();
    rl.close();
  }
  if (!COLLECTIONS.includes(collection as CollectionName)) {
    throw new Error(`"${collection}" is not a collection; use one of ${COLLECTIONS.join(', ')}`);
  }
  if (!ID.test(id)) throw new Error(`"${id}" is not a kebab-case id, like "fastapi" or "how-the-web-works"`);
  const dir = join(env.contentDir, collection);
  const file = join(dir, `${id}.mdx`);
  const taken = existsSync(dir) && readdirSync(dir).some((name) => name.toLowerCase() === `${id}.mdx`);
  if (taken) throw new Error(`${file} exists already; pick another id or edit that file`);
  const name = title || id.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, entryFile(collection as CollectionName, name));
  console.log(`Created ${file}: fill in the TODOs, then run npm run dev to see it at /${collection}/${id}/`);
}

if (import.meta.main) {
  main().catch((error: Error) => {
    console.error(`npm run new: ${error.message}`);
    process.exit(1);
  });
}
