import { parseFrontmatter } from '@astrojs/markdown-remark';

/** An entry file split the way Astro splits it: frontmatter data and the MDX body. */
export interface EntryFile {
  data: Record<string, unknown>;
  /** The body, with the frontmatter replaced by empty lines so body lines are file lines. */
  body: string;
}

/** Splits an entry file's text (Astro's own frontmatter parser; the file path names errors). */
export function readEntryFile(text: string, filePath: string): EntryFile {
  try {
    const { frontmatter, content } = parseFrontmatter(text, { frontmatter: 'empty-with-lines' });
    return { data: frontmatter, body: content };
  } catch (error) {
    throw new Error(`${filePath}: invalid frontmatter: ${(error as Error).message}`, { cause: error });
  }
}
