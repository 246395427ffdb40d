import { parse } from 'yaml';

/** An MDX source split into its YAML frontmatter and its body. */
export interface SplitSource {
  /** Parsed frontmatter. */
  data: Record<string, unknown>;
  /** Everything after the closing `---`. */
  body: string;
}

/** Splits and parses frontmatter; throws with `filePath` in the message when it is missing or not valid YAML. */
export function splitFrontmatter(source: string, filePath: string): SplitSource {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(source);
  if (!match) throw new Error(`${filePath}: no frontmatter; the file must start with a --- block`);
  let data: unknown;
  try {
    data = parse(match[1] ?? '');
  } catch (error) {
    throw new Error(`${filePath}: frontmatter is not valid YAML: ${(error as Error).message}`, { cause: error });
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new Error(`${filePath}: frontmatter must be a YAML mapping of field names to values`);
  }
  return { data: data as Record<string, unknown>, body: source.slice(match[0].length) };
}
