/**
 * The one Markdown model of the guide: an entry's MDX body parsed into mdast, the syntax
 * tree of the unified ecosystem (remark-parse + remark-mdx + remark-gfm produce the same
 * shapes). It is parsed by Sätteri, the engine that also renders the pages, so every tool
 * that reads content sees exactly what readers get, and a parse costs a fraction of a
 * millisecond; tests/unit/markdown.test.ts checks remark reads every entry the same way.
 */
import type { Root } from 'mdast';
import { mdxToMdast } from 'satteri';

/**
 * Parses an MDX body (frontmatter already removed) into mdast, with positions. Text comes
 * out as the page shows it, with smart punctuation (Astro's default), so heading ids match
 * the rendered page's; `{ asWritten: true }` keeps the author's straight quotes instead.
 */
export function parseMdx(body: string, options: { asWritten?: boolean } = {}): Root {
  return mdxToMdast(body, { features: { gfm: true, smartPunctuation: !options.asWritten } }) as unknown as Root;
}
