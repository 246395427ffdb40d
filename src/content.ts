/**
 * The one place that fetches, filters, validates and sorts content. Collections
 * are loaded once per build and every page query reads from that snapshot.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { COLLECTIONS, TOOL_CATEGORIES, type CollectionName, type ToolCategory } from './schemas';
import { backlinkIndex, keyOf, neighbours, outgoing, sortEntries, type EntryKey } from './lib/graph';
import { findBrokenReferences, findFrameworkMismatches } from './lib/references';

export type Role = CollectionEntry<'roles'>;
export type Language = CollectionEntry<'languages'>;
export type Tool = CollectionEntry<'tools'>;
export type Guide = CollectionEntry<'guides'>;
export type Faq = CollectionEntry<'faq'>;
/** An entry of any collection; narrow on `collection` or `data.type`. */
export type Entry = Role | Language | Tool | Guide | Faq;

interface Snapshot {
  byCollection: { roles: Role[]; languages: Language[]; tools: Tool[]; guides: Guide[]; faq: Faq[] };
  byKey: Map<string, Entry>;
  backlinks: Map<string, EntryKey[]>;
}

const collectionSet: ReadonlySet<string> = new Set(COLLECTIONS);

// Drafts show up under `astro dev` so authors can preview them.
const published = ({ data }: { data: { draft: boolean } }) => import.meta.env.DEV || !data.draft;

async function load(): Promise<Snapshot> {
  const [roles, languages, tools, guides, faq] = await Promise.all([
    getCollection('roles', published),
    getCollection('languages', published),
    getCollection('tools', published),
    getCollection('guides', published),
    getCollection('faq', published),
  ]);
  const all: Entry[] = [...roles, ...languages, ...tools, ...guides, ...faq];
  const records = all.map((entry) => ({
    collection: entry.collection,
    id: entry.id,
    filePath: entry.filePath ?? `content/${entry.collection}/${entry.id}.mdx`,
    data: entry.data as unknown as Record<string, unknown>,
    body: entry.body,
  }));
  const problems = [...findBrokenReferences(records), ...findFrameworkMismatches(records)];
  if (problems.length > 0) {
    throw new Error(`Invalid content references (${problems.length}):\n  ${problems.join('\n  ')}`);
  }
  return {
    byCollection: {
      roles: sortEntries(roles),
      languages: sortEntries(languages),
      tools: sortEntries(tools),
      guides: sortEntries(guides),
      faq: sortEntries(faq),
    },
    byKey: new Map(all.map((entry) => [keyOf(entry), entry])),
    backlinks: backlinkIndex(records, collectionSet),
  };
}

let snapshot: Promise<Snapshot> | undefined;
const site = () => (snapshot ??= load());

/** All published entries of a collection, in display order. */
export async function getEntries<C extends CollectionName>(collection: C): Promise<Snapshot['byCollection'][C]> {
  return (await site()).byCollection[collection];
}

export const getRoles = () => getEntries('roles');
export const getLanguages = () => getEntries('languages');
export const getTools = () => getEntries('tools');
export const getGuides = () => getEntries('guides');
export const getFaq = () => getEntries('faq');

/** Every published entry, collection by collection. */
export async function getAllEntries(): Promise<Entry[]> {
  const { byCollection } = await site();
  return COLLECTIONS.flatMap((name) => byCollection[name] as Entry[]);
}

let toolGroups: Promise<{ category: ToolCategory; tools: Tool[] }[]> | undefined;

/** Tools grouped by category, in the fixed category order; empty categories left out. Grouped once: every tool page asks. */
export function getToolsByCategory(): Promise<{ category: ToolCategory; tools: Tool[] }[]> {
  return (toolGroups ??= getTools().then((tools) =>
    TOOL_CATEGORIES.map((category) => ({ category, tools: tools.filter((t) => t.data.category === category) })).filter(
      (group) => group.tools.length > 0,
    ),
  ));
}

/** Resolves references to entries; throws on one that does not exist (the loader already checked). */
export async function resolve(refs: readonly EntryKey[]): Promise<Entry[]> {
  const { byKey } = await site();
  return refs.map((ref) => {
    const entry = byKey.get(keyOf(ref));
    if (!entry) throw new Error(`No entry ${keyOf(ref)}`);
    return entry;
  });
}

/** Entries this one links to, by reference or in its text. */
export async function getOutgoing(entry: Entry): Promise<Entry[]> {
  return resolve(
    outgoing(
      { collection: entry.collection, id: entry.id, filePath: '', data: entry.data as never, body: entry.body },
      collectionSet,
    ),
  );
}

/** Entries that reference or link to this one. */
export async function getBacklinks(entry: Entry): Promise<Entry[]> {
  const { backlinks } = await site();
  return resolve(backlinks.get(keyOf(entry)) ?? []);
}

/** Previous and next entry within the entry's collection. */
export async function getNeighbours(entry: Entry): Promise<{ prev?: Entry; next?: Entry }> {
  return neighbours<Entry>(await getEntries(entry.collection), entry.id);
}
