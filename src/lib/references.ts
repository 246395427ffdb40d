/**
 * Cross-reference integrity over all entries. Astro only logs a dangling
 * reference, so the guide checks them itself and fails the build instead.
 */

/** What the checks need to know of one entry. */
export interface EntryRecord {
  /** Collection the entry belongs to. */
  collection: string;
  /** Entry id (its file name without extension). */
  id: string;
  /** Path of the source file, relative to the project root. */
  filePath: string;
  /** Parsed frontmatter, references already turned into `{ collection, id }`. */
  data: Record<string, unknown>;
}

/** A reference found in an entry's data, with the field it sits in. */
export interface FoundReference {
  /** Dotted field path, e.g. "related.tools[2]". */
  field: string;
  /** Collection referred to. */
  collection: string;
  /** Id referred to. */
  id: string;
}

function isReference(value: unknown): value is { collection: string; id: string } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { collection?: unknown }).collection === 'string' &&
    typeof (value as { id?: unknown }).id === 'string' &&
    Object.keys(value).length === 2
  );
}

/** Every reference inside `data`, depth first, with its field path. */
export function referencesIn(data: unknown, path = ''): FoundReference[] {
  if (isReference(data)) return [{ field: path, collection: data.collection, id: data.id }];
  if (Array.isArray(data)) return data.flatMap((item, i) => referencesIn(item, `${path}[${i}]`));
  if (typeof data === 'object' && data !== null) {
    return Object.entries(data).flatMap(([key, value]) => referencesIn(value, path ? `${path}.${key}` : key));
  }
  return [];
}

const key = (collection: string, id: string) => `${collection}/${id}`;

/** One message per reference to an entry that does not exist, naming file and field. */
export function findBrokenReferences(entries: readonly EntryRecord[]): string[] {
  const known = new Set(entries.map((e) => key(e.collection, e.id)));
  return entries.flatMap((entry) =>
    referencesIn(entry.data)
      .filter((ref) => !known.has(key(ref.collection, ref.id)))
      .map(
        (ref) =>
          `${entry.filePath}: field "${ref.field}" references "${ref.id}" in ${ref.collection}, but ${ref.collection} has no entry "${ref.id}"`,
      ),
  );
}

/**
 * A language lists its frameworks and a framework lists its languages; both
 * sides must agree, so neither page can contradict the other.
 */
export function findFrameworkMismatches(entries: readonly EntryRecord[]): string[] {
  const byKey = new Map(entries.map((e) => [key(e.collection, e.id), e]));
  const refIds = (value: unknown) => (Array.isArray(value) ? value.filter(isReference).map((r) => r.id) : []);
  const problems: string[] = [];
  for (const language of entries.filter((e) => e.collection === 'languages')) {
    refIds(language.data['frameworks']).forEach((toolId, i) => {
      const tool = byKey.get(key('tools', toolId));
      if (!tool) return;
      if (tool.data['category'] !== 'framework') {
        problems.push(
          `${language.filePath}: field "frameworks[${i}]" names "${toolId}", whose category is "${String(tool.data['category'])}", not "framework"`,
        );
      } else if (!refIds(tool.data['languages']).includes(language.id)) {
        problems.push(
          `${tool.filePath}: field "languages" must include "${language.id}", because ${language.filePath} lists "${toolId}" in frameworks`,
        );
      }
    });
  }
  for (const tool of entries.filter((e) => e.collection === 'tools' && e.data['category'] === 'framework')) {
    refIds(tool.data['languages']).forEach((languageId) => {
      const language = byKey.get(key('languages', languageId));
      if (language && !refIds(language.data['frameworks']).includes(tool.id)) {
        problems.push(
          `${language.filePath}: field "frameworks" must include "${tool.id}", because ${tool.filePath} lists "${languageId}" in languages`,
        );
      }
    });
  }
  return problems;
}
