/**
 * The one place that fetches, filters, validates and sorts content. Collections
 * are loaded once per build and every page query reads from that snapshot.
 */
import { readFileSync } from 'node:fs';
import { getCollection, type CollectionEntry } from 'astro:content';
import { COLLECTIONS, TOOL_CATEGORIES, type CollectionName, type ToolCategory } from './schemas';
import { backlinkIndex, keyOf, neighbours, sortEntries, type EntryKey } from './lib/graph';
import { findRuleProblems } from './lib/content-rules';
import { findBrokenLinks, type LinkSource, type LinkTarget } from './lib/links';
import { bodyModel, type BodyModel } from './lib/markdown/index.ts';
import { findBrokenReferences, findFrameworkMismatches } from './lib/references';
import { findLearningProblems } from './lib/learning-path';
import { collectionPath, entryPath, markdownPath } from './lib/urls';

export type Role = CollectionEntry<'roles'>;
export type Language = CollectionEntry<'languages'>;
export type Tool = CollectionEntry<'tools'>;
export type Guide = CollectionEntry<'guides'>;
export type Faq = CollectionEntry<'faq'>;
/** An entry of any collection; narrow on `collection` or `data.type`. */
export type Entry = Role | Language | Tool | Guide | Faq;
/** A learning path (content/paths/). */
export type LearningPath = CollectionEntry<'paths'>;

interface Snapshot {
  byCollection: { roles: Role[]; languages: Language[]; tools: Tool[]; guides: Guide[]; faq: Faq[] };
  byKey: Map<string, Entry>;
  /** What each entry's body holds (links, headings, code, words), parsed once per build. */
  models: Map<string, BodyModel>;
  /** The entries each entry points to, by reference or by a link in its text. */
  outgoing: Map<string, EntryKey[]>;
  backlinks: Map<string, EntryKey[]>;
  /** Learning paths, in order. */
  paths: LearningPath[];
}

const collectionSet: ReadonlySet<string> = new Set(COLLECTIONS);

// Drafts show up under `astro dev` so authors can preview them.
const published = ({ data }: { data: { draft: boolean } }) => import.meta.env.DEV || !data.draft;

/**
 * The site's own pages that are not entries, from the route files themselves (no page is
 * loaded): `pages/compare/roles.astro` is /compare/roles/, `pages/llms.txt.ts` is /llms.txt.
 * Dynamic routes are left out; entries and section indexes are added from the content.
 */
const staticRoutes: string[] = Object.keys(import.meta.glob('./pages/**/*.{astro,ts}'))
  .filter((file) => !file.includes('['))
  .map((file) => {
    const route = file
      .slice('./pages'.length)
      .replace(/(\/index)?\.astro$/, '/')
      .replace(/\.ts$/, '');
    return route.endsWith('/') || route.includes('.') ? route : `${route}/`;
  });

const filePathOf = (entry: Entry) => entry.filePath ?? `content/${entry.collection}/${entry.id}.mdx`;

/** Lines of an entry's file before its body, so a body line becomes a file line. */
function frontmatterLines(filePath: string, body: string): number {
  const source = readFileSync(filePath, 'utf8');
  const start = source.indexOf(body);
  return start <= 0 ? 0 : source.slice(0, start).split('\n').length - 1;
}

/** Every page a body link may lead to, with the heading ids of the entries. */
function linkTargets(
  all: readonly Entry[],
  models: ReadonlyMap<string, BodyModel>,
  drafts: readonly Entry[],
  paths: readonly LearningPath[],
) {
  const pages = new Map<string, LinkTarget>(staticRoutes.map((route) => [route, {}]));
  for (const name of COLLECTIONS) pages.set(collectionPath(name), {});
  for (const path of paths) pages.set(`/paths/${path.id}/`, {});
  for (const entry of all) {
    const headings = new Set(models.get(keyOf(entry))?.headings.map((h) => h.id));
    pages.set(entryPath(entry.collection, entry.id), { headings });
    pages.set(markdownPath(entry.collection, entry.id), {});
  }
  for (const draft of drafts) pages.set(entryPath(draft.collection, draft.id), { draft: true });
  return pages;
}

/** Body links to missing pages, drafts or headings, one message each naming file and line. */
function brokenBodyLinks(
  all: readonly Entry[],
  models: ReadonlyMap<string, BodyModel>,
  drafts: readonly Entry[],
  paths: readonly LearningPath[],
): string[] {
  const pages = linkTargets(all, models, drafts, paths);
  const sources = (lineOffset: (entry: Entry) => number): LinkSource[] =>
    all.map((entry) => ({
      filePath: filePathOf(entry),
      links: models.get(keyOf(entry))?.links ?? [],
      lineOffset: lineOffset(entry),
    }));
  if (
    findBrokenLinks(
      sources(() => 0),
      pages,
    ).length === 0
  )
    return [];
  // Only a failing build reads the files again, to turn body lines into file lines.
  return findBrokenLinks(
    sources((entry) => frontmatterLines(filePathOf(entry), entry.body ?? '')),
    pages,
  );
}

async function load(): Promise<Snapshot> {
  const [roles, languages, tools, guides, faq] = await Promise.all([
    getCollection('roles', published),
    getCollection('languages', published),
    getCollection('tools', published),
    getCollection('guides', published),
    getCollection('faq', published),
  ]);
  const all: Entry[] = [...roles, ...languages, ...tools, ...guides, ...faq];
  const models = new Map(all.map((entry) => [keyOf(entry), bodyModel(entry.body ?? '')]));
  const records = all.map((entry) => ({
    collection: entry.collection,
    id: entry.id,
    filePath: filePathOf(entry),
    data: entry.data as unknown as Record<string, unknown>,
    links: models.get(keyOf(entry))?.links.map((link) => link.url) ?? [],
  }));
  const paths = await getCollection('paths', published);
  const pathRecords = paths.map((path) => ({ ...path, filePath: path.filePath ?? `content/paths/${path.id}.mdx` }));
  const drafts = import.meta.env.DEV
    ? []
    : (await Promise.all(COLLECTIONS.map((name) => getCollection(name, ({ data }) => data.draft)))).flat();
  // Every problem at once, so one build tells an author everything to fix.
  const problems = [
    ...findBrokenReferences(records),
    ...findFrameworkMismatches(records),
    ...findLearningProblems(pathRecords, records),
    ...brokenBodyLinks(all, models, drafts as Entry[], paths),
  ];
  if (problems.length > 0) {
    throw new Error(`Invalid content (${problems.length} problems):\n  ${problems.join('\n  ')}`);
  }
  const broken = findRuleProblems(
    records.map((record, i) => ({
      ...record,
      model: models.get(keyOf(record)) ?? bodyModel(''),
      // Read only for a message: the file's lines before the body.
      fileLine: (line: number) => line + frontmatterLines(record.filePath, all[i]?.body ?? ''),
    })),
  );
  if (broken.length > 0) {
    const message = `Content that breaks the authoring rules (${broken.length}):\n  ${broken.join('\n  ')}`;
    // Under astro dev a page being drafted only warns; a build must not ship it.
    if (!import.meta.env.DEV) throw new Error(message);
    console.warn(message);
  }
  const { outgoing, backlinks } = backlinkIndex(records, collectionSet);
  return {
    byCollection: {
      roles: sortEntries(roles),
      languages: sortEntries(languages),
      tools: sortEntries(tools),
      guides: sortEntries(guides),
      faq: sortEntries(faq),
    },
    byKey: new Map(all.map((entry) => [keyOf(entry), entry])),
    models,
    outgoing,
    backlinks,
    paths: sortEntries(paths),
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

/** The learning paths, in order; the first is the one the home page offers. */
export const getPaths = async (): Promise<LearningPath[]> => (await site()).paths;

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

/**
 * Resolves references to entries. Frontmatter references and body links were checked when
 * the snapshot loaded, so a miss here is a bug in the caller, not in the content.
 */
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
  const { outgoing } = await site();
  return resolve(outgoing.get(keyOf(entry)) ?? []);
}

/** What an entry's body holds: its links, headings, code blocks and word count. */
export async function getBodyModel(entry: Entry): Promise<BodyModel> {
  const model = (await site()).models.get(keyOf(entry));
  if (!model) throw new Error(`${keyOf(entry)} is not a published entry`);
  return model;
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
